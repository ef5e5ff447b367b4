/** The queue area: the declaration list and detail, decisions, imports, rejects, demo data, saved views and the release-time dashboard. */
import type { queueChannels } from '../../../preload/contract/channels/queue';
import type { ApprovalService } from '../approvals/approval-service';
import type { Area } from '../area';
import type { Core } from '../core';
import { ServiceError } from '../errors';
import type { RiskServices } from '../risk/risk-handlers';
import { timeReleaseDashboard } from './dashboard';
import { declarationDetail } from './declaration-detail';
import { systemTimeZone } from './local-time';
import { postReleaseAmendments, reviewAmendment } from './post-clearance-review';
import { DECLARATION_FILE_EXTENSIONS, type PickFiles } from './pick-files';
import { listQueue } from './queue-query';
import { QueueService } from './queue-service';

export function createQueueArea(
  core: Pick<Core, 'store' | 'clock' | 'dataDir' | 'mode' | 'logger' | 'emit' | 'me'> &
    Partial<Pick<Core, 'accounts' | 'settings' | 'uploadBudget'>>,
  deps: { risk: Pick<RiskServices, 'assessor'>; approvals?: ApprovalService; pickFiles?: PickFiles },
): Area<typeof queueChannels> & { queue: QueueService } {
  const { logger, me } = core;
  const { pickFiles } = deps;
  const queue = new QueueService({
    store: core.store,
    clock: core.clock,
    dataDir: core.dataDir,
    mode: core.mode,
    timeZone: systemTimeZone(),
    risk: deps.risk,
    accounts: core.accounts,
    ...(deps.approvals ? { approvals: deps.approvals } : {}),
    ...(core.uploadBudget ? { uploadBudget: core.uploadBudget } : {}),
    // Declarations that name no office are assigned the workstation's, as saved in its settings.
    ...(core.settings ? { office: () => core.settings!.get().office } : {}),
    emitChanged: (payload) => core.emit('cw:queue.changed', payload),
    emitProgress: (payload) => core.emit('cw:queue.importProgress', payload),
    log: { info: (o, m) => logger.info(o, m), warn: (o, m) => logger.warn(o, m), error: (o, m) => logger.error(o, m) },
  });
  return {
    queue,
    start: () => queue.start().catch((error: unknown) => logger.error({ err: error }, 'inbox watcher not started')),
    stop: () => queue.stop(),
    handlers: {
      'cw:queue.list': (input) => listQueue(queue.store, input, me().id),
      'cw:queue.get': ({ id }) => declarationDetail(queue.store, queue.declarations, id),
      'cw:queue.decide': ({ ids, decision, reason }) => queue.decide(me(), ids, decision, reason),
      'cw:queue.assign': async ({ ids, to }) => ({ assigned: await queue.assign(me(), ids, to) }),
      'cw:queue.reroute': ({ id, lane, reason }) => queue.reroute(me(), id, lane, reason),
      // The paths come from the host's own dialog, never from the caller.
      'cw:queue.importFromDialog': async () => {
        const user = me();
        if (!pickFiles)
          throw new ServiceError(
            'FAILED_PRECONDITION',
            'There is no file dialog in the browser: upload the files instead (Import button or drag and drop).',
          );
        const paths = await pickFiles({ title: 'Import declarations', extensions: DECLARATION_FILE_EXTENSIONS });
        if (paths.length === 0) return { cancelled: true, files: [], imported: 0, rejected: 0, duplicates: 0 };
        return { cancelled: false, ...(await queue.importPaths(paths, user)) };
      },
      'cw:queue.uploadChunk': (chunk) => queue.uploadChunk(me(), chunk),
      'cw:queue.rejects': ({ limit, offset }) => queue.declarations.listRejectsPage(limit, offset),
      'cw:queue.demo': async ({ count, seed }) => ({ imported: await queue.demo(count, seed, me()) }),
      'cw:queue.reviews': ({ reviewed }) => postReleaseAmendments(queue.store, reviewed),
      'cw:queue.review': async (input) => {
        const reviewed = await reviewAmendment(queue.store, queue.clock, me(), input);
        core.emit('cw:queue.changed', { ids: [input.id] });
        return reviewed;
      },
      'cw:queue.dashboard': ({ days }) => timeReleaseDashboard(queue.store, queue.clock.now(), days, queue.timeZone),
      'cw:queue.savedViews': () => queue.views.list(me().id),
      'cw:queue.saveView': (input) => queue.views.save(me().id, input),
      'cw:queue.deleteView': async ({ id }) => {
        await queue.views.remove(me().id, id);
        return undefined;
      },
    },
  };
}
