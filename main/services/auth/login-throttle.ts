import type { Clock } from '../clock';

export interface ThrottlePolicy {
  /** Consecutive failures for one username before attempts are refused. */
  maxFailures: number;
  /** How long attempts are refused after the last failure. */
  delayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailures: 5, delayMs: 30_000 };

export interface LoginThrottleOptions {
  clock: Clock;
  policy?: ThrottlePolicy;
}

/**
 * Slows password guessing per username (known or not, so it reveals nothing):
 * after maxFailures consecutive failures, attempts are refused for delayMs.
 * In memory on purpose: a restart of the workstation is not a cheap retry.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, { count: number; lastAt: number }>();

  private readonly clock: Clock;
  private readonly policy: ThrottlePolicy;

  constructor(options: LoginThrottleOptions) {
    this.clock = options.clock;
    this.policy = options.policy ?? DEFAULT_THROTTLE;
  }

  /** Milliseconds until the next attempt is allowed; 0 when allowed now. */
  retryAfterMs(username: string): number {
    const entry = this.#failures.get(key(username));
    if (!entry || entry.count < this.policy.maxFailures) return 0;
    return Math.max(0, entry.lastAt + this.policy.delayMs - this.clock.now().getTime());
  }

  recordFailure(username: string): void {
    const entry = this.#failures.get(key(username));
    this.#failures.set(key(username), { count: (entry?.count ?? 0) + 1, lastAt: this.clock.now().getTime() });
  }

  recordSuccess(username: string): void {
    this.#failures.delete(key(username));
  }
}

function key(username: string): string {
  return username.trim().toLowerCase();
}
