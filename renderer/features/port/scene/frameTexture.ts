import { LinearFilter, SRGBColorSpace, Texture } from 'three';
import type { CameraSource } from '../sources/cameraSource';

/**
 * Marked as a video texture so three.js sizes each upload from the frame itself
 * (texImage2D with the video's intrinsic size; a canvas may change size with its
 * first JPEG) instead of allocating fixed storage from the element's width
 * attribute, which is 0 for a <video>. Unlike THREE.VideoTexture it runs no
 * frame callback of its own and `update()` (called by three on every render of
 * a video texture) does nothing: uploads come only from the source's onFrame.
 */
class SourceTexture extends Texture {
  readonly isVideoTexture = true;

  update(): void {
    // Deliberately empty: see the class comment.
  }
}

/**
 * A texture showing a camera source's element, marked for upload only when the
 * source reports a new decoded frame (never on every render), with counters
 * that prove it: `frames` new frames seen, `uploads` uploads the renderer did.
 */
export class FrameTexture {
  readonly texture: Texture;
  frames = 0;
  uploads = 0;
  private uploadedVersion = 0;
  private readonly unsubscribe: () => void;

  constructor(
    readonly source: CameraSource,
    onNewFrame: () => void,
  ) {
    this.texture = new SourceTexture(source.element);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter;
    this.texture.generateMipmaps = false;
    this.unsubscribe = source.onFrame(() => {
      this.frames += 1;
      this.texture.needsUpdate = true;
      onNewFrame();
    });
  }

  /** Called right before a render that draws this texture: counts the upload three is about to do. */
  noteRender(): void {
    if (this.texture.version !== this.uploadedVersion) {
      this.uploadedVersion = this.texture.version;
      this.uploads += 1;
    }
  }

  /** Width / height of the current frame, or null before the first frame. */
  aspect(): number | null {
    const element = this.source.element;
    const width = 'videoWidth' in element ? element.videoWidth : element.width;
    const height = 'videoHeight' in element ? element.videoHeight : element.height;
    return width > 0 && height > 0 ? width / height : null;
  }

  dispose(): void {
    this.unsubscribe();
    this.texture.dispose();
  }
}
