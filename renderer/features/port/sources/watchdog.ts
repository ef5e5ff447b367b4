/**
 * Restarts a stalled (or retryably failed) source with exponential backoff:
 * 1 s, 2 s, 4 s, 8 s, 8 s… A frame resets the backoff. With stall detection at
 * 3 s and the delay capped at 8 s, a stream that comes back is picked up by the
 * next attempt at most 8 s later, which keeps recovery under 15 s.
 *
 * Pure apart from the injected timer functions, so tests drive it with fake timers.
 */
export interface BackoffPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 1000, factor: 2, maxMs: 8000 };

/** Delay before restart attempt number `attempt` (0-based). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`attempt must be a whole number ≥ 0, got ${attempt}`);
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.min(attempt, 30));
}

export interface WatchdogTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: WatchdogTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface WatchdogOptions {
  /** Performs one restart (disconnect + connect). */
  restart: () => void;
  policy?: BackoffPolicy;
  timers?: WatchdogTimers;
}

export class Watchdog {
  #attempt = 0;
  #pending: unknown = null;
  #stopped = false;
  readonly #policy: BackoffPolicy;
  readonly #timers: WatchdogTimers;

  constructor(private readonly options: WatchdogOptions) {
    this.#policy = options.policy ?? defaultBackoff;
    this.#timers = options.timers ?? globalTimers;
  }

  /** The attempts made since the last healthy frame. */
  get attempt(): number {
    return this.#attempt;
  }

  get scheduled(): boolean {
    return this.#pending !== null;
  }

  /** The source is unhealthy: schedule the next restart unless one is already due. Returns the delay, or null. */
  unhealthy(): number | null {
    if (this.#stopped || this.#pending !== null) return null;
    const delay = backoffDelay(this.#attempt, this.#policy);
    this.#pending = this.#timers.setTimeout(() => {
      this.#pending = null;
      if (this.#stopped) return;
      this.#attempt++;
      this.options.restart();
    }, delay);
    return delay;
  }

  /** A frame arrived: the source works; forget the backoff and any pending restart. */
  healthy(): void {
    this.#attempt = 0;
    this.#cancel();
  }

  /** Paused or disposed sources are not restarted. */
  hold(): void {
    this.#cancel();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel();
  }

  #cancel(): void {
    if (this.#pending !== null) this.#timers.clearTimeout(this.#pending);
    this.#pending = null;
  }
}
