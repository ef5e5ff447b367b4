/**
 * Joins detected boxes into text lines. The detector often splits a plate where
 * its characters are spaced apart (the dot after a Chinese plate's city letter,
 * the gaps and stickers of a German plate), so boxes of a similar height that sit
 * on one line close together are read as one.
 */
import type { TextBox } from './db-postprocess';
import { minAreaRect, rectToQuad } from './min-area-rect';
import { type Point, type Quad, quadSize } from './perspective';

export interface TextLine {
  quad: Quad;
  boxes: TextBox[];
  /** Mean detector score of its boxes. */
  score: number;
}

interface Axis {
  origin: Point;
  u: Point;
  v: Point;
}

function axisOf(quad: Quad): Axis {
  const dx = quad[1].x - quad[0].x;
  const dy = quad[1].y - quad[0].y;
  const len = Math.hypot(dx, dy) || 1;
  const u = { x: dx / len, y: dy / len };
  return { origin: quad[0], u, v: { x: -u.y, y: u.x } };
}

function project(quad: Quad, axis: Axis): { u0: number; u1: number; v0: number; v1: number } {
  const us = quad.map((p) => (p.x - axis.origin.x) * axis.u.x + (p.y - axis.origin.y) * axis.u.y);
  const vs = quad.map((p) => (p.x - axis.origin.x) * axis.v.x + (p.y - axis.origin.y) * axis.v.y);
  return { u0: Math.min(...us), u1: Math.max(...us), v0: Math.min(...vs), v1: Math.max(...vs) };
}

/** One quad around every box's corners. */
export function mergeQuads(quads: readonly Quad[]): Quad {
  return rectToQuad(minAreaRect(quads.flatMap((q) => [...q])));
}

export interface LineOptions {
  /** Boxes join when their heights are within this ratio of the seed's (default 0.6). */
  minHeightRatio: number;
  /** …and the gap along the line is below this many seed heights (default 1.2). */
  maxGap: number;
}

/** Lines, seeded from the tallest boxes first. */
export function groupLines(boxes: readonly TextBox[], options: LineOptions = { minHeightRatio: 0.6, maxGap: 1.2 }): TextLine[] {
  const order = [...boxes].sort((a, b) => b.height - a.height);
  const used = new Set<TextBox>();
  const lines: TextLine[] = [];
  for (const seed of order) {
    if (used.has(seed)) continue;
    used.add(seed);
    const axis = axisOf(seed.quad);
    const seedP = project(seed.quad, axis);
    const h = seed.height;
    let u0 = seedP.u0;
    let u1 = seedP.u1;
    const members = [seed];
    let grew = true;
    while (grew) {
      grew = false;
      for (const box of order) {
        if (used.has(box)) continue;
        if (box.height < h * options.minHeightRatio || box.height > h / options.minHeightRatio) continue;
        const p = project(box.quad, axis);
        const centreV = (p.v0 + p.v1) / 2;
        if (Math.abs(centreV - (seedP.v0 + seedP.v1) / 2) > h * 0.4) continue;
        const gap = Math.max(p.u0 - u1, u0 - p.u1);
        if (gap > h * options.maxGap) continue;
        used.add(box);
        members.push(box);
        u0 = Math.min(u0, p.u0);
        u1 = Math.max(u1, p.u1);
        grew = true;
      }
    }
    lines.push({
      quad: members.length === 1 ? seed.quad : mergeQuads(members.map((m) => m.quad)),
      boxes: members,
      score: members.reduce((s, m) => s + m.score, 0) / members.length,
    });
  }
  return lines;
}

/** Width over height of a quad. */
export function quadAspect(quad: Quad): number {
  const { width, height } = quadSize(quad);
  return width / Math.max(height, 1e-6);
}
