/**
 * Sources whose frames land in a <video>: URL files, HLS, webcams and WHEP.
 * New frames are observed with requestVideoFrameCallback, which fires once per
 * frame the decoder presents, so consumers upload textures only when the picture
 * changed. Media errors and an ended non-looping file become health failures.
 */
import { BaseSource, type BaseSourceOptions } from './baseSource';
import { SourceFailure } from './sourceFailure';

export function createVideoElement(crossOrigin: boolean): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.defaultMuted = true;
  video.playsInline = true;
  video.autoplay = false;
  video.preload = 'auto';
  // Remote media must be CORS-enabled or WebGL textures and snapshots of it are refused.
  if (crossOrigin) video.crossOrigin = 'anonymous';
  return video;
}

const mediaErrorText: Record<number, string> = {
  1: 'loading was aborted',
  2: 'a network error stopped the download',
  3: 'the video could not be decoded',
  4: 'the address or format is not supported',
};

/** Frames the element decoded and did not drop, or null where the browser does not say. */
function decodedFrames(video: HTMLVideoElement): number | null {
  if (typeof video.getVideoPlaybackQuality !== 'function') return null;
  const quality = video.getVideoPlaybackQuality();
  return quality.totalVideoFrames - quality.droppedVideoFrames;
}

export abstract class VideoSource extends BaseSource<HTMLVideoElement> {
  #frameRequest: number | null = null;
  #generationForEvents = -1;
  readonly #onError = () => {
    const error = this.element.error;
    const code = error?.code ?? 0;
    const detail = mediaErrorText[code] ?? 'unknown media error';
    this.connectionFailed(
      this.#generationForEvents,
      new SourceFailure(
        code === 3 ? 'decode' : 'network',
        `Video error: ${detail}${error?.message ? ` (${error.message})` : ''}`,
        true,
      ),
    );
  };
  readonly #onEnded = () => {
    this.connectionFailed(this.#generationForEvents, new SourceFailure('no-frames', 'The stream ended', true));
  };

  protected constructor(cameraId: string, element: HTMLVideoElement, options?: BaseSourceOptions) {
    super(cameraId, element, options);
    element.addEventListener('error', this.#onError);
    element.addEventListener('ended', this.#onEnded);
  }

  /** Points the element at this generation's media (src, srcObject or MediaSource). */
  protected abstract attach(generation: number): Promise<void>;
  /** Drops the media from the element and closes the transport. */
  protected abstract detach(): void;

  protected async connect(generation: number): Promise<void> {
    this.#generationForEvents = generation;
    await this.attach(generation);
    if (!this.current(generation)) return;
    this.#watchFrames(generation);
    if (!this.paused) await this.#play();
  }

  protected disconnect(): void {
    this.#stopWatching();
    this.element.pause();
    this.detach();
  }

  protected applyPaused(paused: boolean): void {
    if (paused) {
      this.element.pause();
    } else {
      void this.#play();
    }
  }

  protected releaseElement(): void {
    this.element.removeEventListener('error', this.#onError);
    this.element.removeEventListener('ended', this.#onEnded);
    this.element.removeAttribute('src');
    this.element.srcObject = null;
    // Makes the element drop its decoder and buffers now rather than at garbage collection.
    this.element.load();
  }

  async #play(): Promise<void> {
    try {
      await this.element.play();
    } catch (error) {
      // A pause() or a new source interrupts play(): not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (error instanceof DOMException && error.name === 'NotSupportedError') {
        throw new SourceFailure('unsupported', `This video cannot be played here: ${error.message}`, false);
      }
      throw new SourceFailure(
        'network',
        `The video did not start: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
    }
  }

  #watchFrames(generation: number): void {
    this.#stopWatching();
    const video = this.element;
    let lastPresented: number | null = null;
    let lastDecoded: number | null = null;
    const onFrame = (now: number, metadata: VideoFrameCallbackMetadata) => {
      if (!this.current(generation)) return;
      this.#frameRequest = video.requestVideoFrameCallback(onFrame);
      // The callback runs at most once per page frame, so on a busy page one call stands
      // for several new video frames. Count them from the decoder (frames decoded and
      // not dropped) or, where that is unknown, from presentedFrames; both restart with new media.
      const presented = metadata.presentedFrames;
      const decoded = decodedFrames(video);
      const presentedSince = lastPresented !== null && presented > lastPresented ? presented - lastPresented : 0;
      const decodedSince = decoded !== null && lastDecoded !== null && decoded > lastDecoded ? decoded - lastDecoded : 0;
      lastPresented = presented;
      lastDecoded = decoded;
      const frames = Math.max(1, presentedSince, decodedSince);
      this.frameArrived(generation, now, frames);
    };
    this.#frameRequest = video.requestVideoFrameCallback(onFrame);
  }

  #stopWatching(): void {
    if (this.#frameRequest !== null) this.element.cancelVideoFrameCallback(this.#frameRequest);
    this.#frameRequest = null;
  }
}
