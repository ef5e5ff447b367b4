/** An MP4 or WebM file or progressive HTTP video, looped for demo feeds. */
import type { BaseSourceOptions } from './base-source';
import { isCrossOrigin, resolveMediaUrl } from './media-url';
import { createVideoElement, VideoSource } from './video-source';

export class UrlSource extends VideoSource {
  readonly #url: string;

  constructor(cameraId: string, url: string, loop: boolean, options?: BaseSourceOptions) {
    const resolved = resolveMediaUrl(url);
    const video = createVideoElement(isCrossOrigin(resolved));
    video.loop = loop;
    super(cameraId, video, options);
    this.#url = resolved;
  }

  protected async attach(): Promise<void> {
    this.element.src = this.#url;
  }

  protected detach(): void {
    this.element.removeAttribute('src');
    this.element.load();
  }
}
