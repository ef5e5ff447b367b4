import { channelNames, channels, type ChannelName } from '../../preload/contract';
import type { SessionState, User } from '../../preload/schemas/auth';
import type { Settings } from '../../preload/schemas/settings';
import { auditStatement, listAudit } from './audit/audit-log';
import { actorOf, type Accounts } from './auth/accounts';
import type { ScryptParams } from './auth/password-hash';
import { checkAccess } from './auth/roles';
import type { Session } from './auth/session';
import { type AppIdentity, readAppInfo } from './app/app-info';
import type { AppStatusMonitor } from './app/app-status';
import type { NoticeBoard } from './app/notices';
import { openExternalLink, type OpenExternal } from './app/open-external';
import type { Clock } from './clock';
import { seedDemo } from './demo/seed';
import { exportDiagnostics } from './diagnostics/export';
import { ServiceError } from './errors';
import { gateHandlers } from './gate/gate-handlers';
import type { GateService } from './gate/gate-service';
import type { Handlers } from './handlers';
import type { Logger } from './logging/logger';
import type { SettingsService } from './settings/settings-service';
import type { Shifts } from './shifts/shifts';
import type { EvidenceSnapshots } from './site/evidence-snapshots';
import { siteHandlers } from './site/site-handlers';
import type { SiteService } from './site/site-service';
import type { Store } from './store/types';
import type { AuditChain } from './audit/audit-chain';
import { caseHandlers } from './cases/case-handlers';
import type { CaseService } from './cases/case-service';
import type { ReportService } from './report/report-service';
import { createQueueHandlers } from './queue/queue-handlers';
import type { QueueService } from './queue/queue-service';
import { syncHandlers } from './sync/sync-handlers';
import type { SyncService } from './sync/sync-service';
import { parseOrThrow } from './validation';
import { type OpenWindow, windowsHandlers } from './windows/windows-handlers';
import type { Selection } from '../../preload/schemas/windows';

export interface HandlerDeps {
  identity: AppIdentity;
  dataDir: string;
  logDir: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  hashParams: ScryptParams;
  accounts: Accounts;
  session: Session;
  shifts: Shifts;
  settings: SettingsService;
  notices: NoticeBoard;
  status: AppStatusMonitor;
  site: SiteService;
  evidence: EvidenceSnapshots;
  openExternal?: OpenExternal;
  auditChain: AuditChain;
  cases: CaseService;
  reports: ReportService;
  /** Electron opens second windows (port view, camera wall); absent in the web host. */
  openWindow?: OpenWindow;
  emitSelection: (selection: Selection) => void;
  /** The session as the renderer sees it (also the payload of cw:auth.changed). */
  sessionState: () => Promise<SessionState>;
  emitSessionChanged: () => Promise<void>;
  queue: QueueService;
  sync: SyncService;
  gate: GateService;
}

/** Every contract channel, implemented; access and input are checked again in here (see guard below). */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, clock, session, accounts, shifts, settings, notices } = deps;
  const me = (): User => {
    const user = session.view().user;
    if (!user) throw new ServiceError('UNAUTHENTICATED', 'Sign in first');
    return user;
  };
  const appInfo = () => readAppInfo(store, deps.identity);
  const workstationOffice = async (): Promise<string> => (await shifts.current(me().id))?.office ?? settings.get().office;

  const handlers: Handlers = {
    'cw:app.info': appInfo,
    'cw:app.status': () => deps.status.get(),
    'cw:app.notices': async () => notices.list(),
    'cw:app.dismissNotice': async ({ id }) => nothing(notices.dismiss(id)),
    'cw:app.exportDiagnostics': async () => {
      const user = me();
      const result = await exportDiagnostics({
        dataDir: deps.dataDir,
        logDir: deps.logDir,
        store,
        clock,
        appInfo,
        settings: () => settings.get(),
        notices: () => notices.list(),
        flushLogs: () => deps.logger.flushToDisk(),
      });
      await store.transaction([
        auditStatement({ at: clock.now(), actor: actorOf(user), action: 'diagnostics.export', subject: result.fileName, detail: { bytes: result.bytes } }),
      ]);
      deps.logger.info({ file: result.path, bytes: result.bytes }, 'diagnostics exported');
      return result;
    },
    'cw:app.openExternal': async ({ url }) => nothing(await openExternalLink(url, deps.openExternal)),

    'cw:auth.state': () => deps.sessionState(),
    'cw:auth.setup': async (input) => {
      const user = await accounts.setup({ username: input.username, displayName: input.displayName, password: input.password });
      await settings.update(user, { office: input.office });
      if (input.demo) await seedDemo(store, clock, { office: input.office, hashParams: deps.hashParams });
      deps.logger.info({ username: user.username, demo: input.demo }, 'first-run setup done');
      session.beginAfterSetup(user);
      return deps.sessionState();
    },
    'cw:auth.login': async ({ username, password }) => {
      await session.login(username, password);
      return deps.sessionState();
    },
    'cw:auth.logout': async () => {
      await session.logout();
      return deps.sessionState();
    },
    'cw:auth.lock': async () => {
      await session.lock('manual');
      return deps.sessionState();
    },
    'cw:auth.unlock': async ({ password }) => {
      await session.unlock(password);
      return deps.sessionState();
    },
    'cw:auth.activity': async () => nothing(session.activity()),
    'cw:auth.changePassword': async ({ current, next }) => nothing(await session.changePassword(current, next)),

    'cw:users.list': () => accounts.list(),
    'cw:users.create': (input) => accounts.create(me(), input),
    'cw:users.update': async (input) => {
      const user = await accounts.update(me(), input);
      session.refreshUser(user);
      return user;
    },
    'cw:users.resetPassword': async ({ id, password }) => nothing(await accounts.resetPassword(me(), id, password)),

    'cw:shifts.current': () => shifts.current(me().id),
    'cw:shifts.lastHandover': async () => shifts.lastHandover(await workstationOffice()),
    'cw:shifts.start': async ({ office, notes }) => {
      const shift = await shifts.start(me(), office, notes);
      await deps.emitSessionChanged();
      return shift;
    },
    'cw:shifts.end': async ({ handoverNotes }) => {
      const shift = await shifts.end(me(), handoverNotes);
      await deps.emitSessionChanged();
      return shift;
    },
    'cw:shifts.list': ({ limit }) => shifts.list(limit),

    'cw:settings.get': async (): Promise<Settings> => settings.get(),
    'cw:settings.update': (patch) => settings.update(me(), patch),
    'cw:settings.saveCameraGroups': ({ siteId, groups }) => settings.saveCameraGroups(me(), siteId, groups),

    'cw:audit.list': (input) => listAudit(store, input),
    ...caseHandlers({ cases: deps.cases, reports: deps.reports, audit: deps.auditChain, store, me }),
    ...siteHandlers({ site: deps.site, evidence: deps.evidence, status: deps.status, me }),

    ...createQueueHandlers(deps.queue, me, deps.identity.host),
    ...syncHandlers({ sync: deps.sync, store, clock, me }),
    ...windowsHandlers({ openWindow: deps.openWindow, emitSelection: deps.emitSelection }),
    ...gateHandlers({ gate: deps.gate, me }),
  };
  return guardAll(handlers, deps);
}

/** Channels whose output is `undefined` (the contract's "none"). */
function nothing(_done: void): undefined {
  return undefined;
}

/**
 * Checks each channel's access and re-parses its input before the service runs,
 * so the services stay safe whichever host (or test) calls them, and logs
 * failures that are not ordinary service errors.
 */
function guardAll(handlers: Handlers, deps: HandlerDeps): Handlers {
  const guarded = {} as Record<ChannelName, (input: unknown) => Promise<unknown>>;
  for (const name of channelNames) {
    const spec = channels[name];
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    guarded[name] = async (input: unknown) => {
      try {
        checkAccess(spec.access, deps.session.view());
        return await handler(parseOrThrow(spec.input, input));
      } catch (error) {
        if (error instanceof ServiceError) {
          deps.logger.info({ channel: name, code: error.code }, error.message);
        } else {
          deps.logger.error({ channel: name, err: error }, 'service call failed');
        }
        throw error;
      }
    };
  }
  return guarded as unknown as Handlers;
}
