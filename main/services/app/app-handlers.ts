/** The app area: what the workstation is, its online and sync state, notices, diagnostics and external links. */
import type { appChannels } from '../../../preload/contract/channels/app';
import type { AppStatus } from '../../../preload/contract/schemas/app';
import { holdsRight } from '../../../preload/contract/rights';
import type { Area } from '../area';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Core } from '../core';
import { exportDiagnostics } from '../diagnostics/export';
import { readAppInfo } from './app-info';
import { AppStatusMonitor } from './app-status';
import { openExternalLink } from './open-external';
import { noticeVisibleTo } from './notices';

export function createAppArea(
  core: Core,
  deps: { syncStatus: () => Promise<AppStatus['sync']> },
): Area<typeof appChannels> & { status: AppStatusMonitor } {
  const { store, clock, notices, settings, logger } = core;
  const status = new AppStatusMonitor({
    clock,
    hubUrl: () => settings.get().hubUrl,
    probeHub: core.options.testing?.probeHub,
    onChanged: (next) => core.emit('cw:app.statusChanged', next),
    syncStatus: deps.syncStatus,
  });
  // A new hub URL changes what "online" means: the next status read probes again.
  core.events.on((event) => {
    if (event === 'cw:settings.changed') status.invalidate();
  });
  const appInfo = () => readAppInfo(core.accounts, core.identity, core.demoProfile);

  return {
    status,
    handlers: {
      'cw:app.info': appInfo,
      'cw:app.status': () => status.get(),
      'cw:app.notices': async () => notices.list().filter((notice) => noticeVisibleTo(notice, core.session.view())),
      'cw:app.dismissNotice': async ({ id }) => {
        notices.dismiss(id);
        return undefined;
      },
      'cw:app.exportDiagnostics': async () => {
        const user = core.me();
        const result = await exportDiagnostics({
          dataDir: core.dataDir,
          logDir: core.logDir,
          store,
          clock,
          appInfo,
          settings: () => settings.get(),
          notices: () => notices.list().filter((notice) => noticeVisibleTo(notice, core.session.view())),
          flushLogs: () => logger.flushToDisk(),
          includeAudit: holdsRight(user.role, 'audit.read', core.mode),
        });
        await store.transaction([
          auditStatement({
            at: clock.now(),
            actor: actorOf(user),
            action: 'diagnostics.export',
            subject: result.fileName,
            detail: { bytes: result.bytes },
          }),
        ]);
        logger.info({ file: result.path, bytes: result.bytes }, 'diagnostics exported');
        return result;
      },
      'cw:app.openExternal': async ({ url }) => {
        await openExternalLink(url, core.options.openExternal);
        return undefined;
      },
    },
  };
}
