/**
 * The ONNX Runtime sessions for detection and recognition, created once from the
 * local model files. onnxruntime-node runs the PaddleOCR graphs on the CPU with
 * its own native threads; `threads` caps them so recognition leaves room for the
 * rest of the workstation.
 */
import * as ort from 'onnxruntime-node';
import { type OcrModelFiles, readAlphabet } from './model-files';

export interface OcrSessions {
  detector: ort.InferenceSession;
  recogniser: ort.InferenceSession;
  alphabet: string[];
  release(): Promise<void>;
}

export interface OcrSessionOptions {
  /** Intra-op threads per session (default 2). */
  threads?: number;
  /** Let idle worker threads spin waiting for work (default false). */
  spin?: boolean;
}

export async function createOcrSessions(files: OcrModelFiles, options: OcrSessionOptions = {}): Promise<OcrSessions> {
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: options.threads ?? 2,
    interOpNumThreads: 1,
    // Idle worker threads sleep instead of spinning: a read is a few milliseconds of
    // work, and spinning threads take CPU from the rest of the workstation.
    extra: { session: { intra_op: { allow_spinning: options.spin === true ? '1' : '0' } } },
  };
  const [detector, recogniser] = await Promise.all([
    ort.InferenceSession.create(files.detection, sessionOptions),
    ort.InferenceSession.create(files.recognition, sessionOptions),
  ]);
  const alphabet = readAlphabet(files.dictionary);
  const classes = recogniser.outputMetadata[0];
  const width = classes && 'shape' in classes ? classes.shape[2] : undefined;
  if (typeof width === 'number' && width !== alphabet.length + 1) {
    throw new Error(`the recogniser has ${width} classes but the dictionary gives ${alphabet.length + 1}`);
  }
  return {
    detector,
    recogniser,
    alphabet,
    release: async () => {
      await Promise.all([detector.release(), recogniser.release()]);
    },
  };
}

/** Runs a one-input, one-output session on an NCHW float tensor. */
export async function runSession(
  session: ort.InferenceSession,
  input: Float32Array,
  dims: readonly number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const feeds = { [session.inputNames[0]!]: new ort.Tensor('float32', input, dims) };
  const results = await session.run(feeds);
  const output = results[session.outputNames[0]!]!;
  return { data: output.data as Float32Array, dims: output.dims };
}
