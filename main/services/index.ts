import { join } from 'node:path';
import type { SessionState } from '../../preload/schemas/auth';
import type { Mode } from '../../preload/schemas/common';
import { Accounts } from './auth/accounts';
import type { IntervalTimer } from './auth/interval-timer';
import { LoginThrottle, type ThrottlePolicy } from './auth/login-throttle';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './auth/password-hash';
import { Session } from './auth/session';
import { AppStatusMonitor, type HubProbe } from './app/app-status';
import { NoticeBoard } from './app/notices';
import type { OpenExternal } from './app/open-external';
import { postStoreRecoveryNotices } from './app/store-notices';
import { type Clock, systemClock } from './clock';
import { EventBus } from './event-bus';
import { GateService } from './gate/gate-service';
import { fillPlateKeys } from './gate/plate-key';
import type { ServiceHost } from './handlers';
import { createLogger, type Logger } from './logging/logger';
import { migrations } from './migrations';
import { systemTimeZone } from './queue/local-time';
import { QueueService } from './queue/queue-service';
import { createHandlers } from './service-handlers';
import type { SettingsBackend } from './settings/backend';
import { SettingsService } from './settings/settings-service';
import { Shifts } from './shifts/shifts';
import { EvidenceSnapshots } from './site/evidence-snapshots';
import { SiteService } from './site/site-service';
import { openStore } from './store';
import { findResourcesDir } from './resources-dir';
import { EvidenceStore } from './evidence/evidence-store';
import { UploadBuffer } from './evidence/upload-buffer';
import { evidenceBlobSource } from './sync/evidence-blob-source';
import { SyncService } from './sync/sync-service';
import { AuditChain } from './audit/audit-chain';
import { loadOrCreateAuditKey } from './audit/audit-key';
import { createCaseServices } from './cases/create-case-services';
import type { OpenWindow } from './windows/windows-handlers';

export interface CreateServicesOptions {
  /** The user-data folder: db/, logs/, diagnostics/ live under it. */
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  settingsBackend: SettingsBackend;
  /** Path of sql-wasm.wasm in a packaged app. */
  wasmPath?: string;
  /**
   * The shipped read-only resources folder (demo site, models). Hosts pass it (a packaged
   * Electron app: join(process.resourcesPath, 'resources')); otherwise the nearest
   * resources/ above the services' code that holds the demo site (source, tests, out/main).
   */
  resourcesDir?: string;
  /** Defaults to <dataDir>/logs. */
  logDir?: string;
  clock?: Clock;
  /** Training runs on its own database file and never mixes with live data. */
  mode?: Mode;
  /** shell.openExternal in Electron; absent in the web host (links open from the browser there). */
  openExternal?: OpenExternal;
  /** Opens the port view or camera wall in a second BrowserWindow (Electron); absent in the web host. */
  openWindow?: OpenWindow;
  /** Test seams only. Production code never sets these. */
  testing?: {
    /** Cheaper scrypt so tests do not spend 0.3 s per hash. The default stays N = 2^17. */
    scryptParams?: ScryptParams;
    throttle?: ThrottlePolicy;
    idleTimer?: IntervalTimer;
    probeHub?: HubProbe;
  };
}

export type Services = ServiceHost & { settings: SettingsService; logger: Logger };

/** Builds every service over one store and exposes them as the contract's handlers. */
export async function createServices(options: CreateServicesOptions): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const mode = options.mode ?? 'live';
  const logDir = options.logDir ?? join(options.dataDir, 'logs');
  const hashParams = options.testing?.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  const logger = createLogger(logDir, { base: { mode, host: options.host } });
  const bus = new EventBus();

  const rawStore = await openStore({ dir: join(options.dataDir, 'db'), name: mode, migrations, wasmPath: options.wasmPath }).catch(async (error: unknown) => {
    logger.fatal({ err: error }, 'store failed to open');
    await logger.close();
    throw error;
  });
  logger.info({ version: options.version, schemaVersion: rawStore.schemaVersion, openEvents: rawStore.openEvents }, 'store opened');
  // Every service writes through the chained store: audit entries join the hash chain at commit.
  const auditChain = await AuditChain.open(rawStore, loadOrCreateAuditKey(options.dataDir).key, clock);
  const store = auditChain.wrap(rawStore);

  const notices = new NoticeBoard(clock, (notice) => {
    logger.warn({ notice }, 'notice posted');
    bus.emit('cw:app.notice', notice);
  });
  postStoreRecoveryNotices(store.openEvents, notices);
  const plateKeysFilled = await fillPlateKeys(store);
  if (plateKeysFilled > 0) logger.info({ declarations: plateKeysFilled }, 'plate keys filled in');

  const status = new AppStatusMonitor({
    clock,
    hubUrl: () => settings.get().hubUrl,
    probeHub: options.testing?.probeHub,
    onChanged: (next) => bus.emit('cw:app.statusChanged', next),
    syncStatus: () => sync.status(),
  });
  const settings = new SettingsService({
    backend: options.settingsBackend,
    store,
    clock,
    onRepaired: (fields) =>
      notices.post('warning', 'settings.repaired', `Some saved settings were invalid and have been reset to their defaults: ${fields.join(', ')}.`),
    onChanged: (next) => {
      status.invalidate();
      bus.emit('cw:settings.changed', next);
    },
  });

  const resourcesDir = options.resourcesDir ?? findResourcesDir();
  const site = new SiteService({ dataDir: options.dataDir, resourcesDir, store, clock, logger, onChanged: (document) => bus.emit('cw:site.changed', document) });
  // One buffer behind cw:evidence.uploadChunk: case files and camera snapshots arrive the same way.
  const evidenceUploads = new UploadBuffer(() => clock.now().getTime());
  const evidence = new EvidenceSnapshots({ dataDir: options.dataDir, store, clock, logger, site, uploads: evidenceUploads });

  // Sync runs for the live database only; with no hub URL it stays standalone (the outbox still fills).
  const sync = new SyncService({
    dataDir: options.dataDir,
    store,
    clock,
    hubUrl: () => settings.get().hubUrl,
    enabled: mode === 'live',
    blobs: evidenceBlobSource(new EvidenceStore(options.dataDir)),
    auditHead: async () => {
      const head = auditChain.chainHead();
      return head ? { seq: head.seq, head: head.hash } : null;
    },
    onStatusChanged: () => void status.get().catch(() => undefined),
    onHubContact: (reachable) => status.recordHubContact(reachable),
    onError: (error) => logger.warn({ err: error }, 'sync round failed; will retry'),
  });
  sync.start();

  const accounts = new Accounts(store, clock, hashParams);
  const shifts = new Shifts(store, clock);
  const sessionState = async (): Promise<SessionState> => {
    const { user, locked } = session.view();
    const stamp = session.stamp();
    return {
      setupRequired: (await accounts.count()) === 0,
      user,
      locked,
      shift: user ? await shifts.current(user.id) : null,
      mode,
      stamp,
    };
  };
  const emitSessionChanged = async (): Promise<void> => bus.emit('cw:auth.changed', await sessionState());
  const session = new Session({
    store,
    accounts,
    clock,
    throttle: new LoginThrottle(clock, options.testing?.throttle),
    hashParams,
    idleLockMinutes: () => settings.get().idleLockMinutes,
    onChange: () => void emitSessionChanged().catch((error: unknown) => logger.error({ err: error }, 'auth.changed not sent')),
    timer: options.testing?.idleTimer,
  });
  session.startIdleWatch();

  const queue = new QueueService({
    store,
    clock,
    dataDir: options.dataDir,
    mode,
    timeZone: systemTimeZone(),
    emitChanged: (payload) => bus.emit('cw:declarations.changed', payload),
    emitProgress: (payload) => bus.emit('cw:declarations.importProgress', payload),
    log: { info: (o, m) => logger.info(o, m), warn: (o, m) => logger.warn(o, m), error: (o, m) => logger.error(o, m) },
  });
  await queue.start().catch((error: unknown) => logger.error({ err: error }, 'inbox watcher not started'));
  const gate = new GateService({ store, clock, site: async () => (await site.get()).site, onRecorded: (event) => bus.emit('cw:gate.recorded', event) });

  const handlers = createHandlers({
    identity: { version: options.version, host: options.host, mode },
    dataDir: options.dataDir,
    logDir,
    store,
    clock,
    logger,
    hashParams,
    accounts,
    session,
    shifts,
    settings,
    notices,
    status,
    site,
    evidence,
    auditChain,
    ...createCaseServices({ dataDir: options.dataDir, store, clock, audit: auditChain, uploads: evidenceUploads }),
    openExternal: options.openExternal,
    openWindow: options.openWindow,
    emitSelection: (selection) => bus.emit('cw:selection.changed', selection),
    sessionState,
    emitSessionChanged,
    queue,
    sync,
    gate,
  });

  let closed = false;
  return {
    handlers,
    settings,
    logger,
    session: () => session.view(),
    onEvent: (listener) => bus.on(listener),
    async close() {
      if (closed) return;
      closed = true;
      session.stop();
      await sync.stop();
      await queue.stop();
      await store.close();
      logger.info('services closed');
      await logger.close();
    },
  };
}
