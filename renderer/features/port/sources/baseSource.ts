/**
 * What every source shares: health bookkeeping, the watchdog, listeners, pause
 * and dispose. A subclass only connects and disconnects its transport and calls
 * `frameArrived` / `connectionFailed` with the generation it was given, so events
 * from a connection the watchdog already replaced are ignored.
 */
import type { CameraSource, SourceHealth } from './cameraSource';
import { SourceHealthMachine, defaultHealthOptions, type HealthOptions } from './sourceHealth';
import { asSourceFailure, type SourceFailure } from './sourceFailure';
import { Watchdog, type BackoffPolicy } from './watchdog';

export interface BaseSourceOptions {
  health?: HealthOptions;
  backoff?: BackoffPolicy;
  /** How often stalls are checked and fps is re-published to listeners. */
  tickMs?: number;
}

const now = (): number => performance.now();

export abstract class BaseSource<E extends HTMLVideoElement | HTMLCanvasElement> implements CameraSource {
  readonly #health: SourceHealthMachine;
  readonly #watchdog: Watchdog;
  readonly #healthListeners = new Set<(health: SourceHealth) => void>();
  readonly #frameListeners = new Set<(now: number) => void>();
  readonly #tickMs: number;
  #tickTimer: ReturnType<typeof setInterval> | null = null;
  #generation = 0;
  #started = false;
  #disposed = false;
  #lastPublished = '';

  protected constructor(
    readonly cameraId: string,
    readonly element: E,
    options: BaseSourceOptions = {},
  ) {
    this.#health = new SourceHealthMachine(now(), options.health ?? defaultHealthOptions);
    this.#watchdog = new Watchdog({ restart: () => this.#connect(true), policy: options.backoff });
    this.#tickMs = options.tickMs ?? 500;
  }

  /** Opens the transport for this generation; throw a SourceFailure to fail. */
  protected abstract connect(generation: number): Promise<void>;
  /** Closes the transport, synchronously, keeping `element` reusable. */
  protected abstract disconnect(): void;
  /** Stops or resumes decoding (pause the video, stop drawing JPEGs). */
  protected abstract applyPaused(paused: boolean): void;
  /** Frees the element for good (after disconnect). */
  protected abstract releaseElement(): void;

  get paused(): boolean {
    return this.#health.paused;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  async start(): Promise<void> {
    if (this.#started || this.#disposed) return;
    this.#started = true;
    this.#tickTimer = setInterval(() => this.#tick(), this.#tickMs);
    await this.#connect(false);
  }

  retry(): void {
    if (!this.#started || this.#disposed) return;
    this.#watchdog.healthy();
    void this.#connect(true);
  }

  setPaused(paused: boolean): void {
    if (this.#disposed || paused === this.#health.paused) return;
    this.#health.setPaused(now(), paused);
    if (paused) this.#watchdog.hold();
    this.applyPaused(paused);
    this.#publish(true);
  }

  health(): SourceHealth {
    return this.#health.snapshot(now());
  }

  onHealth(listener: (health: SourceHealth) => void): () => void {
    this.#healthListeners.add(listener);
    return () => this.#healthListeners.delete(listener);
  }

  onFrame(listener: (now: number) => void): () => void {
    this.#frameListeners.add(listener);
    return () => this.#frameListeners.delete(listener);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#generation++;
    this.#watchdog.stop();
    if (this.#tickTimer !== null) clearInterval(this.#tickTimer);
    this.#tickTimer = null;
    try {
      this.disconnect();
    } finally {
      this.releaseElement();
      this.#healthListeners.clear();
      this.#frameListeners.clear();
    }
  }

  /** Whether events from this generation still matter. */
  protected current(generation: number): boolean {
    return !this.#disposed && generation === this.#generation;
  }

  /**
   * A new decoded frame is in `element`. `frames` counts the new frames since the
   * last call when the transport can tell (a video presents several between two
   * callbacks on a busy page); listeners are still told once, as there is one picture.
   */
  protected frameArrived(generation: number, at: number = now(), frames = 1): void {
    if (!this.current(generation) || this.#health.paused) return;
    const wasLive = this.#health.state === 'live';
    this.#health.frame(at, frames);
    this.#watchdog.healthy();
    for (const listener of this.#frameListeners) listener(at);
    if (!wasLive) this.#publish(true);
  }

  /** The transport broke after connecting (stream ended, track ended, peer failed). */
  protected connectionFailed(generation: number, failure: SourceFailure): void {
    if (!this.current(generation)) return;
    this.#fail(failure);
  }

  async #connect(isRestart: boolean): Promise<void> {
    if (this.#disposed) return;
    if (isRestart) this.disconnect();
    const generation = ++this.#generation;
    this.#health.connecting(now(), isRestart);
    this.#publish(true);
    try {
      await this.connect(generation);
      if (this.current(generation) && this.#health.paused) this.applyPaused(true);
    } catch (error) {
      if (this.current(generation)) this.#fail(asSourceFailure(error));
    }
  }

  #fail(failure: SourceFailure): void {
    this.#health.fail(now(), { reason: failure.reason, message: failure.message, retryable: failure.retryable });
    this.#publish(true);
    if (failure.retryable && !this.#health.paused) this.#watchdog.unhealthy();
  }

  #tick(): void {
    const t = now();
    const changed = this.#health.tick(t);
    if (this.#health.restartable && !this.#health.paused) this.#watchdog.unhealthy();
    this.#publish(changed);
  }

  /** Tells listeners; unforced calls only when something they show (fps, last frame) moved. */
  #publish(force: boolean): void {
    const health = this.#health.snapshot(now());
    const key = JSON.stringify(health);
    if (!force && key === this.#lastPublished) return;
    this.#lastPublished = key;
    for (const listener of this.#healthListeners) listener(health);
  }
}
