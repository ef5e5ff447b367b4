/**
 * Worker entry (built as out/main/recognition-worker.js): loads the OCR models
 * once and analyses frames one at a time (frame-analysis). It runs off the main
 * process's event loop, so the services keep answering while a frame is read;
 * ONNX Runtime's own threads do the arithmetic.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FrameAnalyser, type FrameJob } from './frame-analysis';
import { locateModelFiles } from './model-files';
import { PlateReader } from './plate-reader';

export interface RecognitionWorkerData {
  modelsDir: string;
  fallbackDirs: string[];
  threads: number;
}

export type ToRecognitionWorker = { type: 'analyse'; id: number; job: FrameJob };
export type FromRecognitionWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; analysis: import('./frame-analysis').FrameAnalysis }
  | { type: 'error'; id: number; message: string };

const port = parentPort;
if (port === null) throw new Error('recognition-worker must run as a worker thread');
const config = workerData as RecognitionWorkerData;

const analyser = (async () => {
  const reader = await PlateReader.load(locateModelFiles(config.modelsDir, config.fallbackDirs), { threads: config.threads });
  return new FrameAnalyser(reader);
})();

analyser.then(
  () => port.postMessage({ type: 'ready' } satisfies FromRecognitionWorker),
  (error: unknown) =>
    port.postMessage({ type: 'failed', message: String((error as Error).message ?? error) } satisfies FromRecognitionWorker),
);

port.on('message', (message: ToRecognitionWorker) => {
  void (async () => {
    try {
      const analysis = await (await analyser).analyse(message.job);
      port.postMessage({ type: 'result', id: message.id, analysis } satisfies FromRecognitionWorker);
    } catch (error) {
      port.postMessage({
        type: 'error',
        id: message.id,
        message: String((error as Error).message ?? error),
      } satisfies FromRecognitionWorker);
    }
  })();
});
