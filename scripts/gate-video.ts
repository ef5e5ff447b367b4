/**
 * A seeded synthetic gate-lane video: trucks drive up to the barrier one after
 * another, stop, and drive off, each with a plate drawn by the plate-set generator
 * (generate-plates.ts); between trucks the lane is empty. The frames feed
 * `npm run eval:gate` (as JPEGs, in real time) and the recognition e2e test (as a
 * .y4m for Chromium's fake camera). Each frame knows which plate is in view.
 */
import { createCanvas } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecognitionImage } from '../main/services/recognition/image';
import { drawPlate, type PlateSpec, randomPlate, seededRandom, warpInto } from './generate-plates';

export interface GateVideoOptions {
  seed: number;
  /** Plates in order; random plates from the seed when a number is given. */
  trucks: number | readonly PlateSpec[];
  width?: number;
  height?: number;
  /** Frames per phase of each truck. */
  approachFrames?: number;
  stopFrames?: number;
  leaveFrames?: number;
  gapFrames?: number;
}

export interface GateVideoFrame {
  image: RecognitionImage;
  /** The plate of the truck in view (as written), or null for an empty lane. */
  plate: string | null;
  /** Index of the truck in view, or -1. */
  truck: number;
}

const BODY_COLOURS = ['#e9e9e9', '#1f3d7a', '#b52020', '#2c2c2c', '#d8d2b8', '#39663a'];

/** The trucks' plates for a seed (the same the video draws). */
export function gatePlates(seed: number, count: number): PlateSpec[] {
  const r = seededRandom(seed * 104_729 + 3);
  return Array.from({ length: count }, () => randomPlate(r));
}

export function* gateVideo(options: GateVideoOptions): Generator<GateVideoFrame> {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const specs = typeof options.trucks === 'number' ? gatePlates(options.seed, options.trucks) : options.trucks;
  const r = seededRandom(options.seed * 7_919 + 11);
  const phases = {
    approach: options.approachFrames ?? 3,
    stop: options.stopFrames ?? 12,
    leave: options.leaveFrames ?? 2,
    gap: options.gapFrames ?? 3,
  };
  for (let gap = 0; gap < phases.gap; gap++) yield { image: drawLane(width, height, null, 0, 0), plate: null, truck: -1 };
  for (const [index, spec] of specs.entries()) {
    const plate = drawPlate(spec, r);
    const colour = BODY_COLOURS[Math.floor(r() * BODY_COLOURS.length)]!;
    const truck = { plate, colour };
    const total = phases.approach + phases.stop + phases.leave;
    for (let f = 0; f < total; f++) {
      // Approaching: grows from 55 % to full size; stopped: full size; leaving: slides out of the picture to the left.
      const scale = f < phases.approach ? 0.55 + (0.45 * (f + 1)) / (phases.approach + 1) : 1;
      const shift =
        f >= phases.approach + phases.stop ? ((f - phases.approach - phases.stop + 1) / (phases.leave + 1)) * width * 0.9 : 0;
      yield { image: drawLane(width, height, truck, scale, shift), plate: spec.text, truck: index };
    }
    for (let gap = 0; gap < phases.gap; gap++) yield { image: drawLane(width, height, null, 0, 0), plate: null, truck: -1 };
  }
}

/** The lane seen from the plate camera above the barrier, with or without a truck. */
function drawLane(
  width: number,
  height: number,
  truck: { plate: RecognitionImage; colour: string } | null,
  scale: number,
  shift: number,
): RecognitionImage {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#b7c3cf';
  ctx.fillRect(0, 0, width, height * 0.35);
  ctx.fillStyle = '#5b5e62';
  ctx.fillRect(0, height * 0.35, width, height * 0.65);
  ctx.fillStyle = '#1c6b34';
  ctx.fillRect(width * 0.04, height * 0.05, width * 0.2, height * 0.09);
  ctx.fillStyle = '#fff';
  ctx.font = `bold ${Math.round(height * 0.05)}px "DejaVu Sans"`;
  ctx.textBaseline = 'middle';
  ctx.fillText('LANE 1', width * 0.06, height * 0.095);
  let quad: [number, number, number, number] | null = null;
  if (truck !== null) {
    const cx = width * 0.5 - shift;
    const bodyW = width * 0.62 * scale;
    const bodyH = height * 0.8 * scale;
    const bottom = height * (0.7 + 0.28 * scale);
    ctx.fillStyle = truck.colour;
    ctx.beginPath();
    ctx.roundRect(cx - bodyW / 2, bottom - bodyH, bodyW, bodyH, 16 * scale);
    ctx.fill();
    ctx.fillStyle = 'rgba(40,55,70,0.92)';
    ctx.fillRect(cx - bodyW * 0.4, bottom - bodyH * 0.92, bodyW * 0.8, bodyH * 0.34);
    ctx.fillStyle = '#222';
    ctx.fillRect(cx - bodyW * 0.35, bottom - bodyH * 0.45, bodyW * 0.7, bodyH * 0.16);
    const plateW = bodyW * 0.36;
    const plateH = (plateW * truck.plate.height) / truck.plate.width;
    quad = [cx - plateW / 2, bottom - bodyH * 0.22, plateW, plateH];
  }
  const image: RecognitionImage = {
    data: Uint8Array.from(ctx.getImageData(0, 0, width, height).data),
    width,
    height,
    channels: 4,
  };
  if (truck !== null && quad !== null) {
    const [x, y, w, h] = quad;
    warpInto(image, truck.plate, [
      { x, y },
      { x: x + w, y },
      { x: x + w, y: y + h },
      { x, y: y + h },
    ]);
  }
  return image;
}

/** JPEG bytes of a frame, as the gate screen sends them. */
export function jpegOf(image: RecognitionImage, quality = 85): Buffer {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(image.width, image.height);
  if (image.channels === 4) data.data.set(image.data);
  else
    for (let i = 0, j = 0; i < image.width * image.height; i++, j += 3)
      data.data.set([image.data[j]!, image.data[j + 1]!, image.data[j + 2]!, 255], i * 4);
  ctx.putImageData(data, 0, 0);
  return canvas.encodeSync('jpeg', quality);
}

/** Writes frames as a YUV4MPEG2 4:2:0 file (BT.601 limited range) for Chromium's fake camera. */
export function writeGateY4m(path: string, frames: Iterable<GateVideoFrame>, fps: number): void {
  const parts: Buffer[] = [];
  let header: Buffer | null = null;
  for (const { image } of frames) {
    const { width, height, channels: c, data } = image;
    header ??= Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1');
    const luma = width * height;
    const chroma = (width / 2) * (height / 2);
    const plane = Buffer.alloc(luma + 2 * chroma);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * c;
        plane[y * width + x] = Math.round(16 + 0.257 * data[i]! + 0.504 * data[i + 1]! + 0.098 * data[i + 2]!);
      }
    for (let y = 0; y < height / 2; y++)
      for (let x = 0; x < width / 2; x++) {
        const i = (y * 2 * width + x * 2) * c;
        const [red, green, blue] = [data[i]!, data[i + 1]!, data[i + 2]!];
        plane[luma + y * (width / 2) + x] = Math.round(128 - 0.148 * red - 0.291 * green + 0.439 * blue);
        plane[luma + chroma + y * (width / 2) + x] = Math.round(128 + 0.439 * red - 0.368 * green - 0.071 * blue);
      }
    parts.push(Buffer.from('FRAME\n', 'latin1'), plane);
  }
  if (header === null) throw new Error('a gate video needs at least one frame');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([header, ...parts]));
}
