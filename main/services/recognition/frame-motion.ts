/**
 * The vehicle trigger: motion inside a camera's region of interest. Each frame's
 * ROI is shrunk to a small grey thumbnail; the share of thumbnail pixels that
 * changed by more than a step since the previous frame is the motion. Cheap
 * (a few thousand pixels), and blind to slow light changes and sensor noise.
 */
import type { Roi } from '../../../preload/contract/schemas/site';
import { type RecognitionImage, recognitionImage } from './image';

export interface GreyThumbnail {
  width: number;
  height: number;
  data: Uint8Array;
}

const THUMB_WIDTH = 64;
/** A pixel changed when its grey level moved by more than this (0–255). */
const PIXEL_STEP = 24;

/** The ROI in pixels, clamped to the image and at least one pixel wide and high. */
export function roiRect(
  image: { width: number; height: number },
  roi: Roi,
): { x: number; y: number; width: number; height: number } {
  const x = Math.min(image.width - 1, Math.max(0, Math.round(roi.x * image.width)));
  const y = Math.min(image.height - 1, Math.max(0, Math.round(roi.y * image.height)));
  const width = Math.max(1, Math.min(image.width - x, Math.round(roi.width * image.width)));
  const height = Math.max(1, Math.min(image.height - y, Math.round(roi.height * image.height)));
  return { x, y, width, height };
}

/** The ROI cut out of the image (a copy, RGB). */
export function cropRoi(image: RecognitionImage, roi: Roi): RecognitionImage {
  const rect = roiRect(image, roi);
  if (rect.x === 0 && rect.y === 0 && rect.width === image.width && rect.height === image.height) return image;
  const out = new Uint8Array(rect.width * rect.height * 3);
  const c = image.channels;
  for (let y = 0; y < rect.height; y++) {
    const row = ((rect.y + y) * image.width + rect.x) * c;
    for (let x = 0; x < rect.width; x++) {
      const src = row + x * c;
      const dst = (y * rect.width + x) * 3;
      out[dst] = image.data[src]!;
      out[dst + 1] = image.data[src + 1]!;
      out[dst + 2] = image.data[src + 2]!;
    }
  }
  return recognitionImage(out, rect.width, rect.height, 3);
}

/** A grey thumbnail of the whole image, THUMB_WIDTH wide, each pixel the mean of its block. */
export function greyThumbnail(image: RecognitionImage): GreyThumbnail {
  const width = Math.min(THUMB_WIDTH, image.width);
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  const sums = new Float64Array(width * height);
  const counts = new Uint32Array(width * height);
  const c = image.channels;
  for (let y = 0; y < image.height; y++) {
    const ty = Math.min(height - 1, Math.floor((y * height) / image.height));
    for (let x = 0; x < image.width; x++) {
      const tx = Math.min(width - 1, Math.floor((x * width) / image.width));
      const i = (y * image.width + x) * c;
      sums[ty * width + tx]! += 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
      counts[ty * width + tx]!++;
    }
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = counts[i]! > 0 ? Math.round(sums[i]! / counts[i]!) : 0;
  return { width, height, data };
}

/** Share of pixels (0–1) that changed between two thumbnails; 1 when there is no earlier one or the size changed. */
export function motionBetween(previous: GreyThumbnail | null, current: GreyThumbnail): number {
  if (previous === null || previous.width !== current.width || previous.height !== current.height) return 1;
  let changed = 0;
  for (let i = 0; i < current.data.length; i++) if (Math.abs(current.data[i]! - previous.data[i]!) > PIXEL_STEP) changed++;
  return changed / current.data.length;
}
