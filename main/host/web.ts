/**
 * The loopback web host: serves the built renderer and the contract over a
 * WebSocket so the real services can be driven from a plain Chromium (e2e tests,
 * a kiosk, a machine without the Electron binary). 127.0.0.1 only, and nothing
 * is served to a browser that did not open the per-launch token URL.
 *
 * Wire protocol on /ws (JSON text frames):
 *   client → host  { id, channel, input }      (a missing input is `undefined`)
 *   host → client  { id, envelope }            (id is null when the message was unreadable)
 *   host → client  { event, payload }          (service events, to every connection)
 */
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Envelope, ErrorShape } from '../../preload/contract';
import type { Settings } from '../../preload/contract/schemas/settings';
import { cspForSettings } from '../security/csp';
import type { CallOrigin, ServiceHost } from '../services/handlers';
import { createDispatcher, type Dispatch, type DispatchLog } from './dispatch';
import {
  assertUsableToken,
  hasValidCookie,
  hostAllowed,
  newToken,
  originAllowed,
  sessionCookie,
  tokensEqual,
} from './web-access';
import { lookupStatic } from './web-static';

/** Larger messages close the socket with 1009; the renderer transport refuses them before sending. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
export const WS_PATH = '/ws';

export interface CspContext {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** This host's own WebSocket origins, which `'self'` should but may not cover. */
  selfOrigins: string[];
  /** The current hub and camera settings (the only remote origins allowed). */
  settings: Pick<Settings, 'hubUrl' | 'cameraOrigins'>;
}

export interface WebHostOptions {
  host: ServiceHost;
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The first launch token; defaults to 32 random bytes, base64url. */
  token?: string;
  /** The secret the session cookie carries; defaults to a fresh one per host run (a restarted host passes its own to keep open pages signed in). */
  cookieSecret?: string;
  /** How long a launch token may wait to be used (default 5 minutes); each works once. */
  launchTtlMs?: number;
  /** Test seam: the clock launch tokens expire by. */
  now?: () => number;
  /** A ready policy, or a builder; defaults to main/security/csp.ts with this host's origins. */
  csp?: string | ((context: CspContext) => string);
  log?: DispatchLog;
}

export interface WebHost {
  /** The first launch URL, token included: http://127.0.0.1:PORT/?token=T (works once, within the launch TTL). */
  readonly url: string;
  readonly port: number;
  /** The first launch token. */
  readonly token: string;
  /** Issues another single-use launch URL (a second browser, or a browser that lost its cookie). */
  newLaunchUrl(): string;
  readonly server: Server;
  /** Stops serving and drops every connection; the ServiceHost stays open (its owner closes it). */
  close(): Promise<void>;
}

/** Long enough for a browser to start on a busy machine, short enough that a leaked link is soon worthless. */
const DEFAULT_LAUNCH_TTL_MS = 5 * 60_000;

const defaultCsp = (context: CspContext): string => cspForSettings(context.settings, context.selfOrigins);
const noRemoteOrigins = { hubUrl: '', cameraOrigins: [] };

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { host } = options;
  const token = options.token ?? newToken();
  assertUsableToken(token);
  const now = options.now ?? Date.now;
  const launchTtlMs = options.launchTtlMs ?? DEFAULT_LAUNCH_TTL_MS;
  // Launch tokens travel in a URL (shell history, process list, logs): each works once and
  // soon expires. The cookie carries a different secret, made here and never printed.
  const launchTokens = new Map<string, number>([[token, now() + launchTtlMs]]);
  const cookieSecret = options.cookieSecret ?? newToken();
  assertUsableToken(cookieSecret);
  const takeLaunchToken = (given: string): boolean => {
    for (const [candidate, expiresAt] of launchTokens) {
      if (expiresAt < now()) launchTokens.delete(candidate);
      else if (tokensEqual(given, candidate)) {
        launchTokens.delete(candidate);
        return true;
      }
    }
    return false;
  };
  const root = await realRendererDir(options.rendererDir);
  const dispatch = createDispatcher(host, options.log);
  const cspOption = options.csp ?? defaultCsp;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer();
  let port = 0;

  // The CSP follows the hub and camera settings, like the Electron host's.
  let settings: Settings | null = await readSettings(host);
  const unsubscribe = host.onEvent((event, payload) => {
    if (event === 'cw:settings.changed') settings = payload as Settings;
    // Never throw back into the service that emitted the event.
    try {
      broadcast(JSON.stringify({ event, payload }));
    } catch (error) {
      console.error(`[clearway] web host could not broadcast ${event}`, error);
    }
  });

  const csp = (): string => {
    if (typeof cspOption === 'string') return cspOption;
    return cspOption({
      origin: `http://127.0.0.1:${port}`,
      selfOrigins: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
      settings: settings ?? noRemoteOrigins,
    });
  };

  function broadcast(message: string): void {
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(message);
  }

  server.on('request', (req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      console.error('[clearway] web host request failed', error);
      if (!res.headersSent) deny(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, csp());
    if (!hostAllowed(req, port)) return deny(res, 403, 'Forbidden: unexpected Host header');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return deny(res, 405, 'Method not allowed');
    }
    const { path, query } = splitUrl(req.url ?? '/');

    const given = query.get('token');
    if (given !== null) {
      if (!takeLaunchToken(given))
        return deny(res, 401, 'Unauthorized: this launch link is wrong, used or expired; start the web host again for a new one');
      // Trade the token for a cookie and drop it from the address bar and history.
      query.delete('token');
      const rest = query.toString();
      res.setHeader('Set-Cookie', sessionCookie(port, cookieSecret));
      res.setHeader('Location', `${safeLocalPath(path)}${rest ? `?${rest}` : ''}`);
      res.statusCode = 303;
      res.end();
      return;
    }
    if (!hasValidCookie(req, port, cookieSecret)) return deny(res, 401, 'Unauthorized: open the launch link the web host gave');
    if (path === WS_PATH) return deny(res, 426, 'Upgrade required');

    const found = await lookupStatic(root, path);
    if (found.kind === 'bad-request') return deny(res, 400, 'Bad request');
    if (found.kind === 'forbidden') return deny(res, 403, 'Forbidden');
    if (found.kind === 'not-found') return deny(res, 404, 'Not found');

    res.statusCode = 200;
    res.setHeader('Content-Type', found.contentType);
    res.setHeader('Content-Length', found.size);
    res.setHeader('Cache-Control', found.contentType.startsWith('text/html') ? 'no-store' : 'no-cache');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (splitUrl(req.url ?? '/').path !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!hasValidCookie(req, port, cookieSecret)) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    // The peer address is this connection's source for the sign-in throttle.
    const origin: CallOrigin = { source: req.socket.remoteAddress ?? 'unknown peer' };
    ws.on('message', (data, isBinary) => {
      void handleMessage(ws, dispatch, data, isBinary, origin);
    });
    ws.on('error', (error) => {
      // ws closes the socket itself (1009 for oversized messages); just say why.
      console.error(`[clearway] web host connection closed: ${error.message}`);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: nothing on the network can reach the services.
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    unsubscribe();
    wss.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    newLaunchUrl() {
      const next = newToken();
      launchTokens.set(next, now() + launchTtlMs);
      return `http://127.0.0.1:${port}/?token=${next}`;
    },
    server,
    close() {
      closing ??= (async () => {
        unsubscribe();
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

async function handleMessage(
  ws: WebSocket,
  dispatch: Dispatch,
  data: RawData,
  isBinary: boolean,
  origin: CallOrigin,
): Promise<void> {
  const reply = (id: string | number | null, envelope: Envelope<unknown>): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify({ id, envelope }));
  };
  const refuse = (id: string | number | null, message: string): void => reply(id, { ok: false, error: invalid(message) });

  if (isBinary) return refuse(null, 'Malformed message: expected a JSON text frame');
  let message: unknown;
  try {
    message = JSON.parse(rawText(data));
  } catch {
    return refuse(null, 'Malformed message: not valid JSON');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return refuse(null, 'Malformed message: expected an object {id, channel, input}');
  }
  const { id, channel, input } = message as Record<string, unknown>;
  if (!((typeof id === 'string' && id.length <= 64) || (typeof id === 'number' && Number.isFinite(id)))) {
    return refuse(null, 'Malformed message: id must be a number or a short string');
  }
  reply(id, await dispatch(channel, input, origin));
}

function invalid(message: string): ErrorShape {
  return { code: 'INVALID_ARGUMENT', message };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

async function realRendererDir(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    throw new Error(`renderer directory not found: ${dir} (run npm run build first)`);
  }
}

async function readSettings(host: ServiceHost): Promise<Settings | null> {
  try {
    return await host.handlers['cw:settings.get'](undefined);
  } catch {
    return null;
  }
}

function splitUrl(raw: string): { path: string; query: URLSearchParams } {
  const q = raw.indexOf('?');
  return q < 0
    ? { path: raw, query: new URLSearchParams() }
    : { path: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}

/** "//evil.example" in Location would leave the host: keep redirects on our own paths. */
function safeLocalPath(path: string): string {
  return `/${path.replace(/^[/\\]+/, '')}`;
}

function setSecurityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}
