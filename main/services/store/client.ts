import { Worker } from 'node:worker_threads';
import type { EngineConfig } from './engine';
import { fromWireError, type Hello, type Reply, type Request } from './protocol';
import type { OpenEvent, Row, SqlParams, Statement, StatementResult, Store, StoreOptions } from './types';
import { resolveWorkerEntry } from './worker-path';

/**
 * Main-thread side of the store: posts requests to the worker and resolves them from
 * its replies. The worker answers in order; ids still pair replies so a bug can never
 * hand one caller another caller's rows.
 */

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Body = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

class StoreClient implements Store {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private gone: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly worker: Worker,
    private readonly name: string,
    readonly openEvents: readonly OpenEvent[],
    readonly schemaVersion: number,
  ) {
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(fromWireError(reply.error));
    });
    worker.on('error', (error) => this.fail(new Error(`store "${name}" worker crashed: ${error.message}`)));
    worker.on('exit', (code) => this.fail(new Error(`store "${name}" worker exited (code ${code})`)));
  }

  private fail(error: Error): void {
    this.gone ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  private request<T>(body: Body): Promise<T> {
    if (this.gone) return Promise.reject(this.gone);
    if (this.closing && body.op !== 'close') return Promise.reject(new Error(`store "${this.name}" is closed`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...body, id } as Request);
    });
  }

  query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.request<T[]>({ op: 'query', sql, params });
  }

  transaction(statements: readonly Statement[]): Promise<StatementResult[]> {
    return this.request<StatementResult[]>({ op: 'transaction', statements });
  }

  snapshot(): Promise<void> {
    return this.request<void>({ op: 'snapshot' });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.request<void>({ op: 'close' });
      } finally {
        this.gone ??= new Error(`store "${this.name}" is closed`);
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }
}

/** Starts the worker, waits until it has recovered, replayed and migrated, and returns the client. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const entry = resolveWorkerEntry(options.workerPath);
  const config: EngineConfig = {
    dir: options.dir,
    name: options.name,
    migrations: options.migrations.map((m) => ({ version: m.version, name: m.name, sql: m.sql })),
    wasmPath: options.wasmPath,
    snapshotAfterBytes: options.snapshotAfterBytes,
    snapshotGrowthRatio: options.snapshotGrowthRatio,
    foreignKeys: options.foreignKeys,
  };
  const worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: config });
  const hello = await new Promise<Hello>((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`store "${options.name}" worker exited during open (code ${code})`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: Hello) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolve(message);
    });
  });
  if (hello.type === 'open-failed') {
    await worker.terminate();
    throw fromWireError(hello.error);
  }
  return new StoreClient(worker, options.name, hello.openEvents, hello.schemaVersion);
}
