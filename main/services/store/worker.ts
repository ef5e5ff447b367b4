import { parentPort, workerData } from 'node:worker_threads';
import { StoreEngine, type EngineConfig } from './engine';
import { toWireError, type Hello, type Reply, type Request } from './protocol';

/**
 * Worker entry (built as out/main/store-worker.js). It owns the sql.js database; the
 * main thread only posts requests. Requests are chained on one promise so they run
 * strictly in arrival order, even those that await I/O (snapshot, close).
 */

const port = parentPort;
if (!port) throw new Error('the store worker must run in a worker thread');

const opened = StoreEngine.open(workerData as EngineConfig);
let queue: Promise<unknown> = opened.then(
  (engine) =>
    port.postMessage({ type: 'ready', openEvents: engine.openEvents, schemaVersion: engine.schemaVersion } satisfies Hello),
  (error: unknown) => port.postMessage({ type: 'open-failed', error: toWireError(error) } satisfies Hello),
);

async function handle(engine: StoreEngine, request: Request): Promise<Reply> {
  switch (request.op) {
    case 'query':
      return { id: request.id, ok: true, value: engine.query(request.sql, request.params) };
    case 'transaction':
      return { id: request.id, ok: true, value: engine.transaction(request.statements) };
    case 'snapshot':
      await engine.snapshot();
      return { id: request.id, ok: true, value: null };
    case 'close':
      await engine.close();
      return { id: request.id, ok: true, value: null };
  }
}

port.on('message', (request: Request) => {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      reply = await handle(await opened, request);
    } catch (error) {
      reply = { id: request.id, ok: false, error: toWireError(error) };
    }
    port.postMessage(reply);
  });
});
