/** The declaration queue's and the risk configuration's channels, over QueueService. */
import type { declarationsChannels } from '../../../preload/channels/declarations';
import type { riskChannels } from '../../../preload/channels/risk';
import type { User } from '../../../preload/schemas/auth';
import { ServiceError } from '../errors';
import type { HandlersFor } from '../handlers';
import { declarationDetail } from './declaration-detail';
import { timeReleaseDashboard } from './dashboard';
import { listQueue } from './queue-query';
import type { QueueService } from './queue-service';

export function createQueueHandlers(
  queue: QueueService,
  me: () => User,
  host: 'electron' | 'web',
): HandlersFor<typeof declarationsChannels> & HandlersFor<typeof riskChannels> {
  return {
    'cw:declarations.list': (input) => listQueue(queue.store, input, me().id),
    'cw:declarations.get': ({ id }) => declarationDetail(queue.store, queue.declarations, id),
    'cw:declarations.decide': async ({ ids, decision, reason }) => {
      const result = await queue.actions.decide(me(), ids, decision, reason);
      queue.changed(result.decided.map((d) => d.number));
      return result;
    },
    'cw:declarations.assign': async ({ ids, to }) => {
      const assigned = await queue.actions.assign(me(), ids, to);
      queue.changed(assigned);
      return { assigned };
    },
    'cw:declarations.reroute': async ({ id, lane, reason }) => {
      const row = await queue.actions.reroute(me(), id, lane, reason);
      queue.changed([id]);
      return row;
    },
    // Paths come from Electron's file dialog. A browser has no paths to give, and in the
    // web host this would let any page holding the token make Clearway read any file.
    'cw:declarations.import': async ({ paths }) => {
      if (host === 'web') throw new ServiceError('FAILED_PRECONDITION', 'Import by path is not available in the browser: upload the files instead (Import button or drag and drop).');
      return queue.importPaths(paths, me());
    },
    'cw:declarations.uploadChunk': async (chunk) => {
      const user = me();
      const { receivedBytes, file } = queue.uploads.accept(user.id, chunk);
      return { receivedBytes, result: file ? await queue.importOne(file, user) : null };
    },
    'cw:declarations.rejects': ({ limit, offset }) => queue.declarations.listRejectsPage(limit, offset),
    'cw:declarations.demo': async ({ count, seed }) => ({ imported: await queue.demo(count, seed, me()) }),
    'cw:queue.dashboard': ({ days }) => timeReleaseDashboard(queue.store, queue.clock.now(), days, queue.timeZone),
    'cw:queue.savedViews': () => queue.views.list(me().id),
    'cw:queue.saveView': (input) => queue.views.save(me().id, input),
    'cw:queue.deleteView': async ({ id }) => {
      await queue.views.remove(me().id, id);
      return undefined;
    },

    'cw:risk.config': () => queue.risk.config(),
    'cw:risk.saveRule': ({ rule, expectedVersion }) => queue.risk.saveRule(me(), rule, expectedVersion),
    'cw:risk.saveProfile': ({ profile, expectedVersion }) => queue.risk.saveProfile(me(), profile, expectedVersion),
    'cw:risk.saveWatchlist': ({ watchlist, expectedVersion }) => queue.risk.saveWatchlist(me(), watchlist, expectedVersion),
    'cw:risk.saveRandomSelection': ({ randomSelection, expectedVersion }) => queue.risk.saveRandomSelection(me(), randomSelection, expectedVersion),
    'cw:risk.dryRun': ({ rules, watchlists, days }) => queue.risk.dryRun(rules, watchlists, days),
    'cw:risk.ruleHistory': ({ id }) => queue.risk.ruleHistory(id),
  };
}
