/**
 * Thumbnails of image evidence, made here rather than in the page: a list of evidence
 * then shows pictures without the page reading any evidence file (each such read is a
 * custody entry). A thumbnail is a small JPEG, at most THUMBNAIL_EDGE pixels on its longer
 * side, cached beside the evidence under its SHA-256 (owner-only), so each image is decoded
 * once. Decoding is pure JavaScript (pngjs, jpeg-js) with size limits, so a crafted image
 * cannot take the main process's memory.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { EvidenceThumbnail } from '../../../preload/contract/schemas/evidence';
import { PRIVATE_FILE_MODE } from '../file-modes';
import { decodeImage } from '../recognition/image-file';
import type { EvidenceStore } from './evidence-store';

export const THUMBNAIL_EDGE = 240;
/** Larger image files are not decoded for a thumbnail (the list shows a file icon). */
export const THUMBNAIL_MAX_FILE_BYTES = 40 * 1024 * 1024;
/** …nor images of more pixels than this (a small file may still decode to a huge image). */
export const THUMBNAIL_MAX_PIXELS = 50_000_000;
const JPEG_QUALITY = 75;

export class EvidenceThumbnails {
  constructor(private readonly evidence: EvidenceStore) {}

  private pathOf(sha256: string): string {
    return join(this.evidence.dataDir, 'evidence', 'thumbnails', `${sha256}-${THUMBNAIL_EDGE}.jpg`);
  }

  /** The thumbnail of a stored PNG or JPEG, or null for other files and images too large to decode. */
  async of(item: { sha256: string; mediaType: string; bytes: number }): Promise<EvidenceThumbnail | null> {
    if (!/^image\/(png|jpeg)$/.test(item.mediaType) || item.bytes > THUMBNAIL_MAX_FILE_BYTES) return null;
    const cached = await readFile(this.pathOf(item.sha256)).catch(() => null);
    if (cached) return fromJpeg(cached);
    const { bytes } = await this.evidence.read(item.sha256, 0, THUMBNAIL_MAX_FILE_BYTES);
    const made = makeThumbnail(bytes);
    if (!made) return null;
    await this.#save(item.sha256, made);
    return fromJpeg(made);
  }

  async #save(sha256: string, jpegBytes: Buffer): Promise<void> {
    const path = this.pathOf(sha256);
    await mkdir(join(this.evidence.dataDir, 'evidence', 'thumbnails'), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    const handle = await open(temp, 'w', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(jpegBytes);
    } finally {
      await handle.close();
    }
    await rename(temp, path).catch(async () => rm(temp, { force: true }));
  }
}

function fromJpeg(bytes: Buffer): EvidenceThumbnail {
  const { width, height } = jpegSize(bytes);
  return { mediaType: 'image/jpeg', base64: bytes.toString('base64'), width, height };
}

/** A JPEG thumbnail of PNG or JPEG bytes, or null when they are not one, or too large to decode. */
export function makeThumbnail(bytes: Uint8Array): Buffer | null {
  let image;
  try {
    const size = imageSize(bytes);
    if (!size || size.width * size.height > THUMBNAIL_MAX_PIXELS) return null;
    image = decodeImage(bytes);
  } catch {
    return null;
  }
  const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const out = Buffer.alloc(width * height * 4);
  // Box filter: each thumbnail pixel is the mean of the source pixels it covers (no aliasing on photos).
  const { data, channels } = image;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.min(image.height, Math.max(y0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.min(image.width, Math.max(x0 + 1, Math.floor((x + 1) / scale)));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sy = y0; sy < y1; sy++)
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * image.width + sx) * channels;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
          n++;
        }
      const o = (y * width + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data: out, width, height }, JPEG_QUALITY).data);
}

/** Width and height from a PNG's IHDR or a JPEG's first SOF marker, without decoding; null if neither. */
function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length >= 24 && view.readUInt32BE(0) === 0x89504e47)
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  if (view.length >= 4 && view[0] === 0xff && view[1] === 0xd8) return jpegSize(view);
  return null;
}

function jpegSize(view: Buffer): { width: number; height: number } {
  let at = 2;
  while (at + 9 < view.length) {
    if (view[at] !== 0xff) {
      at++;
      continue;
    }
    const marker = view[at + 1]!;
    const length = view.readUInt16BE(at + 2);
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 and CC are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.readUInt16BE(at + 5), width: view.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('JPEG without a frame header');
}
