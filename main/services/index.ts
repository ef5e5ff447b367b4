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
import type { ServiceHost } from './handlers';
import { createLogger, type Logger } from './logging/logger';
import { migrations } from './migrations';
import { createHandlers } from './service-handlers';
import type { SettingsBackend } from './settings/backend';
import { SettingsService } from './settings/settings-service';
import { Shifts } from './shifts/shifts';
import { openStore } from './store';

export interface CreateServicesOptions {
  /** The user-data folder: db/, logs/, diagnostics/ live under it. */
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  settingsBackend: SettingsBackend;
  /** Path of sql-wasm.wasm in a packaged app. */
  wasmPath?: string;
  /** Defaults to <dataDir>/logs. */
  logDir?: string;
  clock?: Clock;
  /** Training runs on its own database file and never mixes with live data. */
  mode?: Mode;
  /** shell.openExternal in Electron; absent in the web host (links open from the browser there). */
  openExternal?: OpenExternal;
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

  const store = await openStore({ dir: join(options.dataDir, 'db'), name: mode, migrations, wasmPath: options.wasmPath }).catch(async (error: unknown) => {
    logger.fatal({ err: error }, 'store failed to open');
    await logger.close();
    throw error;
  });
  logger.info({ version: options.version, schemaVersion: store.schemaVersion, openEvents: store.openEvents }, 'store opened');

  const notices = new NoticeBoard(clock, (notice) => {
    logger.warn({ notice }, 'notice posted');
    bus.emit('cw:app.notice', notice);
  });
  postStoreRecoveryNotices(store.openEvents, notices);

  const status = new AppStatusMonitor({
    clock,
    hubUrl: () => settings.get().hubUrl,
    probeHub: options.testing?.probeHub,
    onChanged: (next) => bus.emit('cw:app.statusChanged', next),
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

  const accounts = new Accounts(store, clock, hashParams);
  const shifts = new Shifts(store, clock);
  const sessionState = async (): Promise<SessionState> => {
    const { user, locked } = session.view();
    return {
      setupRequired: (await accounts.count()) === 0,
      user,
      locked,
      shift: user ? await shifts.current(user.id) : null,
      mode,
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
    openExternal: options.openExternal,
    sessionState,
    emitSessionChanged,
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
      await store.close();
      logger.info('services closed');
      await logger.close();
    },
  };
}
