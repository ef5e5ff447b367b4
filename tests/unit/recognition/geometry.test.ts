import { describe, expect, it } from 'vitest';
import { dbBoxes, DEFAULT_DB_OPTIONS, quadArea } from '../../../main/services/recognition/db-postprocess';
import { applyHomography, homographyToQuad, type Quad, warpQuad } from '../../../main/services/recognition/perspective';
import { minAreaRect, rectToQuad } from '../../../main/services/recognition/min-area-rect';
import { groupLines } from '../../../main/services/recognition/text-lines';

describe('perspective', () => {
  it('maps the output rectangle onto the quad, corner to corner', () => {
    const quad: Quad = [
      { x: 10, y: 20 },
      { x: 110, y: 30 },
      { x: 105, y: 70 },
      { x: 12, y: 60 },
    ];
    const h = homographyToQuad(200, 50, quad);
    const corners = [
      applyHomography(h, 0, 0),
      applyHomography(h, 200, 0),
      applyHomography(h, 200, 50),
      applyHomography(h, 0, 50),
    ];
    corners.forEach((p, i) => {
      expect(p.x).toBeCloseTo(quad[i]!.x, 6);
      expect(p.y).toBeCloseTo(quad[i]!.y, 6);
    });
  });

  it('warps a quad out of an image upright', () => {
    // A 4×2 RGB image whose left half is black and right half white.
    const data = new Uint8Array(4 * 2 * 3);
    for (let y = 0; y < 2; y++) for (let x = 2; x < 4; x++) data.fill(255, (y * 4 + x) * 3, (y * 4 + x) * 3 + 3);
    const out = warpQuad(
      { data, width: 4, height: 2, channels: 3 },
      [
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 2 },
        { x: 0, y: 2 },
      ],
      4,
      2,
    );
    expect(out.data[0]).toBe(0);
    expect(out.data[3 * 3]).toBe(255);
  });
});

describe('minAreaRect', () => {
  it('fits a turned rectangle and gives its corners in reading order', () => {
    const angle = Math.PI / 12;
    const points = [];
    for (let u = -40; u <= 40; u += 4)
      for (let v = -8; v <= 8; v += 4)
        points.push({ x: 100 + u * Math.cos(angle) - v * Math.sin(angle), y: 50 + u * Math.sin(angle) + v * Math.cos(angle) });
    const rect = minAreaRect(points);
    expect(Math.max(rect.width, rect.height)).toBeCloseTo(80, 5);
    expect(Math.min(rect.width, rect.height)).toBeCloseTo(16, 5);
    const [tl, tr, br, bl] = rectToQuad(rect);
    expect(tl.x).toBeLessThan(tr.x);
    expect(tl.y).toBeLessThan(bl.y);
    expect(br.x).toBeGreaterThan(bl.x);
    expect(Math.atan2(tr.y - tl.y, tr.x - tl.x)).toBeCloseTo(angle, 5);
  });
});

describe('dbBoxes', () => {
  it('finds one box per region, grown back by the unclip ratio, and drops faint regions', () => {
    const width = 100;
    const height = 40;
    const map = new Float32Array(width * height);
    const fill = (x0: number, y0: number, x1: number, y1: number, p: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * width + x] = p;
    };
    fill(10, 10, 60, 20, 0.9); // text, 50 × 10
    fill(70, 10, 90, 20, 0.4); // above the pixel threshold but below the box threshold
    const boxes = dbBoxes(map, width, height, DEFAULT_DB_OPTIONS);
    expect(boxes).toHaveLength(1);
    const d = (50 * 10 * 1.5) / (2 * (50 + 10));
    expect(quadArea(boxes[0]!.quad)).toBeCloseTo((50 + 2 * d) * (10 + 2 * d), 3);
    expect(boxes[0]!.score).toBeCloseTo(0.9, 5);
  });

  it('joins boxes on one line into one, and leaves a smaller line apart', () => {
    const box = (x: number, y: number, w: number, h: number) => ({
      quad: [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
      ] as Quad,
      score: 0.9,
      height: h,
    });
    const lines = groupLines([box(0, 0, 30, 20), box(40, 1, 60, 20), box(5, 30, 40, 8)]);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.boxes).toHaveLength(2);
    expect(quadArea(lines[0]!.quad)).toBeGreaterThan(100 * 20);
  });
});
