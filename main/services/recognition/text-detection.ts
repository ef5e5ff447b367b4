/**
 * Finds text lines in an image with the PP-OCR detector: the image is scaled so
 * its longer side is at most `maxSide` and both sides are multiples of 32 (the
 * network's stride), normalised the way PaddleOCR trains it (BGR, ImageNet mean
 * and deviation), and the probability map is turned into boxes (db-postprocess)
 * mapped back to image pixels.
 */
import { type DbOptions, DEFAULT_DB_OPTIONS, dbBoxes, type TextBox } from './db-postprocess';
import { type RecognitionImage, sampleRgb } from './image';
import type { InferenceSession } from 'onnxruntime-node';
import { runSession } from './ocr-session';

export interface DetectionOptions extends Partial<DbOptions> {
  /** The longer side is scaled down to this (default 960). */
  maxSide?: number;
  /** Small images are scaled up so the shorter side is at least this (default 64). */
  minSide?: number;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** The detector's input size for an image: scaled, each side a multiple of 32. */
export function detectionSize(width: number, height: number, maxSide = 960, minSide = 64): { width: number; height: number } {
  let scale = Math.min(1, maxSide / Math.max(width, height));
  if (Math.min(width, height) * scale < minSide)
    scale = Math.min(minSide / Math.min(width, height), maxSide / Math.max(width, height));
  const round = (v: number) => Math.max(32, Math.round(v / 32) * 32);
  return { width: round(width * scale), height: round(height * scale) };
}

/** The image as the detector's NCHW input, channels in BGR order. */
export function detectionInput(image: RecognitionImage, width: number, height: number): Float32Array {
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  const sx = image.width / width;
  const sy = image.height / height;
  const rgb = new Float32Array(3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sampleRgb(image, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, rgb);
      const i = y * width + x;
      out[i] = (rgb[2]! / 255 - MEAN[0]!) / STD[0]!;
      out[plane + i] = (rgb[1]! / 255 - MEAN[1]!) / STD[1]!;
      out[2 * plane + i] = (rgb[0]! / 255 - MEAN[2]!) / STD[2]!;
    }
  }
  return out;
}

/** Text boxes in image pixels, largest first. */
export async function detectText(
  detector: InferenceSession,
  image: RecognitionImage,
  options: DetectionOptions = {},
): Promise<TextBox[]> {
  const size = detectionSize(image.width, image.height, options.maxSide, options.minSide);
  const input = detectionInput(image, size.width, size.height);
  const output = await runSession(detector, input, [1, 3, size.height, size.width]);
  const mapHeight = output.dims[2]!;
  const mapWidth = output.dims[3]!;
  const boxes = dbBoxes(output.data, mapWidth, mapHeight, { ...DEFAULT_DB_OPTIONS, ...options });
  const kx = image.width / mapWidth;
  const ky = image.height / mapHeight;
  return boxes.map((box) => ({
    ...box,
    quad: box.quad.map((p) => ({ x: p.x * kx, y: p.y * ky })) as unknown as TextBox['quad'],
    height: box.height * Math.sqrt(kx * ky),
  }));
}
