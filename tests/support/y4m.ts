/**
 * A fake-camera video for Chromium's --use-file-for-fake-video-capture: a YUV4MPEG2
 * (4:2:0) file whose left half is pure green and whose right half is a moving grey
 * bar on blue, so a test can both recognise the camera's picture (a known colour)
 * and see that frames change. Written with plain byte arithmetic: no ffmpeg needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Y4mOptions {
  width?: number;
  height?: number;
  frames?: number;
  fps?: number;
}

/** BT.601 limited-range YCbCr for RGB (0, 255, 0), which Chromium converts back to pure green. */
export const GREEN_YUV = { y: 145, u: 54, v: 34 } as const;
const BLUE_YUV = { y: 41, u: 240, v: 110 } as const;
const GREY_YUV = { y: 126, u: 128, v: 128 } as const;

export function y4mBytes(options: Y4mOptions = {}): Buffer {
  const width = options.width ?? 320;
  const height = options.height ?? 240;
  const frames = options.frames ?? 30;
  const fps = options.fps ?? 15;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError(`y4m size must be even, got ${width}x${height}`);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1');
  const frameHeader = Buffer.from('FRAME\n', 'latin1');
  const lumaSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const parts: Buffer[] = [header];
  for (let f = 0; f < frames; f++) {
    const plane = Buffer.alloc(lumaSize + 2 * chromaSize);
    const barX = width / 2 + Math.floor(((f % frames) / frames) * (width / 2 - 16));
    const colourAt = (x: number, y: number) => {
      if (x < width / 2) return GREEN_YUV;
      if (x >= barX && x < barX + 16 && y >= 0) return GREY_YUV;
      return BLUE_YUV;
    };
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) plane[y * width + x] = colourAt(x, y).y;
    for (let y = 0; y < height / 2; y++) {
      for (let x = 0; x < width / 2; x++) {
        const c = colourAt(x * 2, y * 2);
        plane[lumaSize + y * (width / 2) + x] = c.u;
        plane[lumaSize + chromaSize + y * (width / 2) + x] = c.v;
      }
    }
    parts.push(frameHeader, plane);
  }
  return Buffer.concat(parts);
}

/** Writes the fake-camera file and returns its path. */
export function writeY4m(path: string, options?: Y4mOptions): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, y4mBytes(options));
  return path;
}
