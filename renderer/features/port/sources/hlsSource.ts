/**
 * HLS (.m3u8) through hls.js on MediaSource; browsers with native HLS play it
 * directly. hls.js is loaded on first use so sites without HLS do not pay for it.
 */
import type Hls from 'hls.js';
import type { BaseSourceOptions } from './baseSource';
import { isCrossOrigin, resolveMediaUrl } from './mediaUrl';
import { SourceFailure } from './sourceFailure';
import { createVideoElement, VideoSource } from './videoSource';

export class HlsSource extends VideoSource {
  readonly #url: string;
  #hls: Hls | null = null;

  constructor(cameraId: string, url: string, options?: BaseSourceOptions) {
    const resolved = resolveMediaUrl(url);
    super(cameraId, createVideoElement(isCrossOrigin(resolved)), options);
    this.#url = resolved;
  }

  protected async attach(generation: number): Promise<void> {
    const { default: HlsPlayer } = await import('hls.js');
    if (!this.current(generation)) return;
    if (!HlsPlayer.isSupported()) {
      if (this.element.canPlayType('application/vnd.apple.mpegurl') !== '') {
        this.element.src = this.#url;
        return;
      }
      throw new SourceFailure('unsupported', 'This browser has neither MediaSource nor native HLS', false);
    }
    // Live camera feeds: stay close to the live edge, do not build a long back buffer.
    const hls = new HlsPlayer({ lowLatencyMode: true, backBufferLength: 10, maxBufferLength: 10, liveSyncDurationCount: 2 });
    this.#hls = hls;
    hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      const reason = data.type === HlsPlayer.ErrorTypes.MEDIA_ERROR ? 'decode' : 'network';
      this.connectionFailed(generation, new SourceFailure(reason, `HLS ${data.type}: ${data.details}`, true));
    });
    hls.loadSource(this.#url);
    hls.attachMedia(this.element);
  }

  protected detach(): void {
    this.#hls?.destroy();
    this.#hls = null;
    this.element.removeAttribute('src');
    this.element.load();
  }
}
