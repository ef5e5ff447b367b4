/**
 * Reads one text line with the PP-OCR recogniser: the line's quad is warped
 * straight to the network's height of 48 pixels (width following the aspect),
 * normalised to [-1, 1] in BGR order, and the output decoded greedily
 * (ctc-decode). PaddleOCR pads every line to at least 320 pixels so a batch
 * shares one shape; Clearway reads one line at a time and pads only to a
 * multiple of 8 (a plate is about 200 pixels wide here), which makes the
 * recogniser about a third cheaper and read the evaluation set as well.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { ctcGreedyDecode, type ReadText } from './ctc-decode';
import type { RecognitionImage } from './image';
import { runSession } from './ocr-session';
import { type Quad, quadSize, warpQuad } from './perspective';

export const RECOGNITION_HEIGHT = 48;
const MIN_WIDTH = 64;
const MAX_WIDTH = 960;

/** The recogniser's NCHW input for a line image already RECOGNITION_HEIGHT high, right-padded with zeros. */
export function recognitionInput(line: RecognitionImage, paddedWidth: number): Float32Array {
  const h = RECOGNITION_HEIGHT;
  const plane = h * paddedWidth;
  const out = new Float32Array(3 * plane);
  const { data, width, channels } = line;
  const w = Math.min(width, paddedWidth);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * width + x) * channels;
      const o = y * paddedWidth + x;
      out[o] = data[i + 2]! / 127.5 - 1;
      out[plane + o] = data[i + 1]! / 127.5 - 1;
      out[2 * plane + o] = data[i]! / 127.5 - 1;
    }
  }
  return out;
}

/** The line inside `quad` warped upright to the recogniser's height. */
export function lineImage(image: RecognitionImage, quad: Quad): RecognitionImage {
  const { width, height } = quadSize(quad);
  const outWidth = Math.max(8, Math.min(MAX_WIDTH, Math.round((RECOGNITION_HEIGHT * width) / Math.max(height, 1))));
  return warpQuad(image, quad, outWidth, RECOGNITION_HEIGHT);
}

/** Reads the text in `quad` (the whole image when omitted). */
export async function recogniseLine(
  recogniser: InferenceSession,
  alphabet: readonly string[],
  image: RecognitionImage,
  quad?: Quad,
): Promise<ReadText> {
  const whole: Quad = [
    { x: 0, y: 0 },
    { x: image.width, y: 0 },
    { x: image.width, y: image.height },
    { x: 0, y: image.height },
  ];
  const line = lineImage(image, quad ?? whole);
  const padded = Math.max(MIN_WIDTH, Math.ceil(line.width / 8) * 8);
  const output = await runSession(recogniser, recognitionInput(line, padded), [1, 3, RECOGNITION_HEIGHT, padded]);
  const steps = output.dims[1]!;
  const classes = output.dims[2]!;
  return ctcGreedyDecode(output.data, steps, classes, alphabet);
}
