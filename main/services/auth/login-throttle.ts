import type { Clock } from '../clock';

/** How one kind of key (an account, or the place attempts come from) is slowed down. */
export interface BackoffPolicy {
  /** Consecutive failures allowed before the first wait. */
  freeFailures: number;
  /** The first wait; every further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait, however many failures. */
  maxDelayMs: number;
}

export interface ThrottlePolicy {
  /** Per typed username (known or not, so the throttle reveals nothing about accounts). */
  account: BackoffPolicy;
  /** Per source: the peer address on the web host, the one window in Electron. Catches one place trying many names. */
  source: BackoffPolicy;
  /** A key with no new failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  account: { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  // Higher: several officers share a workstation, and a shift change brings typos.
  source: { freeFailures: 20, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
  forgetAfterMs: 60 * 60_000,
};

export type ThrottleScope = 'account' | 'source';

/** Who is trying (the typed username) and from where. */
export interface AttemptKey {
  account: string;
  source: string;
}

/** A refusal or a newly started wait: which key, after how many failures, for how long. */
export interface ThrottleWait {
  scope: ThrottleScope;
  failures: number;
  waitMs: number;
}

interface Failures {
  count: number;
  lastAt: number;
}

/** Past this many remembered keys, stale ones are dropped on the next failure (a flood of names cannot grow memory). */
const PRUNE_ABOVE = 1000;

/**
 * Slows password guessing with an escalating back-off, per account and per source:
 * after the free failures, each failure makes the next attempt wait twice as long
 * as the one before, up to a ceiling. While a wait runs, attempts are refused
 * without checking the password, so guessing gains nothing. A success clears the
 * account, not the source (one good sign-in must not reset a spray over many names).
 * In memory on purpose: a restart of the workstation is not a cheap retry.
 */
export class LoginThrottle {
  readonly #accounts = new Map<string, Failures>();
  readonly #sources = new Map<string, Failures>();

  private readonly clock: Clock;
  private readonly policy: ThrottlePolicy;

  constructor(options: { clock: Clock; policy?: ThrottlePolicy }) {
    this.clock = options.clock;
    this.policy = options.policy ?? DEFAULT_THROTTLE;
  }

  /** The longest wait still running for this attempt, or null when it may go ahead now. */
  retryAfter(key: AttemptKey): ThrottleWait | null {
    const waits = [this.#remaining('account', accountKey(key.account)), this.#remaining('source', key.source)];
    return waits.reduce<ThrottleWait | null>(
      (longest, wait) => (wait && (!longest || wait.waitMs > longest.waitMs) ? wait : longest),
      null,
    );
  }

  /** Counts a failure against both keys; returns the waits it started (for the supervisors' notice). */
  recordFailure(key: AttemptKey): ThrottleWait[] {
    const now = this.clock.now().getTime();
    const started: ThrottleWait[] = [];
    for (const [scope, id] of [
      ['account', accountKey(key.account)],
      ['source', key.source],
    ] as const) {
      const map = this.#map(scope);
      if (map.size > PRUNE_ABOVE) this.#prune(map, now);
      const count = (this.#live(map.get(id), now)?.count ?? 0) + 1;
      map.set(id, { count, lastAt: now });
      const waitMs = backoffMs(this.policy[scope], count);
      if (waitMs > 0) started.push({ scope, failures: count, waitMs });
    }
    return started;
  }

  /** How many accounts and sources are remembered (bounded, whatever is typed). */
  get remembered(): number {
    return this.#accounts.size + this.#sources.size;
  }

  recordSuccess(key: AttemptKey): void {
    this.#accounts.delete(accountKey(key.account));
  }

  #remaining(scope: ThrottleScope, id: string): ThrottleWait | null {
    const now = this.clock.now().getTime();
    const entry = this.#live(this.#map(scope).get(id), now);
    if (!entry) return null;
    const waitMs = entry.lastAt + backoffMs(this.policy[scope], entry.count) - now;
    return waitMs > 0 ? { scope, failures: entry.count, waitMs } : null;
  }

  #live(entry: Failures | undefined, now: number): Failures | undefined {
    return entry && now - entry.lastAt < this.policy.forgetAfterMs ? entry : undefined;
  }

  #map(scope: ThrottleScope): Map<string, Failures> {
    return scope === 'account' ? this.#accounts : this.#sources;
  }

  #prune(map: Map<string, Failures>, now: number): void {
    for (const [id, entry] of map) if (!this.#live(entry, now)) map.delete(id);
    // Still full of fresh keys: forget the oldest (insertion order), never the newest attempts.
    for (const id of map.keys()) {
      if (map.size <= PRUNE_ABOVE) break;
      map.delete(id);
    }
  }
}

/** The wait after `failures` consecutive failures: none within the free ones, then doubling to the ceiling. */
export function backoffMs(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - policy.freeFailures));
}

function accountKey(username: string): string {
  return username.trim().toLowerCase();
}
