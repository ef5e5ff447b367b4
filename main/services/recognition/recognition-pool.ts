/**
 * The recognition worker as the services use it: one worker thread, one frame in
 * it at a time, and per camera at most one frame waiting. A frame arriving while
 * its camera's previous one still waits replaces it (the older is dropped), so a
 * slow read never builds a backlog: the lane is always read at its newest picture.
 * Cameras are served in the order they began waiting, so every lane gets its turn. The worker starts at the first frame.
 */
import { Worker } from 'node:worker_threads';
import { resolveBundledWorker } from '../store/worker-path';
import type { FrameAnalysis, FrameJob } from './frame-analysis';
import type { FromRecognitionWorker, RecognitionWorkerData, ToRecognitionWorker } from './recognition-worker';

export interface RecognitionPoolOptions extends RecognitionWorkerData {
  onResult(analysis: FrameAnalysis, job: FrameJob): void;
  onError(cameraId: string, message: string): void;
  /** Worker entry file; found beside the built bundle or as the TypeScript source otherwise. */
  workerPath?: string;
}

export class RecognitionPool {
  private worker: Worker | null = null;
  private readonly waiting = new Map<string, FrameJob>();
  private inFlight: { id: number; job: FrameJob } | null = null;
  private nextId = 1;
  private failure: string | null = null;
  private closed = false;
  readonly dropped = new Map<string, number>();

  constructor(private readonly options: RecognitionPoolOptions) {}

  /** Why the models could not load, or null. */
  get failed(): string | null {
    return this.failure;
  }

  submit(job: FrameJob): 'queued' | 'replaced' {
    const replaced = this.waiting.has(job.cameraId);
    if (replaced) this.dropped.set(job.cameraId, (this.dropped.get(job.cameraId) ?? 0) + 1);
    // A replaced frame keeps its camera's place: cameras are served in the order they began waiting.
    this.waiting.set(job.cameraId, job);
    this.pump();
    return replaced ? 'replaced' : 'queued';
  }

  /** Starts the worker (and its model loading) ahead of the first frame. */
  warm(): void {
    if (!this.closed && this.failure === null) this.worker ??= this.start();
  }

  /** Frames waiting or being read, for the evaluation to wait on. */
  get busy(): boolean {
    return this.inFlight !== null || this.waiting.size > 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting.clear();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const entry = this.options.workerPath
      ? { file: this.options.workerPath, execArgv: this.options.workerPath.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [] }
      : resolveBundledWorker({
          what: 'recognition',
          built: 'recognition-worker.js',
          source: 'recognition-worker.ts',
          baseDir: __dirname,
        });
    const data: RecognitionWorkerData = {
      modelsDir: this.options.modelsDir,
      fallbackDirs: this.options.fallbackDirs,
      threads: this.options.threads,
    };
    const worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: data });
    worker.on('message', (message: FromRecognitionWorker) => this.onMessage(message));
    worker.on('error', (error) => this.fail(error.message));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.fail(`the recognition worker stopped (exit code ${code})`);
    });
    return worker;
  }

  private onMessage(message: FromRecognitionWorker): void {
    if (message.type === 'ready') return;
    if (message.type === 'failed') return this.fail(message.message);
    const done = this.inFlight;
    this.inFlight = null;
    if (done !== null && done.id === message.id) {
      if (message.type === 'result') this.options.onResult(message.analysis, done.job);
      else this.options.onError(done.job.cameraId, message.message);
    }
    this.pump();
  }

  private fail(message: string): void {
    this.failure = message;
    const cameras = new Set([...this.waiting.keys(), ...(this.inFlight ? [this.inFlight.job.cameraId] : [])]);
    this.waiting.clear();
    this.inFlight = null;
    this.worker = null;
    for (const camera of cameras) this.options.onError(camera, message);
  }

  private pump(): void {
    if (this.closed || this.inFlight !== null) return;
    if (this.failure !== null) {
      for (const camera of this.waiting.keys()) this.options.onError(camera, this.failure);
      this.waiting.clear();
      return;
    }
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [cameraId, job] = next.value;
    this.waiting.delete(cameraId);
    this.worker ??= this.start();
    this.inFlight = { id: this.nextId++, job };
    // Copied, not transferred: the JPEG stays here as the vehicle's snapshot.
    this.worker.postMessage({ type: 'analyse', id: this.inFlight.id, job } satisfies ToRecognitionWorker);
  }
}
