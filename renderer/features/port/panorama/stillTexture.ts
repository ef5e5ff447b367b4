import { LinearFilter, SRGBColorSpace, Texture } from 'three';
import { isCrossOrigin, resolveMediaUrl } from '../sources/mediaUrl';

/**
 * An equirectangular still as a texture, loaded in the background. `ready` turns
 * true once the picture decoded; `onReady` asks the scene to draw again. Disposing
 * stops a load still in flight and frees the GPU copy.
 */
export class StillTexture {
  readonly texture = new Texture();
  ready = false;
  failed = false;
  private readonly image = new Image();

  constructor(url: string, onReady: () => void) {
    const resolved = resolveMediaUrl(url);
    if (isCrossOrigin(resolved)) this.image.crossOrigin = 'anonymous';
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter;
    this.texture.generateMipmaps = false;
    this.image.decoding = 'async';
    this.image.onload = () => {
      this.texture.image = this.image;
      this.texture.needsUpdate = true;
      this.ready = true;
      onReady();
    };
    // A missing still leaves the video (or the plain sphere) to stand alone.
    this.image.onerror = () => {
      this.failed = true;
    };
    this.image.src = resolved;
  }

  dispose(): void {
    this.image.onload = null;
    this.image.onerror = null;
    this.image.removeAttribute('src');
    this.texture.dispose();
  }
}
