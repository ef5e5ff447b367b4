/**
 * Writes a seeded evaluation set for the plate reader: plate crops and 1280×720
 * gate-camera frames with Chinese (standard and new-energy), EU and US-style
 * plates in several fonts, turned, in perspective, blurred, noisy, dark, with
 * glare and dirt, and (in frames) lane signs and lettering on the vehicle as
 * distractors. Each folder gets a `labels.csv` (`file,text,kind`). The same seed
 * writes the same images, so the sets are regenerated rather than committed.
 *
 *   npx tsx scripts/generate-plates.ts [--out DIR] [--crops N] [--frames N] [--seed S] [--difficulty D]
 *
 * --difficulty (default 1) scales blur, noise, glare, rotation and perspective by
 * D and plate sizes by 1/√D, for a stress set beside the default one.
 *
 * Drawing uses @napi-rs/canvas (Skia, prebuilt from npm) with the system's DejaVu
 * and Noto CJK fonts; warps and degradations are done on the pixels here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import { type RecognitionImage, sampleRgb } from '../main/services/recognition/image';
import { homographyToQuad, type Point, type Quad } from '../main/services/recognition/perspective';
import { CN_PROVINCES } from '../main/services/recognition/plate-formats';

type Random = () => number;

/** mulberry32: small, fast, and the same on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const between = (r: Random, a: number, b: number) => a + r() * (b - a);
const gaussian = (r: Random) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

const DIGITS = '0123456789';
const CN_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const EU_LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';
const ES_LETTERS = 'BCDFGHJKLMNPRSTVWXYZ';
const US_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const rep = (r: Random, set: string, n: number) => Array.from({ length: n }, () => pick(r, [...set])).join('');

export type PlateKind = 'cn' | 'cn-ne' | 'eu' | 'us';

export interface PlateSpec {
  kind: PlateKind;
  /** As written on the plate, separators included. */
  text: string;
  /** EU country code or US state name, drawn small. */
  tag: string;
}

function cnPlate(r: Random): PlateSpec {
  const province = pick(r, [...CN_PROVINCES]);
  const city = pick(r, [...CN_LETTERS]);
  const letters = Math.floor(between(r, 0, 3));
  const tail = [...rep(r, DIGITS, 5)];
  for (let i = 0; i < letters; i++) tail[Math.floor(r() * 5)] = pick(r, [...CN_LETTERS]);
  return { kind: 'cn', text: `${province}${city}·${tail.join('')}`, tag: '' };
}

function cnNewEnergyPlate(r: Random): PlateSpec {
  const province = pick(r, [...CN_PROVINCES]);
  const city = pick(r, [...CN_LETTERS]);
  const tail =
    r() < 0.7
      ? `${pick(r, ['D', 'F'])}${pick(r, [...CN_LETTERS, ...DIGITS])}${rep(r, DIGITS, 4)}`
      : `${rep(r, DIGITS, 5)}${pick(r, ['D', 'F'])}`;
  return { kind: 'cn-ne', text: `${province}${city}·${tail}`, tag: '' };
}

function euPlate(r: Random): PlateSpec {
  switch (pick(r, ['fr', 'de', 'es', 'it', 'nl'] as const)) {
    case 'fr':
      return {
        kind: 'eu',
        text: `${rep(r, EU_LETTERS.replace('U', ''), 2)}-${rep(r, DIGITS, 3)}-${rep(r, EU_LETTERS.replace('U', ''), 2)}`,
        tag: 'F',
      };
    case 'de':
      return {
        kind: 'eu',
        text: `${rep(r, EU_LETTERS, 1 + Math.floor(r() * 3))} ${rep(r, EU_LETTERS, 1 + Math.floor(r() * 2))} ${pick(r, [...'123456789'])}${rep(r, DIGITS, Math.floor(r() * 4))}`,
        tag: 'D',
      };
    case 'es':
      return { kind: 'eu', text: `${rep(r, DIGITS, 4)} ${rep(r, ES_LETTERS, 3)}`, tag: 'E' };
    case 'it':
      return { kind: 'eu', text: `${rep(r, EU_LETTERS, 2)} ${rep(r, DIGITS, 3)}${rep(r, EU_LETTERS, 2)}`, tag: 'I' };
    case 'nl':
      return { kind: 'eu', text: `${rep(r, EU_LETTERS, 2)}-${rep(r, DIGITS, 3)}-${rep(r, EU_LETTERS, 1)}`, tag: 'NL' };
  }
}

function usPlate(r: Random): PlateSpec {
  const state = pick(r, ['CALIFORNIA', 'TEXAS', 'NEW YORK', 'OHIO', 'ARIZONA', 'NEVADA', 'OREGON']);
  switch (pick(r, ['abc', 'num', 'ab'] as const)) {
    case 'abc':
      return { kind: 'us', text: `${rep(r, US_LETTERS, 3)}${pick(r, ['-', ' '])}${rep(r, DIGITS, 4)}`, tag: state };
    case 'num':
      return { kind: 'us', text: `${pick(r, [...'123456789'])}${rep(r, US_LETTERS, 3)}${rep(r, DIGITS, 3)}`, tag: state };
    case 'ab':
      return { kind: 'us', text: `${rep(r, US_LETTERS, 2)} ${rep(r, DIGITS, 5)}`, tag: state };
  }
}

export function randomPlate(r: Random): PlateSpec {
  const u = r();
  if (u < 0.35) return cnPlate(r);
  if (u < 0.5) return cnNewEnergyPlate(r);
  if (u < 0.75) return euPlate(r);
  return usPlate(r);
}

const LATIN_FONTS = ['DejaVu Sans', 'DejaVu Sans Mono', 'DejaVu Serif', 'Noto Sans CJK JP'];
const CJK_FONTS = ['Noto Sans CJK JP', 'Noto Serif CJK JP'];

/** Draws a flat plate at its own size; returns its pixels. */
export function drawPlate(spec: PlateSpec, r: Random): RecognitionImage {
  const [width, height] = spec.kind === 'eu' ? [520, 112] : spec.kind === 'us' ? [300, 150] : [440, 140];
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const bold = r() < 0.6 ? 'bold ' : '';
  const latin = pick(r, LATIN_FONTS);
  const condense = between(r, 0.72, 0.95);
  let textColour = '#111';
  let left = 14;
  let textHeight = height * 0.72;
  let baseline = height * 0.5;
  let family = latin;
  const rounded = (x: number, y: number, w: number, h: number, radius: number) => {
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, radius);
  };
  if (spec.kind === 'cn') {
    ctx.fillStyle = pick(r, ['#0a3fa8', '#0b4fc4', '#123a8c']);
    rounded(0, 0, width, height, 12);
    ctx.fill();
    ctx.strokeStyle = '#f4f4f4';
    ctx.lineWidth = 5;
    rounded(6, 6, width - 12, height - 12, 9);
    ctx.stroke();
    textColour = '#f6f6f6';
    family = pick(r, CJK_FONTS);
    textHeight = height * 0.66;
  } else if (spec.kind === 'cn-ne') {
    const g = ctx.createLinearGradient(0, 0, 0, height);
    g.addColorStop(0, '#f2fbf2');
    g.addColorStop(1, pick(r, ['#3fbf5a', '#5acb6e', '#2fae4b']));
    ctx.fillStyle = g;
    rounded(0, 0, width, height, 12);
    ctx.fill();
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 3;
    rounded(5, 5, width - 10, height - 10, 9);
    ctx.stroke();
    family = pick(r, CJK_FONTS);
    textHeight = height * 0.64;
  } else if (spec.kind === 'eu') {
    ctx.fillStyle = pick(r, ['#fafafa', '#f3f1e7', '#fff7c2']);
    rounded(0, 0, width, height, 8);
    ctx.fill();
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 4;
    rounded(3, 3, width - 6, height - 6, 7);
    ctx.stroke();
    ctx.fillStyle = '#0d3fb0';
    ctx.fillRect(5, 5, 50, height - 10);
    ctx.strokeStyle = '#f7d21c';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(30, 34, 15, 0, Math.PI * 2);
    ctx.setLineDash([2, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#fafafa';
    ctx.font = `bold 26px "DejaVu Sans"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(spec.tag, 30, height - 30);
    left = 62;
    textHeight = height * 0.7;
  } else {
    ctx.fillStyle = pick(r, ['#f7f7f2', '#eef3fb', '#fbf3e6']);
    rounded(0, 0, width, height, 14);
    ctx.fill();
    ctx.strokeStyle = '#555';
    ctx.lineWidth = 3;
    rounded(3, 3, width - 6, height - 6, 12);
    ctx.stroke();
    ctx.fillStyle = pick(r, ['#b01818', '#1a3f9a', '#222']);
    ctx.font = `bold 22px "DejaVu Serif"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(spec.tag, width / 2, 22);
    textColour = pick(r, ['#10245e', '#111', '#7a0f0f']);
    baseline = height * 0.58;
    textHeight = height * 0.5;
  }
  drawFitted(ctx, spec.text, family, bold, textColour, left, width - 14, baseline, textHeight, condense);
  return pixels(ctx, width, height);
}

/** Text filling the space between `left` and `right`, squeezed horizontally as plate fonts are. */
function drawFitted(
  ctx: SKRSContext2D,
  text: string,
  family: string,
  bold: string,
  colour: string,
  left: number,
  right: number,
  middle: number,
  size: number,
  condense: number,
): void {
  ctx.save();
  ctx.fillStyle = colour;
  ctx.font = `${bold}${Math.round(size)}px "${family}"`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  const measured = ctx.measureText(text).width;
  const available = right - left;
  const sx = Math.min(available / measured, condense * 1.15);
  ctx.translate((left + right) / 2, middle);
  ctx.scale(sx, 1);
  ctx.fillText(text, 0, 0);
  ctx.restore();
}

function pixels(ctx: SKRSContext2D, width: number, height: number): RecognitionImage {
  // A copy: the ImageData's memory belongs to Skia and goes with the ImageData object.
  return { data: Uint8Array.from(ctx.getImageData(0, 0, width, height).data), width, height, channels: 4 };
}

function imageData(img: RecognitionImage): ImageData {
  const out = new ImageData(img.width, img.height);
  out.data.set(img.data);
  return out;
}

function invert3(h: Float64Array): Float64Array {
  const [a, b, c, d, e, f, g, k, l] = h as unknown as number[];
  const A = e! * l! - f! * k!;
  const B = -(d! * l! - f! * g!);
  const C = d! * k! - e! * g!;
  const det = a! * A + b! * B + c! * C;
  return Float64Array.from(
    [
      A,
      -(b! * l! - c! * k!),
      b! * f! - c! * e!,
      B,
      a! * l! - c! * g!,
      -(a! * f! - c! * d!),
      C,
      -(a! * k! - b! * g!),
      a! * e! - b! * d!,
    ].map((v) => v / det),
  );
}

/** Draws `src` into `dst` (RGBA) so its corners land on `quad`, antialiased at the edges by supersampling the mask. */
export function warpInto(dst: RecognitionImage, src: RecognitionImage, quad: Quad): void {
  const inverse = invert3(homographyToQuad(src.width, src.height, quad));
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(dst.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(dst.height - 1, Math.ceil(Math.max(...ys)));
  const rgb = new Float32Array(3);
  const map = (x: number, y: number): Point => {
    const w = inverse[6]! * x + inverse[7]! * y + inverse[8]!;
    return { x: (inverse[0]! * x + inverse[1]! * y + inverse[2]!) / w, y: (inverse[3]! * x + inverse[4]! * y + inverse[5]!) / w };
  };
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let inside = 0;
      for (const [ox, oy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ] as const) {
        const p = map(x + ox, y + oy);
        if (p.x >= 0 && p.y >= 0 && p.x < src.width && p.y < src.height) inside++;
      }
      if (inside === 0) continue;
      const p = map(x + 0.5, y + 0.5);
      sampleRgb(src, p.x - 0.5, p.y - 0.5, rgb);
      // Transparent corners of a rounded plate show what is behind.
      const sx = Math.min(src.width - 1, Math.max(0, Math.round(p.x - 0.5)));
      const sy = Math.min(src.height - 1, Math.max(0, Math.round(p.y - 0.5)));
      const alpha = (src.channels === 4 ? src.data[(sy * src.width + sx) * 4 + 3]! / 255 : 1) * (inside / 4);
      const i = (y * dst.width + x) * dst.channels;
      for (let c = 0; c < 3; c++) dst.data[i + c] = dst.data[i + c]! * (1 - alpha) + rgb[c]! * alpha;
    }
  }
}

/** A plate quad of about `width` pixels centred on (cx, cy), turned and in perspective. */
function plateQuad(r: Random, cx: number, cy: number, width: number, aspect: number, tilt: number, skew: number): Quad {
  const height = width / aspect;
  const angle = (between(r, -tilt, tilt) * Math.PI) / 180;
  const corners: Point[] = [
    { x: -width / 2, y: -height / 2 },
    { x: width / 2, y: -height / 2 },
    { x: width / 2, y: height / 2 },
    { x: -width / 2, y: height / 2 },
  ];
  // Perspective: one side nearer the camera than the other, plus a little jitter per corner.
  const near = between(r, -skew, skew);
  return corners.map((p) => {
    const scale = 1 + (p.x > 0 ? near : -near);
    const jx = gaussian(r) * skew * width * 0.08;
    const jy = gaussian(r) * skew * height * 0.15;
    const x = p.x + jx;
    const y = p.y * scale + jy;
    return { x: cx + x * Math.cos(angle) - y * Math.sin(angle), y: cy + x * Math.sin(angle) + y * Math.cos(angle) };
  }) as unknown as Quad;
}

interface Degradation {
  blur: number;
  noise: number;
  light: number;
  glare: number;
  dirt: number;
}

function randomDegradation(r: Random, strength: number, difficulty: number): Degradation {
  return {
    blur: r() < 0.5 ? between(r, 0, 1.6 * strength * difficulty) : 0,
    noise: r() < 0.6 ? between(r, 2, 14 * strength * difficulty) : 0,
    light: r() < 0.3 ? between(r, 0.3, 0.7) / difficulty : 1,
    glare: r() < 0.25 ? Math.min(0.85, between(r, 0.2, 0.55) * difficulty) : 0,
    dirt: r() < 0.3 ? Math.floor(between(r, 3, 14)) : 0,
  };
}

/** Box blur of radius ~sigma on an RGBA image, two passes each way. */
function blur(img: RecognitionImage, sigma: number): void {
  const radius = Math.round(sigma);
  if (radius < 1) return;
  const { width, height, data } = img;
  const tmp = new Float32Array(data.length);
  for (let pass = 0; pass < 2; pass++) {
    boxPass(data, tmp, width, height, radius, 'x');
    boxPass(tmp, data, width, height, radius, 'y');
  }
}

/** One box-filter pass along x or y over the colour channels, edges clamped. */
function boxPass(
  from: ArrayLike<number>,
  to: { [index: number]: number },
  width: number,
  height: number,
  radius: number,
  along: 'x' | 'y',
): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        let n = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = along === 'x' ? Math.min(width - 1, Math.max(0, x + k)) : x;
          const yy = along === 'y' ? Math.min(height - 1, Math.max(0, y + k)) : y;
          s += from[(yy * width + xx) * 4 + c]!;
          n++;
        }
        to[(y * width + x) * 4 + c] = s / n;
      }
    }
  }
}

function degrade(
  img: RecognitionImage,
  ctx: SKRSContext2D,
  r: Random,
  d: Degradation,
  region: { x: number; y: number; w: number; h: number },
): RecognitionImage {
  // Glare and dirt are drawn with the canvas, then the pixels are read back for the rest.
  ctx.putImageData(imageData(img), 0, 0);
  if (d.glare > 0) {
    const gx = region.x + between(r, 0, region.w);
    const gy = region.y + between(r, 0, region.h);
    const radius = between(r, 0.3, 0.8) * region.w;
    const g = ctx.createRadialGradient(gx, gy, 0, gx, gy, radius);
    g.addColorStop(0, `rgba(255,255,245,${d.glare})`);
    g.addColorStop(1, 'rgba(255,255,245,0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, img.width, img.height);
  }
  for (let i = 0; i < d.dirt; i++) {
    ctx.fillStyle = `rgba(${Math.round(between(r, 60, 110))},${Math.round(between(r, 45, 80))},30,${between(r, 0.15, 0.45)})`;
    ctx.beginPath();
    ctx.ellipse(
      region.x + between(r, 0, region.w),
      region.y + between(r, 0, region.h),
      between(r, 1, region.h * 0.08),
      between(r, 1, region.h * 0.05),
      between(r, 0, Math.PI),
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  const out = pixels(ctx, img.width, img.height);
  blur(out, d.blur);
  const { data } = out;
  for (let i = 0; i < data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      let v = data[i + c]! / 255;
      if (d.light < 1) v = Math.pow(v, 1.3) * d.light;
      v = v * 255 + (d.noise > 0 ? gaussian(r) * d.noise : 0);
      data[i + c] = Math.max(0, Math.min(255, v));
    }
    data[i + 3] = 255;
  }
  return out;
}

const PLATE_ASPECT: Record<PlateKind, number> = { cn: 440 / 140, 'cn-ne': 440 / 140, eu: 520 / 112, us: 2 };

/** One plate crop: the plate with some of the car around it. */
export function drawCrop(spec: PlateSpec, r: Random, difficulty = 1): RecognitionImage {
  const plate = drawPlate(spec, r);
  const aspect = PLATE_ASPECT[spec.kind];
  const plateWidth = Math.round(between(r, 140, 300) / Math.sqrt(difficulty));
  const margin = between(r, 0.06, 0.25);
  const width = Math.round(plateWidth * (1 + 2 * margin));
  const height = Math.round((plateWidth / aspect) * (1 + 2 * margin * 2.2));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const paint = pick(r, ['#c8c8c8', '#202020', '#8a1c1c', '#f0f0f0', '#2d4d7a', '#6b6b6b', '#d9c9a3']);
  ctx.fillStyle = paint;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = 'rgba(0,0,0,0.25)';
  ctx.fillRect(0, height * between(r, 0.75, 0.95), width, height);
  const base = pixels(ctx, width, height);
  warpInto(
    base,
    plate,
    plateQuad(
      r,
      width / 2 + gaussian(r) * 3,
      height / 2 + gaussian(r) * 2,
      plateWidth,
      aspect,
      7 * difficulty,
      0.12 * difficulty,
    ),
  );
  return degrade(base, ctx, r, randomDegradation(r, (plateWidth * Math.sqrt(difficulty)) / 220, difficulty), {
    x: 0,
    y: 0,
    w: width,
    h: height,
  });
}

const SIGNS = [
  'LANE 3',
  'LANE 1',
  '车道 2',
  'EXIT',
  'STOP',
  '减速慢行',
  '限速 30',
  'GATE 4 出口',
  'NO ENTRY',
  '海关查验',
  'TRUCKS ONLY',
  '请停车',
];
const LETTERING = ['COSCO LOGISTICS', 'MAERSK', '顺丰速运', 'DHL FREIGHT', '中远海运', 'TRANSPORTES GARCIA', 'SCHENKER'];

/** One 1280×720 gate-camera frame with a vehicle and its plate; returns the pixels. */
export function drawFrame(spec: PlateSpec, r: Random, difficulty = 1): RecognitionImage {
  const width = 1280;
  const height = 720;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, height * 0.4);
  sky.addColorStop(0, pick(r, ['#8fb3d9', '#b7c3cf', '#3b4a5c']));
  sky.addColorStop(1, '#d9dde2');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height * 0.4);
  ctx.fillStyle = pick(r, ['#55585c', '#6a6d70', '#444649']);
  ctx.fillRect(0, height * 0.4, width, height * 0.6);
  ctx.strokeStyle = '#e8e8e8';
  ctx.lineWidth = 6;
  for (const x of [200, 640, 1080]) {
    ctx.beginPath();
    ctx.moveTo(x + between(r, -20, 20), height);
    ctx.lineTo(width / 2 + (x - width / 2) * 0.3, height * 0.4);
    ctx.stroke();
  }
  // Distractor signs: boards with text, above or beside the lane.
  const signCount = 1 + Math.floor(r() * 3);
  for (let i = 0; i < signCount; i++) {
    const text = pick(r, SIGNS);
    const sw = between(r, 160, 300);
    const sh = sw * between(r, 0.25, 0.4);
    const sx = between(r, 20, width - sw - 20);
    const sy = between(r, 15, height * 0.3);
    ctx.fillStyle = pick(r, ['#1c6b34', '#1a47a0', '#c9a400', '#b21e1e']);
    ctx.fillRect(sx, sy, sw, sh);
    ctx.fillStyle = '#fff';
    ctx.font = `bold ${Math.round(sh * 0.55)}px "${pick(r, ['DejaVu Sans', 'Noto Sans CJK JP'])}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, sx + sw / 2, sy + sh / 2, sw * 0.9);
  }
  // The vehicle: a body, a windscreen, lettering, and the plate below the grille.
  const plateWidth = between(r, 150, 280) / Math.sqrt(difficulty);
  const cx = between(r, 380, 900);
  const bodyW = plateWidth * between(r, 4, 5.5);
  const bodyTop = between(r, 180, 280);
  const plateY = between(r, 470, 610);
  ctx.fillStyle = pick(r, ['#e9e9e9', '#1f3d7a', '#b52020', '#2c2c2c', '#d8d2b8', '#39663a']);
  ctx.beginPath();
  ctx.roundRect(cx - bodyW / 2, bodyTop, bodyW, plateY - bodyTop + plateWidth * 0.5, 24);
  ctx.fill();
  ctx.fillStyle = 'rgba(40,55,70,0.9)';
  ctx.fillRect(cx - bodyW * 0.4, bodyTop + 20, bodyW * 0.8, (plateY - bodyTop) * 0.38);
  if (r() < 0.6) {
    ctx.fillStyle = pick(r, ['#d8d8d8', '#111', '#c22']);
    ctx.font = `bold ${Math.round(plateWidth * 0.16)}px "${pick(r, ['DejaVu Sans', 'Noto Sans CJK JP'])}"`;
    ctx.textAlign = 'center';
    ctx.fillText(pick(r, LETTERING), cx, bodyTop + (plateY - bodyTop) * 0.6, bodyW * 0.8);
  }
  ctx.fillStyle = 'rgba(20,20,20,0.8)';
  ctx.fillRect(cx - bodyW * 0.3, plateY - plateWidth * 0.55, bodyW * 0.6, plateWidth * 0.25);
  const frame = pixels(ctx, width, height);
  const plate = drawPlate(spec, r);
  warpInto(
    frame,
    plate,
    plateQuad(
      r,
      cx + between(r, -bodyW * 0.15, bodyW * 0.15),
      plateY,
      plateWidth,
      PLATE_ASPECT[spec.kind],
      6 * difficulty,
      0.1 * difficulty,
    ),
  );
  return degrade(frame, ctx, r, randomDegradation(r, 1, difficulty), {
    x: cx - bodyW / 2,
    y: bodyTop,
    w: bodyW,
    h: plateY - bodyTop + 100,
  });
}

async function encode(img: RecognitionImage, format: 'png' | 'jpeg'): Promise<Buffer> {
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').putImageData(imageData(img), 0, 0);
  return format === 'png' ? canvas.encodeSync('png') : canvas.encodeSync('jpeg', 90);
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function generateSet(outDir: string, crops: number, frames: number, seed: number, difficulty = 1): Promise<void> {
  const fonts = GlobalFonts.families.map((f) => f.family);
  for (const needed of ['DejaVu Sans', 'Noto Sans CJK JP']) {
    if (!fonts.includes(needed)) throw new Error(`font "${needed}" is missing (Debian: fonts-dejavu-core, fonts-noto-cjk)`);
  }
  for (const [name, count, draw, format] of [
    ['crops', crops, drawCrop, 'png'],
    ['frames', frames, drawFrame, 'jpeg'],
  ] as const) {
    if (count === 0) continue;
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    const r = seededRandom(seed * 7919 + (name === 'crops' ? 1 : 2));
    const rows = ['file,text,kind'];
    for (let i = 0; i < count; i++) {
      const spec = randomPlate(r);
      const file = `${name.slice(0, -1)}-${String(i).padStart(4, '0')}.${format === 'png' ? 'png' : 'jpg'}`;
      writeFileSync(join(dir, file), await encode(draw(spec, r, difficulty), format));
      rows.push([file, spec.text, spec.kind].map(csvField).join(','));
    }
    writeFileSync(join(dir, 'labels.csv'), `${rows.join('\n')}\n`);
    console.log(`${dir}: ${count} images`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  await generateSet(
    option('out', 'tests/fixtures/recognition/generated'),
    Number(option('crops', '300')),
    Number(option('frames', '100')),
    Number(option('seed', '1')),
    Number(option('difficulty', '1')),
  );
}

if (process.argv[1]?.endsWith('generate-plates.ts')) {
  main().then(
    // Exit at once: letting hundreds of Skia canvases be finalised at teardown has crashed the process.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
