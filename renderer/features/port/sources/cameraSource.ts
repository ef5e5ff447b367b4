/**
 * The one interface every camera source implements (webcam, url, hls, mjpeg, whep).
 *
 * Contract for consumers (PortScene, panorama, camera wall):
 * - Create a source with `createCameraSource(camera, options)` from `./createSource`
 *   (takes a `SiteCamera` from `preload/contract/schemas/site.ts`), then call `start()`.
 *   `start()` resolves once the source has begun connecting; it never rejects —
 *   failures show up as `health().state === 'failed'` with `error` set.
 * - `element` is stable for the lifetime of the source (restarts by the watchdog
 *   reuse the same element), so a `THREE.VideoTexture`/`CanvasTexture` made from it
 *   stays valid. For `<video>` the element is muted, `playsInline`, not attached to
 *   the DOM (attach it yourself if you want to show it as a plain element).
 * - Upload a texture only from `onFrame` (one call per new decoded frame):
 *   `requestVideoFrameCallback` for video, one call per drawn JPEG for the canvas.
 * - `setPaused(true)` when the view is off-screen or the window hidden: the video is
 *   paused / the MJPEG stream stops drawing, no `onFrame` calls fire, and the watchdog
 *   does not count a paused source as stalled. `health().state` stays as it was.
 * - `dispose()` stops media tracks, aborts fetches, closes peer connections, removes
 *   listeners and releases the element (`src` cleared). Safe to call twice.
 * - `retry()` restarts at once (the officer fixed the cause: allowed the camera,
 *   plugged one in, turned the camera setting on). The watchdog restarts stalled and
 *   network-failed sources by itself; failures with `retryable: false` wait for this.
 * - `health().reason` is a stable code for the UI to translate (see SourceFailureReason);
 *   `error` is English detail for logs and tooltips.
 * - Snapshots: `captureFrame(source)` / `saveSnapshot(source, …)` in `./snapshot`
 *   (full resolution PNG, uploaded through cw:evidence.saveSnapshot, chunked when large).
 * - Status bar: every source made by `createCameraSource` is counted in this window's
 *   report to the main process (cw:site.reportCameraHealth) by `./healthReport`; nothing to wire.
 */
export type SourceHealthState = 'connecting' | 'live' | 'stalled' | 'failed';

/** Why a source is failed or stalled, for the UI to say in the officer's language. */
export type SourceFailureReason =
  /** Settings → camera access is off (the permission handler refuses cameras). */
  | 'camera-off'
  /** The browser or OS refused camera access. */
  | 'permission-denied'
  /** No camera, or not the chosen one, is connected. */
  | 'no-device'
  /** The camera is in use by another program. */
  | 'device-busy'
  /** This browser cannot play the source type (no WebRTC, no MediaSource, no camera API). */
  | 'unsupported'
  /** The server or bridge could not be reached or answered with an error. */
  | 'network'
  /** The media could not be decoded. */
  | 'decode'
  /** Frames stopped arriving (see SourceHealthState 'stalled'). */
  | 'no-frames';

export interface SourceHealth {
  state: SourceHealthState;
  /** Frames per second over a moving window of the last few seconds. */
  fps: number;
  /** `performance.now()`-based time of the last new frame, or null before the first. */
  lastFrameAt: number | null;
  /** What went wrong, in words an officer can act on (for 'failed' and 'stalled'). */
  error: string | null;
  /** Stable code behind `error`, null while connecting or live. */
  reason: SourceFailureReason | null;
  /** How many times the watchdog restarted this source. */
  restarts: number;
}

export interface CameraSource {
  readonly cameraId: string;
  /** The element frames appear in: a <video> for getUserMedia/URL/HLS/WHEP, a <canvas> for MJPEG. */
  readonly element: HTMLVideoElement | HTMLCanvasElement;
  start(): Promise<void>;
  /** Paused sources decode/upload nothing (off-screen, hidden window). */
  setPaused(paused: boolean): void;
  /** Restart now, also after a failure the watchdog does not retry (see doc above). */
  retry(): void;
  health(): SourceHealth;
  onHealth(listener: (health: SourceHealth) => void): () => void;
  /** Fires once per new decoded frame (requestVideoFrameCallback for video; per drawn JPEG for canvas). */
  onFrame(listener: (now: number) => void): () => void;
  dispose(): void;
}
