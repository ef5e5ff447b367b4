import { randomUUID } from 'node:crypto';
import type { SessionStamp, User } from '../../../preload/contract/schemas/auth';
import { auditStatement, type AuditActor } from '../audit/audit-log';
import type { Clock } from '../clock';
import { ServiceError, ThrottledError } from '../errors';
import { LOCAL_ORIGIN, type SessionView } from '../handlers';
import type { Store } from '../store/types';
import { type Accounts, actorOf, toPublicUser, type UserRecord } from './accounts';
import { type IntervalTimer, realIntervalTimer } from './interval-timer';
import type { AttemptKey, LoginThrottle, ThrottleWait } from './login-throttle';
import { hashPassword, type ScryptParams, verifyPassword } from './password-hash';
import { UsernameTagger } from './username-tag';

/** A wait the throttle just started, as the supervisors' notice tells it. */
export interface ThrottleStarted extends ThrottleWait {
  /** The account's username, or its tag when the typed name matches no account. */
  account: string;
  source: string;
}

export interface SessionOptions {
  store: Store;
  accounts: Accounts;
  clock: Clock;
  /** Measures idleness: real time, also when `clock` is a training session's compressed scenario time. Defaults to `clock`. */
  activityClock?: Clock;
  throttle: LoginThrottle;
  hashParams: ScryptParams;
  /** Read on every check so a settings change applies at once. */
  idleLockMinutes: () => number;
  /** Called after every change of user or lock state (the caller emits cw:auth.changed). */
  onChange: () => void;
  /** Called when failures start a wait for an account or a source (the caller tells the supervisors). */
  onThrottled?: (started: ThrottleStarted) => void;
  timer?: IntervalTimer;
  idleCheckMs?: number;
}

export type LockReason = 'manual' | 'idle';

/**
 * Who is at the workstation: sign-in and sign-out, the lock screen, and the idle
 * lock. One workstation, one session; a locked session only allows unlock by the
 * same officer (or sign-out).
 */
export class Session {
  #user: User | null = null;
  #locked = false;
  #lastActivityMs = 0;
  #stopIdleWatch: (() => void) | null = null;
  #dummyHash: Promise<string> | null = null;
  readonly #tagger = new UsernameTagger();
  readonly #epoch = randomUUID();
  #revision = 0;

  constructor(private readonly options: SessionOptions) {}

  get #activityClock(): Clock {
    return this.options.activityClock ?? this.options.clock;
  }

  view(): SessionView {
    return { user: this.#user, locked: this.#locked };
  }

  /**
   * Which change of user or lock state `view()` reflects. The renderer gets session
   * states from call replies and from cw:auth.changed, which can arrive out of
   * order; the stamp lets it drop an older one. The epoch tells a restarted host apart.
   */
  stamp(): SessionStamp {
    return { epoch: this.#epoch, revision: this.#revision };
  }

  /** Starts the periodic idle check (every 15 s by default). */
  startIdleWatch(): void {
    this.#stopIdleWatch ??= (this.options.timer ?? realIntervalTimer).every(this.options.idleCheckMs ?? 15_000, () => {
      void this.checkIdle().catch(() => undefined);
    });
    // Compute the dummy hash now, so the first unknown-user sign-in is not faster or slower than others.
    void this.#getDummyHash();
  }

  stop(): void {
    this.#stopIdleWatch?.();
    this.#stopIdleWatch = null;
  }

  /** `source` is where the attempt came from (CallOrigin.source): the throttle counts failures per source too. */
  async login(username: string, password: string, source = LOCAL_ORIGIN.source): Promise<User> {
    if (this.#user) throw new ServiceError('FAILED_PRECONDITION', 'Someone is signed in; unlock or sign out first');
    const name = username.trim().toLowerCase();
    const key: AttemptKey = { account: name, source };
    const record = await this.options.accounts.findByUsername(name);
    // A name that is no account may be a password typed into the wrong field: the log gets a tag, never the text.
    const logged = record ? name : this.#tagger.tag(name);
    await this.#refuseWhileThrottled(key, logged, 'auth.login.throttled');
    // Unknown user and wrong password look the same, down to the time taken.
    const valid = await verifyPassword(password, record?.passwordHash ?? (await this.#getDummyHash()));
    if (!record || !valid) {
      await this.#fail(key, logged, null, 'auth.login.failed', record ? 'bad-password' : 'unknown-user');
      throw new ServiceError('BAD_CREDENTIALS', 'Unknown username or wrong password');
    }
    this.options.throttle.recordSuccess(key);
    if (!record.active) {
      await this.#audit(actorOf(record), 'auth.login.failed', record.id, { username: name, reason: 'inactive' });
      throw new ServiceError('FORBIDDEN', 'This account is deactivated; ask a supervisor');
    }
    const upgrade = await this.options.accounts.upgradeHashStatement(record, password);
    const at = this.options.clock.now();
    await this.options.store.transaction([
      ...(upgrade ? [upgrade] : []),
      this.options.accounts.lastLoginStatement(record.id, at),
      auditStatement({ at, actor: actorOf(record), action: 'auth.login', subject: record.id, detail: { username: name } }),
    ]);
    this.#begin({ ...toPublicUser(record), lastLoginAt: at.toISOString() });
    return this.#user!;
  }

  /** Signs in the account just created by first-run setup (its audit entry is the setup's). */
  beginAfterSetup(user: UserRecord): void {
    this.#begin(toPublicUser(user));
  }

  async logout(): Promise<void> {
    const user = this.#user;
    if (!user) return;
    await this.#audit(actorOf(user), 'auth.logout', user.id, { wasLocked: this.#locked });
    this.#user = null;
    this.#locked = false;
    this.#changed();
  }

  async lock(reason: LockReason): Promise<void> {
    const user = this.#user;
    if (!user || this.#locked) return;
    // Lock first: the screen must not stay open while the audit write is in flight.
    this.#locked = true;
    this.#changed();
    await this.#audit(actorOf(user), 'auth.lock', user.id, { reason });
  }

  async unlock(password: string, source = LOCAL_ORIGIN.source): Promise<void> {
    const user = this.#user;
    if (!user) throw new ServiceError('UNAUTHENTICATED', 'Sign in first');
    if (!this.#locked) return;
    const key: AttemptKey = { account: user.username, source };
    await this.#refuseWhileThrottled(key, user.username, 'auth.unlock.throttled');
    if (!(await this.#passwordMatches(user.id, password))) {
      await this.#fail(key, user.username, actorOf(user), 'auth.unlock.failed', 'bad-password');
      throw new ServiceError('BAD_CREDENTIALS', 'Wrong password');
    }
    this.options.throttle.recordSuccess(key);
    await this.#audit(actorOf(user), 'auth.unlock', user.id, {});
    this.#locked = false;
    this.#lastActivityMs = this.#activityClock.now().getTime();
    this.#changed();
  }

  async changePassword(current: string, next: string, source = LOCAL_ORIGIN.source): Promise<void> {
    const user = this.#requireUnlocked();
    const key: AttemptKey = { account: user.username, source };
    await this.#refuseWhileThrottled(key, user.username, 'auth.changePassword.throttled');
    if (!(await this.#passwordMatches(user.id, current))) {
      await this.#fail(key, user.username, actorOf(user), 'auth.changePassword.failed', 'bad-password');
      throw new ServiceError('BAD_CREDENTIALS', 'The current password is wrong');
    }
    this.options.throttle.recordSuccess(key);
    await this.options.accounts.changeOwnPassword(user, next);
  }

  /** The renderer reports input activity; it postpones the idle lock. */
  activity(): void {
    if (this.#user && !this.#locked) this.#lastActivityMs = this.#activityClock.now().getTime();
  }

  /** Locks when the officer has been idle for the configured minutes. */
  async checkIdle(): Promise<void> {
    if (!this.#user || this.#locked) return;
    const idleMs = this.#activityClock.now().getTime() - this.#lastActivityMs;
    if (idleMs >= this.options.idleLockMinutes() * 60_000) await this.lock('idle');
  }

  /** Keeps the session's copy current after a supervisor edits the signed-in account. */
  refreshUser(user: User): void {
    if (this.#user?.id !== user.id) return;
    this.#user = user;
    this.#changed();
  }

  #begin(user: User): void {
    this.#user = user;
    this.#locked = false;
    this.#lastActivityMs = this.#activityClock.now().getTime();
    this.#changed();
  }

  #changed(): void {
    this.#revision += 1;
    this.options.onChange();
  }

  #requireUnlocked(): User {
    if (!this.#user) throw new ServiceError('UNAUTHENTICATED', 'Sign in first');
    if (this.#locked) throw new ServiceError('LOCKED', 'The workstation is locked; unlock it first');
    return this.#user;
  }

  async #passwordMatches(userId: string, password: string): Promise<boolean> {
    const record = await this.options.accounts.get(userId);
    const valid = await verifyPassword(password, record?.passwordHash ?? (await this.#getDummyHash()));
    return Boolean(record?.active) && valid;
  }

  /**
   * Refuses an attempt while a wait runs, without looking at the password. `logged`
   * is the name the audit may hold: the username, or a tag for a name that is no account.
   */
  async #refuseWhileThrottled(key: AttemptKey, logged: string, action: string): Promise<void> {
    const wait = this.options.throttle.retryAfter(key);
    if (!wait) return;
    const seconds = Math.ceil(wait.waitMs / 1000);
    await this.#audit(null, action, logged, {
      username: logged,
      source: key.source,
      scope: wait.scope,
      failures: wait.failures,
      retryAfterSeconds: seconds,
    });
    const from = wait.scope === 'account' ? 'for this username' : 'from this workstation';
    throw new ThrottledError(seconds, `Too many failed sign-in attempts ${from}; try again in ${seconds} s`);
  }

  async #fail(key: AttemptKey, logged: string, actor: AuditActor | null, action: string, reason: string): Promise<void> {
    const started = this.options.throttle.recordFailure(key);
    // Never the password; the typed username only when it names an account.
    await this.#audit(actor, action, logged, {
      username: logged,
      reason,
      source: key.source,
      ...(started.length > 0
        ? { heldBack: started.map((wait) => ({ scope: wait.scope, failures: wait.failures, seconds: wait.waitMs / 1000 })) }
        : {}),
    });
    for (const wait of started) this.options.onThrottled?.({ ...wait, account: logged, source: key.source });
  }

  #audit(actor: AuditActor | null, action: string, subject: string, detail: Record<string, unknown>): Promise<unknown> {
    return this.options.store.transaction([auditStatement({ at: this.options.clock.now(), actor, action, subject, detail })]);
  }

  #getDummyHash(): Promise<string> {
    this.#dummyHash ??= hashPassword(randomUUID(), this.options.hashParams);
    return this.#dummyHash;
  }
}
