/**
 * MJPEG over HTTP (multipart/x-mixed-replace): fetched as a byte stream, split into
 * JPEGs by MjpegParser, decoded off the main thread with createImageBitmap and
 * drawn into a canvas. Not an <img>: an image element gives no per-frame callback
 * and no error or stall signal. While paused the stream is still read (so resuming
 * is instant) but nothing is decoded or drawn. When decoding falls behind, only the
 * newest JPEG waits, so the picture never lags the camera.
 *
 * A decoded frame is drawn at the next animation frame, as a <video> presents its
 * frames: at most one new frame per page frame, so a page that renders slower than
 * the camera (software WebGL, a busy machine) draws, reports and uploads only the
 * frames it can show, one upload each, and the ones in between are dropped undrawn.
 */
import { BaseSource, type BaseSourceOptions } from './baseSource';
import { resolveMediaUrl } from './mediaUrl';
import { boundaryFromContentType, MjpegParser } from './mjpegParser';
import { SourceFailure } from './sourceFailure';

const nextAnimationFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export class MjpegSource extends BaseSource<HTMLCanvasElement> {
  readonly #url: string;
  readonly #context: CanvasRenderingContext2D;
  #abort: AbortController | null = null;
  #pending: Uint8Array | null = null;
  #decoding = false;

  constructor(cameraId: string, url: string, options?: BaseSourceOptions) {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    super(cameraId, canvas, options);
    const context = canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('A 2D canvas context is not available');
    this.#context = context;
    this.#url = resolveMediaUrl(url);
  }

  protected async connect(generation: number): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    let response: Response;
    try {
      response = await fetch(this.#url, { signal: abort.signal, cache: 'no-store' });
    } catch (error) {
      if (abort.signal.aborted) return;
      throw new SourceFailure(
        'network',
        `MJPEG stream ${this.#url} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
    }
    if (!response.ok || !response.body) {
      throw new SourceFailure('network', `MJPEG stream ${this.#url} answered HTTP ${response.status}`, true);
    }
    const parser = new MjpegParser(boundaryFromContentType(response.headers.get('Content-Type')));
    // Read in the background: connect() resolves once the stream is open.
    void this.#read(generation, response.body.getReader(), parser, abort.signal);
  }

  protected disconnect(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#pending = null;
  }

  protected applyPaused(paused: boolean): void {
    if (paused) this.#pending = null;
  }

  protected releaseElement(): void {
    // Shrinking the canvas frees its backing store at once.
    this.element.width = 1;
    this.element.height = 1;
  }

  async #read(
    generation: number,
    reader: ReadableStreamDefaultReader<Uint8Array>,
    parser: MjpegParser,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!this.current(generation)) return;
        const images = parser.push(value);
        const newest = images[images.length - 1];
        if (newest && !this.paused) this.#enqueue(generation, newest);
      }
      if (this.current(generation))
        this.connectionFailed(generation, new SourceFailure('network', 'The MJPEG stream ended', true));
    } catch (error) {
      if (signal.aborted || !this.current(generation)) return;
      this.connectionFailed(
        generation,
        new SourceFailure('network', `The MJPEG stream broke: ${error instanceof Error ? error.message : String(error)}`, true),
      );
    } finally {
      reader.releaseLock();
    }
  }

  #enqueue(generation: number, jpeg: Uint8Array): void {
    this.#pending = jpeg;
    if (!this.#decoding) void this.#drain(generation);
  }

  async #drain(generation: number): Promise<void> {
    this.#decoding = true;
    try {
      while (this.#pending && this.current(generation) && !this.paused) {
        const jpeg = this.#pending;
        this.#pending = null;
        let bitmap: ImageBitmap;
        try {
          bitmap = await createImageBitmap(new Blob([jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
        } catch {
          // One corrupt JPEG is skipped; a stream of them shows up as a stall.
          continue;
        }
        await nextAnimationFrame();
        if (!this.current(generation) || this.paused) {
          bitmap.close();
          break;
        }
        if (this.element.width !== bitmap.width || this.element.height !== bitmap.height) {
          this.element.width = bitmap.width;
          this.element.height = bitmap.height;
        }
        this.#context.drawImage(bitmap, 0, 0);
        bitmap.close();
        this.frameArrived(generation);
      }
    } finally {
      this.#decoding = false;
    }
  }
}
