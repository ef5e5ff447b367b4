/**
 * Perspective crops: the homography that maps an output rectangle onto a detected
 * quadrilateral, and the warp that samples a text box out of the image upright.
 */
import { type RecognitionImage, sampleRgb } from './image';

export interface Point {
  x: number;
  y: number;
}

/** A quadrilateral in image pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/**
 * The 3×3 homography (row-major, h[8] = 1) taking (0,0), (w,0), (w,h), (0,h) to the
 * quad's corners, solved from the eight equations by Gaussian elimination.
 */
export function homographyToQuad(width: number, height: number, quad: Quad): Float64Array {
  const source: Point[] = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = source[i]!;
    const { x: u, y: v } = quad[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let row = col + 1; row < 8; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new RangeError('the quadrilateral is degenerate');
    for (let row = 0; row < 8; row++) {
      if (row === col) continue;
      const f = a[row]![col]! / p;
      if (f === 0) continue;
      for (let k = col; k < 9; k++) a[row]![k]! -= f * a[col]![k]!;
    }
  }
  const h = new Float64Array(9);
  for (let i = 0; i < 8; i++) h[i] = a[i]![8]! / a[i]![i]!;
  h[8] = 1;
  return h;
}

/** Where the homography sends (x, y). */
export function applyHomography(h: Float64Array, x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return { x: (h[0]! * x + h[1]! * y + h[2]!) / w, y: (h[3]! * x + h[4]! * y + h[5]!) / w };
}

/** The quad's side lengths as an upright box: width from the longer of top/bottom, height from the longer of the sides. */
export function quadSize(quad: Quad): { width: number; height: number } {
  const d = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
  return {
    width: Math.max(d(quad[0], quad[1]), d(quad[3], quad[2])),
    height: Math.max(d(quad[0], quad[3]), d(quad[1], quad[2])),
  };
}

/**
 * Samples the quad into an upright RGB image of outWidth × outHeight (bilinear, pixel
 * centres), the way a text line is handed to the recogniser.
 */
export function warpQuad(image: RecognitionImage, quad: Quad, outWidth: number, outHeight: number): RecognitionImage {
  const h = homographyToQuad(outWidth, outHeight, quad);
  const data = new Uint8Array(outWidth * outHeight * 3);
  const rgb = new Float32Array(3);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const p = applyHomography(h, x + 0.5, y + 0.5);
      sampleRgb(image, p.x - 0.5, p.y - 0.5, rgb);
      const i = (y * outWidth + x) * 3;
      data[i] = rgb[0]!;
      data[i + 1] = rgb[1]!;
      data[i + 2] = rgb[2]!;
    }
  }
  return { data, width: outWidth, height: outHeight, channels: 3 };
}
