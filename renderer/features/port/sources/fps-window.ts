/**
 * Frames per second over a moving time window: the count of frame times within
 * the last `windowMs`, divided by the span they cover. Pure; times are
 * `performance.now()` milliseconds.
 */
export class FpsWindow {
  readonly #times: number[] = [];

  constructor(private readonly windowMs = 2000) {
    if (!(windowMs > 0)) throw new RangeError(`FpsWindow needs a positive window, got ${windowMs}`);
  }

  add(now: number): void {
    this.#times.push(now);
    this.#trim(now);
  }

  /** Frames per second at `now`; 0 with fewer than two frames in the window. */
  fps(now: number): number {
    this.#trim(now);
    const times = this.#times;
    const oldest = times[0];
    const newest = times[times.length - 1];
    if (times.length < 2 || oldest === undefined || newest === undefined) return 0;
    // Span from the oldest kept frame to now, so a source that stops shows a falling rate.
    const span = Math.max(now - oldest, newest - oldest);
    if (span <= 0) return 0;
    return ((times.length - 1) * 1000) / span;
  }

  clear(): void {
    this.#times.length = 0;
  }

  #trim(now: number): void {
    const oldest = now - this.windowMs;
    let drop = 0;
    while (drop < this.#times.length && (this.#times[drop] ?? Infinity) < oldest) drop++;
    if (drop > 0) this.#times.splice(0, drop);
  }
}
