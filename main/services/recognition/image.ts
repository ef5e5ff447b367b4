/**
 * The pixels recognition works on: an 8-bit RGB or RGBA buffer, row by row, as a
 * camera frame or a decoded file gives them. Everything downstream samples through
 * `sampleRgb`, so the channel count is decided here once.
 */

export interface RecognitionImage {
  /** Row-major pixels, `channels` bytes each, no row padding. */
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** 3 for RGB, 4 for RGBA (alpha is ignored). */
  channels: 3 | 4;
}

/** The image with its channel count checked against the buffer's length. */
export function recognitionImage(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels?: 3 | 4,
): RecognitionImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`image size must be positive whole pixels, not ${width}×${height}`);
  }
  const inferred = channels ?? (data.length === width * height * 4 ? 4 : 3);
  if (data.length !== width * height * inferred) {
    throw new RangeError(
      `a ${width}×${height} image with ${inferred} channels needs ${width * height * inferred} bytes, not ${data.length}`,
    );
  }
  return { data, width, height, channels: inferred };
}

/**
 * Writes the bilinear sample of the image at (x, y) into out[0..2]. Points outside
 * the image take the nearest edge pixel, so warps that graze the border stay clean.
 */
export function sampleRgb(image: RecognitionImage, x: number, y: number, out: Float32Array): void {
  const { data, width, height, channels } = image;
  const cx = Math.min(Math.max(x, 0), width - 1);
  const cy = Math.min(Math.max(y, 0), height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const i00 = (y0 * width + x0) * channels;
  const i01 = (y0 * width + x1) * channels;
  const i10 = (y1 * width + x0) * channels;
  const i11 = (y1 * width + x1) * channels;
  for (let c = 0; c < 3; c++) {
    const top = data[i00 + c]! + (data[i01 + c]! - data[i00 + c]!) * fx;
    const bottom = data[i10 + c]! + (data[i11 + c]! - data[i10 + c]!) * fx;
    out[c] = top + (bottom - top) * fy;
  }
}
