/** An MP4 or WebM file or progressive HTTP video, looped for demo feeds. */
import type { BaseSourceOptions } from './baseSource';
import { isCrossOrigin, resolveMediaUrl } from './mediaUrl';
import { createVideoElement, VideoSource } from './videoSource';

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
