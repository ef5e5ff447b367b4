/**
 * DB (differentiable binarisation) post-processing of the detector's probability
 * map: threshold into a bitmap, find its connected regions, fit each a rotated
 * rectangle, drop regions the model was not sure of, and grow ("unclip") each
 * rectangle by area × ratio / perimeter, since DB's regions are shrunk text.
 */
import { growRect, minAreaRect, rectToQuad } from './min-area-rect';
import type { Point, Quad } from './perspective';

export interface DbOptions {
  /** Pixel probability that counts as text. PaddleOCR: 0.3. */
  threshold: number;
  /** Mean probability a region needs to be kept. PaddleOCR: 0.6. */
  boxThreshold: number;
  /** How far a region is grown back. PaddleOCR: 1.5. */
  unclipRatio: number;
  /** Regions whose short side is below this many map pixels are dropped. */
  minSize: number;
  /** At most this many regions, largest first. */
  maxBoxes: number;
}

export const DEFAULT_DB_OPTIONS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSize: 3, maxBoxes: 100 };

export interface TextBox {
  /** Corners in map pixels, reading order. */
  quad: Quad;
  /** Mean probability over the region. */
  score: number;
  /** The unclipped rectangle's short side, in map pixels. */
  height: number;
}

/** Text regions in a width × height probability map (row-major). */
export function dbBoxes(map: Float32Array, width: number, height: number, options: DbOptions = DEFAULT_DB_OPTIONS): TextBox[] {
  const label = new Int32Array(width * height);
  const stack: number[] = [];
  const boxes: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < map.length; start++) {
    if (label[start] !== 0 || map[start]! <= options.threshold) continue;
    next++;
    label[start] = next;
    stack.push(start);
    // Per row, the leftmost and rightmost pixel: their hull is the region's hull.
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    let sum = 0;
    let count = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      sum += map[i]!;
      count++;
      if (!(rowMin.get(y)! <= x)) rowMin.set(y, x);
      if (!(rowMax.get(y)! >= x)) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
          const j = ny * width + nx;
          if (label[j] === 0 && map[j]! > options.threshold) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    const score = sum / count;
    if (score < options.boxThreshold || count < options.minSize * options.minSize) continue;
    const points: Point[] = [];
    for (const [y, x0] of rowMin) {
      const x1 = rowMax.get(y)!;
      // Pixel corners, so a one-pixel-high region still has an area.
      points.push({ x: x0, y }, { x: x0, y: y + 1 }, { x: x1 + 1, y }, { x: x1 + 1, y: y + 1 });
    }
    const rect = minAreaRect(points);
    if (Math.min(rect.width, rect.height) < options.minSize) continue;
    const area = rect.width * rect.height;
    const perimeter = 2 * (rect.width + rect.height);
    const grown = growRect(rect, (area * options.unclipRatio) / perimeter);
    if (Math.min(grown.width, grown.height) < options.minSize + 2) continue;
    boxes.push({ quad: rectToQuad(grown), score, height: Math.min(grown.width, grown.height) });
  }
  boxes.sort((a, b) => quadArea(b.quad) - quadArea(a.quad));
  return boxes.slice(0, options.maxBoxes);
}

/** Shoelace area of a quad. */
export function quadArea(quad: Quad): number {
  let s = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}
