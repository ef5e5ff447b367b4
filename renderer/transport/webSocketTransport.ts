/**
 * The renderer's transport to the loopback web host (main/host/web.ts): contract
 * calls as `{id, channel, input}` → `{id, envelope}` over one WebSocket, events
 * pushed as `{event, payload}`. It reconnects with backoff; calls made while
 * disconnected wait for the connection, up to a timeout, then fail UNAVAILABLE.
 */
import type { RawTransport } from '../../preload/contract/api';
import type { ChannelName, Envelope, ErrorShape, EventName } from '../../preload/contract';

/** Mirrors the host's limit (MAX_MESSAGE_BYTES); larger calls are refused before sending. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The part of the WebSocket API this transport uses; the browser's and `ws`'s both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export interface WebSocketTransportOptions {
  /** Defaults to ws(s)://<location.host>/ws. */
  url?: string;
  /** Defaults to the global WebSocket. */
  createSocket?: SocketFactory;
  /** How long a call waits for a connection before it fails UNAVAILABLE. */
  connectTimeoutMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface WebSocketTransport extends RawTransport {
  /** True while a connection is open (a status bar can show it). */
  readonly connected: boolean;
  /** Resolves on the next open connection; rejects after `timeoutMs`. */
  whenConnected(timeoutMs?: number): Promise<void>;
  /** Closes for good: pending calls fail UNAVAILABLE and no reconnect follows. */
  close(): void;
}

interface Waiting {
  message: string;
  resolve: (envelope: Envelope<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

const OPEN = 1;
/** Close code ws uses when a message exceeds the host's maxPayload. */
const MESSAGE_TOO_BIG = 1009;

export function createWebSocketTransport(options: WebSocketTransportOptions = {}): WebSocketTransport {
  const url = options.url ?? defaultUrl();
  const createSocket = options.createSocket ?? ((target: string) => new WebSocket(target) as unknown as SocketLike);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;

  let socket: SocketLike | null = null;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  /** Sent and awaiting their reply. */
  const inFlight = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Not yet sent: waiting for a connection. */
  const waiting = new Map<number, Waiting>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const openWaiters = new Set<() => void>();

  function connect(): void {
    if (closed) return;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      for (const [id, call] of waiting) {
        clearTimeout(call.timer);
        waiting.delete(id);
        inFlight.set(id, call.resolve);
        current.send(call.message);
      }
      for (const notify of openWaiters) notify();
      openWaiters.clear();
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      // A reply that never came may or may not have been acted on: never resend it.
      const error: ErrorShape =
        event.code === MESSAGE_TOO_BIG
          ? {
              code: 'INVALID_ARGUMENT',
              message: `A message exceeded the host's ${MAX_MESSAGE_BYTES} byte limit; the connection was reset`,
            }
          : { code: 'UNAVAILABLE', message: 'Connection to the Clearway host was lost before the reply' };
      for (const resolve of inFlight.values()) resolve({ ok: false, error });
      inFlight.clear();
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    // Exponential with jitter, capped: a restarted host is found quickly, a gone one is not hammered.
    const delay = Math.min(maxBackoffMs, initialBackoffMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const record = message as Record<string, unknown>;
    if (typeof record.event === 'string') {
      for (const listener of listeners.get(record.event) ?? []) listener(record.payload);
      return;
    }
    if (typeof record.id === 'number') {
      const resolve = inFlight.get(record.id);
      if (!resolve) return;
      inFlight.delete(record.id);
      resolve(record.envelope as Envelope<unknown>);
      return;
    }
    // id null: the host could not read one of our messages, which this transport never sends.
    console.error('[clearway] the web host rejected a message', record.envelope);
  }

  function call(channel: ChannelName, input: unknown): Promise<Envelope<unknown>> {
    if (closed) return Promise.resolve(unavailable('The Clearway connection is closed'));
    const id = nextId++;
    let message: string;
    try {
      message = JSON.stringify({ id, channel, input });
    } catch (error) {
      return Promise.resolve(invalidArgument(`Input for ${channel} cannot be sent: ${(error as Error).message}`));
    }
    if (utf8Length(message) > MAX_MESSAGE_BYTES) {
      return Promise.resolve(invalidArgument(`Input for ${channel} is larger than the ${MAX_MESSAGE_BYTES} byte message limit`));
    }
    return new Promise((resolve) => {
      if (socket && socket.readyState === OPEN) {
        inFlight.set(id, resolve);
        socket.send(message);
        return;
      }
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(unavailable(`No connection to the Clearway host within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      waiting.set(id, { message, resolve, timer });
    });
  }

  function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    // Wrapped, so subscribing the same function twice gives two independent subscriptions.
    const entry = (payload: unknown): void => listener(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  function whenConnected(timeoutMs = connectTimeoutMs): Promise<void> {
    if (socket && socket.readyState === OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        openWaiters.delete(done);
        reject(new Error(`No connection to the Clearway host within ${timeoutMs} ms`));
      }, timeoutMs);
      openWaiters.add(done);
    });
  }

  function close(): void {
    closed = true;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    const current = socket;
    socket = null;
    current?.close(1000, 'closed by the renderer');
    for (const resolve of inFlight.values()) resolve(unavailable('The Clearway connection was closed'));
    inFlight.clear();
    for (const pending of waiting.values()) {
      clearTimeout(pending.timer);
      pending.resolve(unavailable('The Clearway connection was closed'));
    }
    waiting.clear();
  }

  connect();
  return {
    host: 'web',
    get connected() {
      return socket !== null && socket.readyState === OPEN;
    },
    call,
    subscribe,
    whenConnected,
    close,
  };
}

function defaultUrl(): string {
  // Typed structurally so the unit tests (Node types, no DOM lib) compile this file too.
  const { location } = globalThis as unknown as { location: { protocol: string; host: string } };
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

function utf8Length(text: string): number {
  // A UTF-16 unit is at most 3 UTF-8 bytes: skip encoding the common, small message.
  return text.length * 3 <= MAX_MESSAGE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

function unavailable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'UNAVAILABLE', message } };
}

function invalidArgument(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_ARGUMENT', message } };
}
