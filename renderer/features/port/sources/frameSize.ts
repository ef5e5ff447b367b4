import type { CameraSource } from './cameraSource';

/** The source's current frame size in pixels (its full resolution), or null before the first frame. */
export function frameSize(source: Pick<CameraSource, 'element'>): { width: number; height: number } | null {
  const element = source.element;
  const width = element instanceof HTMLVideoElement ? element.videoWidth : element.width;
  const height = element instanceof HTMLVideoElement ? element.videoHeight : element.height;
  return width > 1 && height > 1 ? { width, height } : null;
}
