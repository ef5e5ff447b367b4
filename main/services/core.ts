/**
 * The shared kit every area is built on: the store (through the audit chain), the
 * clock, the logger, the event bus, the notice board, the settings, the accounts
 * and who is signed in. Areas get it as `core`; everything else an area needs
 * comes from the areas listed before it.
 */
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../preload/contract';
import type { User } from '../../preload/contract/schemas/auth';
import type { Mode } from '../../preload/contract/schemas/common';
import type { AppIdentity } from './app/app-info';
import { NoticeBoard } from './app/notices';
import { postStoreRecoveryNotices } from './app/store-notices';
import { AuditChain } from './audit/audit-chain';
import { loadOrCreateAuditKey } from './audit/audit-key';
import { Accounts } from './auth/accounts';
import { LoginThrottle } from './auth/login-throttle';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './auth/password-hash';
import { Session } from './auth/session';
import { type Clock, systemClock } from './clock';
import { ServiceError } from './errors';
import { EventBus } from './event-bus';
import type { CreateServicesOptions } from './index';
import { createLogger, type Logger } from './logging/logger';
import { migrations } from './migrations';
import { findResourcesDir } from './resources-dir';
import { SettingsService } from './settings/settings-service';
import { openStore } from './store';
import type { Store } from './store/types';

export interface Core {
  readonly identity: AppIdentity;
  readonly mode: Mode;
  /** The user-data folder: db/, logs/, evidence/, diagnostics/ live under it. */
  readonly dataDir: string;
  readonly logDir: string;
  /** The shipped read-only resources (demo site, models). */
  readonly resourcesDir: string;
  readonly options: CreateServicesOptions;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Every write goes through the chained store: audit entries join the hash chain at commit. */
  readonly store: Store;
  readonly auditChain: AuditChain;
  readonly notices: NoticeBoard;
  readonly settings: SettingsService;
  readonly accounts: Accounts;
  readonly session: Session;
  readonly hashParams: ScryptParams;
  readonly events: EventBus;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The signed-in user; UNAUTHENTICATED when nobody is (the dispatcher checks access first). */
  me(): User;
  /** Tells the listeners that the session as shown changed (sign-in, lock, shift start or end). */
  sessionChanged(): Promise<void>;
  onSessionChanged(listener: () => Promise<void>): void;
}

export async function createCore(options: CreateServicesOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  // Idle lock and sign-in back-off measure the person at the workstation, so in a
  // time-compressed training session they still run on real time.
  const wallClock = options.wallClock ?? clock;
  const mode = options.mode ?? 'live';
  const logDir = options.logDir ?? join(options.dataDir, 'logs');
  const hashParams = options.testing?.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  const logger = createLogger(logDir, { base: { mode, host: options.host } });
  const events = new EventBus();

  const rawStore = await openStore({
    dir: join(options.dataDir, 'db'),
    name: mode,
    migrations,
    wasmPath: options.wasmPath,
  }).catch(async (error: unknown) => {
    logger.fatal({ err: error }, 'store failed to open');
    await logger.close();
    throw error;
  });
  logger.info(
    { version: options.version, schemaVersion: rawStore.schemaVersion, openEvents: rawStore.openEvents },
    'store opened',
  );
  const auditChain = await AuditChain.open(rawStore, loadOrCreateAuditKey(options.dataDir).key, clock);
  const store = auditChain.wrap(rawStore);

  const notices = new NoticeBoard({
    clock,
    onNotice: (notice) => {
      logger.warn({ notice }, 'notice posted');
      events.emit('cw:app.notice', notice);
    },
  });
  postStoreRecoveryNotices(store.openEvents, notices);

  const settings = new SettingsService({
    backend: options.settingsBackend,
    store,
    clock,
    onRepaired: (fields) =>
      notices.post(
        'warning',
        'settings.repaired',
        `Some saved settings were invalid and have been reset to their defaults: ${fields.join(', ')}.`,
      ),
    onChanged: (next) => events.emit('cw:settings.changed', next),
  });

  const sessionListeners: (() => Promise<void>)[] = [];
  const sessionChanged = async (): Promise<void> => {
    for (const listener of sessionListeners) await listener();
  };
  const accounts = new Accounts({ store, clock, hashParams });
  const session = new Session({
    store,
    accounts,
    clock,
    activityClock: wallClock,
    throttle: new LoginThrottle({ clock: wallClock, policy: options.testing?.throttle }),
    hashParams,
    idleLockMinutes: () => settings.get().idleLockMinutes,
    onChange: () => void sessionChanged(),
    timer: options.testing?.idleTimer,
  });

  return {
    identity: { version: options.version, host: options.host, mode },
    mode,
    dataDir: options.dataDir,
    logDir,
    resourcesDir: options.resourcesDir ?? findResourcesDir(),
    options,
    clock,
    logger,
    store,
    auditChain,
    notices,
    settings,
    accounts,
    session,
    hashParams,
    events,
    emit: (event, payload) => events.emit(event, payload),
    me() {
      const user = session.view().user;
      if (!user) throw new ServiceError('UNAUTHENTICATED', 'Sign in first');
      return user;
    },
    sessionChanged,
    onSessionChanged: (listener) => void sessionListeners.push(listener),
  };
}
