import {
  request as httpRequest,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy on 127.0.0.1 between workstations and the hub that misbehaves
 * like a bad network, reproducibly (seeded):
 * - drops requests (never forwarded) and responses (forwarded, applied, answer lost);
 * - delays both, so concurrent requests overtake each other;
 * - duplicates requests (forwarded twice) and replays an OLD request later
 *   (a stale duplicate arriving out of order);
 * - cuts connections mid-body, in the request to the hub and in the answer.
 * `setOffline(true)` refuses every connection, like an unplugged cable.
 */
export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  delay: number;
  maxDelayMs: number;
  duplicate: number;
  replayOld: number;
  cutRequest: number;
  cutResponse: number;
}

export const DEFAULT_FAULTS: FaultRates = {
  dropRequest: 0.04,
  dropResponse: 0.04,
  delay: 0.2,
  maxDelayMs: 60,
  duplicate: 0.05,
  replayOld: 0.05,
  cutRequest: 0.03,
  cutResponse: 0.04,
};

export interface FaultStats {
  requests: number;
  forwarded: number;
  droppedRequests: number;
  droppedResponses: number;
  delayed: number;
  duplicated: number;
  replayed: number;
  cutRequests: number;
  cutResponses: number;
  refusedOffline: number;
  upstreamErrors: number;
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  setOffline(offline: boolean): void;
  setRates(rates: Partial<FaultRates>): void;
  close(): Promise<void>;
}

/** mulberry32: small, fast, good enough to make a run reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(options: {
  targetPort: number;
  seed: number;
  rates?: Partial<FaultRates>;
}): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  let rates: FaultRates = { ...DEFAULT_FAULTS, ...options.rates };
  let offline = false;
  const history: Captured[] = [];
  const sockets = new Set<Socket>();
  const stats: FaultStats = {
    requests: 0,
    forwarded: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    delayed: 0,
    duplicated: 0,
    replayed: 0,
    cutRequests: 0,
    cutResponses: 0,
    refusedOffline: 0,
    upstreamErrors: 0,
  };
  const chance = (p: number): boolean => random() < p;
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  /** Sends a request upstream; `cutAfter` bytes then aborts (a connection lost mid-body). */
  const forward = (
    c: Captured,
    cutAfter?: number,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer } | null> =>
    new Promise((resolve) => {
      stats.forwarded += 1;
      const headers = { ...c.headers, host: `127.0.0.1:${options.targetPort}`, connection: 'close' };
      const upstream = httpRequest(
        { host: '127.0.0.1', port: options.targetPort, method: c.method, path: c.path, headers },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', () => resolve(null));
        },
      );
      upstream.on('error', () => {
        stats.upstreamErrors += 1;
        resolve(null);
      });
      if (cutAfter !== undefined) {
        upstream.write(c.body.subarray(0, cutAfter));
        setTimeout(() => upstream.destroy(), 5);
        return;
      }
      upstream.end(c.body);
    });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      void (async () => {
        stats.requests += 1;
        const captured: Captured = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        if (offline) {
          stats.refusedOffline += 1;
          return res.destroy();
        }
        if (captured.method !== 'GET' && captured.method !== 'HEAD') {
          history.push(captured);
          if (history.length > 50) history.shift();
        }
        if (chance(rates.replayOld) && history.length > 1) {
          stats.replayed += 1;
          const old = history[Math.floor(random() * history.length)] as Captured;
          void sleep(random() * rates.maxDelayMs).then(() => forward(old));
        }
        if (chance(rates.delay)) {
          stats.delayed += 1;
          await sleep(random() * rates.maxDelayMs);
        }
        if (chance(rates.dropRequest)) {
          stats.droppedRequests += 1;
          return res.destroy();
        }
        if (captured.body.length > 1 && chance(rates.cutRequest)) {
          stats.cutRequests += 1;
          await forward(captured, Math.floor(captured.body.length / 2));
          return res.destroy();
        }
        const duplicate = chance(rates.duplicate);
        const answer = await forward(captured);
        if (duplicate) {
          stats.duplicated += 1;
          await forward(captured);
        }
        if (!answer) return res.destroy();
        if (chance(rates.dropResponse)) {
          stats.droppedResponses += 1;
          return res.destroy();
        }
        if (chance(rates.delay)) {
          stats.delayed += 1;
          await sleep(random() * rates.maxDelayMs);
        }
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        if (answer.body.length > 1 && chance(rates.cutResponse)) {
          stats.cutResponses += 1;
          res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
          res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
          setTimeout(() => res.destroy(), 5);
          return;
        }
        res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        res.end(answer.body);
      })().catch(() => res.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setOffline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    setRates(next) {
      rates = { ...rates, ...next };
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
