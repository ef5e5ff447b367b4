/**
 * Frames per second over a moving time window: the frames counted within the
 * last `windowMs`, divided by the span they cover. Pure; times are
 * `performance.now()` milliseconds.
 *
 * One observation may stand for several frames: requestVideoFrameCallback runs at
 * most once per rendered page frame, so a busy or software-rendered page sees one
 * callback for several new video frames (its `presentedFrames` says how many).
 */
export class FpsWindow {
  readonly #times: number[] = [];
  readonly #counts: number[] = [];

  constructor(private readonly windowMs = 2000) {
    if (!(windowMs > 0)) throw new RangeError(`FpsWindow needs a positive window, got ${windowMs}`);
  }

  /** `frames` new frames were observed at `now` (1 unless the observer skipped some). */
  add(now: number, frames = 1): void {
    if (!Number.isInteger(frames) || frames < 1)
      throw new RangeError(`FpsWindow.add needs a whole number of frames ≥ 1, got ${frames}`);
    this.#times.push(now);
    this.#counts.push(frames);
    this.#trim(now);
  }

  /** Frames per second at `now`; 0 with fewer than two observations in the window. */
  fps(now: number): number {
    this.#trim(now);
    const times = this.#times;
    const oldest = times[0];
    const newest = times[times.length - 1];
    if (times.length < 2 || oldest === undefined || newest === undefined) return 0;
    // Span from the oldest kept observation to now, so a source that stops shows a falling rate.
    const span = Math.max(now - oldest, newest - oldest);
    if (span <= 0) return 0;
    // The oldest observation opens the span; the frames it reports happened before it.
    let frames = 0;
    for (let i = 1; i < this.#counts.length; i++) frames += this.#counts[i] ?? 0;
    return (frames * 1000) / span;
  }

  clear(): void {
    this.#times.length = 0;
    this.#counts.length = 0;
  }

  #trim(now: number): void {
    const oldest = now - this.windowMs;
    let drop = 0;
    while (drop < this.#times.length && (this.#times[drop] ?? Infinity) < oldest) drop++;
    if (drop > 0) {
      this.#times.splice(0, drop);
      this.#counts.splice(0, drop);
    }
  }
}
