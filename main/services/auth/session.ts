import { randomUUID } from 'node:crypto';
import type { SessionStamp, User } from '../../../preload/contract/schemas/auth';
import { auditStatement, type AuditActor } from '../audit/audit-log';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { SessionView } from '../handlers';
import type { Store } from '../store/types';
import { type Accounts, actorOf, toPublicUser, type UserRecord } from './accounts';
import { type IntervalTimer, realIntervalTimer } from './interval-timer';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, type ScryptParams, verifyPassword } from './password-hash';

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

  async login(username: string, password: string): Promise<User> {
    if (this.#user) throw new ServiceError('FAILED_PRECONDITION', 'Someone is signed in; unlock or sign out first');
    const name = username.trim().toLowerCase();
    await this.#refuseWhileThrottled(name, 'auth.login.throttled');
    const record = await this.options.accounts.findByUsername(name);
    // Unknown user and wrong password look the same, down to the time taken.
    const valid = await verifyPassword(password, record?.passwordHash ?? (await this.#getDummyHash()));
    if (!record || !valid) {
      await this.#fail(name, null, 'auth.login.failed', record ? 'bad-password' : 'unknown-user');
      throw new ServiceError('BAD_CREDENTIALS', 'Unknown username or wrong password');
    }
    this.options.throttle.recordSuccess(name);
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

  async unlock(password: string): Promise<void> {
    const user = this.#user;
    if (!user) throw new ServiceError('UNAUTHENTICATED', 'Sign in first');
    if (!this.#locked) return;
    await this.#refuseWhileThrottled(user.username, 'auth.unlock.throttled');
    if (!(await this.#passwordMatches(user.id, password))) {
      await this.#fail(user.username, actorOf(user), 'auth.unlock.failed', 'bad-password');
      throw new ServiceError('BAD_CREDENTIALS', 'Wrong password');
    }
    this.options.throttle.recordSuccess(user.username);
    await this.#audit(actorOf(user), 'auth.unlock', user.id, {});
    this.#locked = false;
    this.#lastActivityMs = this.#activityClock.now().getTime();
    this.#changed();
  }

  async changePassword(current: string, next: string): Promise<void> {
    const user = this.#requireUnlocked();
    await this.#refuseWhileThrottled(user.username, 'auth.changePassword.throttled');
    if (!(await this.#passwordMatches(user.id, current))) {
      await this.#fail(user.username, actorOf(user), 'auth.changePassword.failed', 'bad-password');
      throw new ServiceError('BAD_CREDENTIALS', 'The current password is wrong');
    }
    this.options.throttle.recordSuccess(user.username);
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

  async #refuseWhileThrottled(username: string, action: string): Promise<void> {
    const waitMs = this.options.throttle.retryAfterMs(username);
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    await this.#audit(null, action, username, { username, retryAfterSeconds: seconds });
    throw new ServiceError('UNAVAILABLE', `Too many failed attempts; try again in ${seconds} s`);
  }

  async #fail(username: string, actor: AuditActor | null, action: string, reason: string): Promise<void> {
    this.options.throttle.recordFailure(username);
    await this.#audit(actor, action, username, { username, reason });
  }

  #audit(actor: AuditActor | null, action: string, subject: string, detail: Record<string, unknown>): Promise<unknown> {
    return this.options.store.transaction([auditStatement({ at: this.options.clock.now(), actor, action, subject, detail })]);
  }

  #getDummyHash(): Promise<string> {
    this.#dummyHash ??= hashPassword(randomUUID(), this.options.hashParams);
    return this.#dummyHash;
  }
}
