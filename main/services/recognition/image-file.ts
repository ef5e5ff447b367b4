/**
 * Still images from disk (an officer's photo, an evaluation set): PNG through
 * pngjs and JPEG through jpeg-js, both pure JavaScript, so nothing native beyond
 * the ONNX runtime is needed to read a file.
 */
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RecognitionImage } from './image';

export function decodeImage(bytes: Uint8Array, name = 'image'): RecognitionImage {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { data: png.data, width: png.width, height: png.height, channels: 4 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const jpg = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 256 });
    return { data: jpg.data, width: jpg.width, height: jpg.height, channels: 3 };
  }
  throw new Error(`${name} is neither PNG nor JPEG`);
}

export function readImageFile(path: string): RecognitionImage {
  return decodeImage(readFileSync(path), path);
}
