/**
 * The health of one camera source as a pure state machine:
 *
 *   connecting ──frame──▶ live ──no frame for stallAfterMs──▶ stalled
 *        │                 ▲                                      │
 *        │                 └────────────frame─────────────────────┘
 *        └──error──▶ failed ◀──error── (any state)
 *   restart (watchdog) ──▶ connecting (restarts + 1)
 *
 * Paused sources are never marked stalled: no frames are expected from them, and
 * the stall clock starts afresh when they resume.
 */
import type { SourceFailureReason, SourceHealth, SourceHealthState } from './cameraSource';
import { FpsWindow } from './fpsWindow';

export interface HealthOptions {
  /** No new frame for this long (while not paused) makes a connecting or live source stalled. */
  stallAfterMs: number;
  /** Width of the moving window the frame rate is measured over. */
  fpsWindowMs: number;
  /** A source that never delivers a first frame within this time is stalled too. */
  firstFrameTimeoutMs: number;
}

export const defaultHealthOptions: HealthOptions = { stallAfterMs: 3000, fpsWindowMs: 2000, firstFrameTimeoutMs: 8000 };

export interface HealthFailure {
  reason: SourceFailureReason;
  message: string;
  /** False for conditions a restart cannot fix (permission denied, no device, camera off). */
  retryable: boolean;
}

export class SourceHealthMachine {
  #state: SourceHealthState = 'connecting';
  #lastFrameAt: number | null = null;
  #error: string | null = null;
  #reason: SourceFailureReason | null = null;
  #retryable = true;
  #restarts = 0;
  #paused = false;
  /** Since when frames are expected: connect start, last frame or resume. */
  #expectingSince: number;
  readonly #fps: FpsWindow;

  constructor(
    now: number,
    private readonly options: HealthOptions = defaultHealthOptions,
  ) {
    this.#expectingSince = now;
    this.#fps = new FpsWindow(options.fpsWindowMs);
  }

  get state(): SourceHealthState {
    return this.#state;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Whether the watchdog may restart the source (stalled, or failed for a reason a restart can fix). */
  get restartable(): boolean {
    return this.#state === 'stalled' || (this.#state === 'failed' && this.#retryable);
  }

  /** `frames` new frames were seen at `now` (more than 1 when the observer missed some). */
  frame(now: number, frames = 1): void {
    this.#fps.add(now, frames);
    this.#lastFrameAt = now;
    this.#expectingSince = now;
    this.#state = 'live';
    this.#error = null;
    this.#reason = null;
  }

  fail(now: number, failure: HealthFailure): void {
    this.#state = 'failed';
    this.#error = failure.message;
    this.#reason = failure.reason;
    this.#retryable = failure.retryable;
    this.#expectingSince = now;
    this.#fps.clear();
  }

  /** A (re)connect began. */
  connecting(now: number, isRestart: boolean): void {
    if (isRestart) this.#restarts++;
    this.#state = 'connecting';
    this.#error = null;
    this.#reason = null;
    this.#retryable = true;
    this.#expectingSince = now;
    this.#fps.clear();
  }

  setPaused(now: number, paused: boolean): void {
    if (paused === this.#paused) return;
    this.#paused = paused;
    // Resuming restarts the stall clock: time spent paused is not silence.
    if (!paused) this.#expectingSince = now;
    this.#fps.clear();
  }

  /** Call periodically; moves connecting/live to stalled when frames stop. Returns true when the state changed. */
  tick(now: number): boolean {
    if (this.#paused) return false;
    const silentFor = now - this.#expectingSince;
    if (this.#state === 'live' && silentFor >= this.options.stallAfterMs) {
      this.#state = 'stalled';
      this.#error = `No new frame for ${Math.round(silentFor / 1000)} s`;
      this.#reason = 'no-frames';
      return true;
    }
    if (this.#state === 'connecting' && silentFor >= this.options.firstFrameTimeoutMs) {
      this.#state = 'stalled';
      this.#error = `No first frame within ${Math.round(silentFor / 1000)} s`;
      this.#reason = 'no-frames';
      return true;
    }
    return false;
  }

  snapshot(now: number): SourceHealth {
    return {
      state: this.#state,
      fps: this.#paused || this.#state === 'failed' ? 0 : Math.round(this.#fps.fps(now) * 10) / 10,
      lastFrameAt: this.#lastFrameAt,
      error: this.#error,
      reason: this.#reason,
      restarts: this.#restarts,
    };
  }
}
