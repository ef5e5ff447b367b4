/**
 * Sends a lane camera's frames to recognition at the camera's frame rate. The
 * picture is scaled and JPEG-encoded by the browser (createImageBitmap and an
 * OffscreenCanvas's convertToBlob run off the page's script), so the UI thread only
 * schedules; at most one frame per camera is on its way, a tick that finds one
 * still travelling is skipped (the services drop stale frames too).
 */
import type { FaceVerdict } from '../../../preload/contract/schemas/recognition';
import { clearway } from '../../app/clearway';
import type { CameraSource } from '../port/sources/cameraSource';
import { frameSize } from '../port/sources/frameSize';

/** Frames go at most this wide: plates stay legible and a frame stays well under a message's limit. */
const MAX_WIDTH = 960;

export interface FrameSamplerOptions {
  frameRate: number;
  /** The latest face verdict at this lane, when a face check runs there. */
  face?: () => FaceVerdict | undefined;
  onError?: (error: unknown) => void;
}

export function startFrameSampler(source: CameraSource, options: FrameSamplerOptions): () => void {
  let inFlight = false;
  let stopped = false;
  const tick = async () => {
    if (inFlight || stopped || document.hidden) return;
    const size = frameSize(source);
    if (!size) return;
    inFlight = true;
    try {
      const width = Math.min(MAX_WIDTH, size.width);
      const height = Math.round((size.height * width) / size.width);
      const bitmap = await createImageBitmap(source.element, {
        resizeWidth: width,
        resizeHeight: height,
        resizeQuality: 'medium',
      });
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      bitmap.close();
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      const jpegBase64 = await blobToBase64(blob);
      if (stopped) return;
      const face = options.face?.();
      await clearway().invoke('cw:recognition.frame', {
        cameraId: source.cameraId,
        capturedAt: new Date().toISOString(),
        jpegBase64,
        ...(face ? { face } : {}),
      });
    } catch (error) {
      options.onError?.(error);
    } finally {
      inFlight = false;
    }
  };
  const timer = window.setInterval(() => void tick(), Math.round(1000 / options.frameRate));
  return () => {
    stopped = true;
    window.clearInterval(timer);
  };
}

/** Base64 of a blob through FileReader (native, asynchronous), without the data-URL prefix. */
function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the frame could not be read'));
    reader.readAsDataURL(blob);
  });
}
