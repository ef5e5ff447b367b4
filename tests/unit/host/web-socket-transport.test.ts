/**
 * The renderer's WebSocket transport against the real web host (with a fake
 * ServiceHost): calls, typed errors, events, waiting for a connection,
 * reconnecting after the host restarts, and failing UNAVAILABLE when none comes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { ClearwayError, createClearwayApi } from '../../../preload/contract/api';
import { AppInfo, AppStatus } from '../../../preload/contract/schemas/app';
import { startWebHost, type WebHost } from '../../../main/host/web';
import {
  createWebSocketTransport,
  MAX_MESSAGE_BYTES,
  type SocketLike,
  type WebSocketTransport,
  type WebSocketTransportOptions,
} from '../../../renderer/transport/webSocketTransport';
import { sampleValid } from '../contract/zod-arbitrary';
import { fakeServiceHost, userWithRole, type FakeServiceHost } from './fake-service-host';

const appInfo = sampleValid(AppInfo);
let dir: string;
let services: FakeServiceHost;
let web: WebHost;
let cookie: string;
const transports: WebSocketTransport[] = [];

function fetchCookie(host: WebHost): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}` }, (res) => {
      res.resume();
      resolve(String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '');
    })
      .on('error', reject)
      .end();
  });
}

/** Node has no browser WebSocket with cookies; `ws` with the cookie and Origin a browser would send stands in. */
function transport(
  port: number,
  options: Omit<WebSocketTransportOptions, 'url' | 'createSocket'> = {},
  withCookie = cookie,
): WebSocketTransport {
  const t = createWebSocketTransport({
    url: `ws://127.0.0.1:${port}/ws`,
    createSocket: (url) =>
      new WebSocket(url, { headers: { cookie: withCookie }, origin: `http://127.0.0.1:${port}` }) as unknown as SocketLike,
    initialBackoffMs: 20,
    maxBackoffMs: 100,
    ...options,
  });
  transports.push(t);
  return t;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearway-transport-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  services = fakeServiceHost({ user: userWithRole('officer'), locked: false });
  services.reply('cw:app.info', () => appInfo);
  web = await startWebHost({ host: services, rendererDir: join(dir, 'renderer') });
  cookie = await fetchCookie(web);
});

afterEach(() => {
  for (const t of transports.splice(0)) t.close();
});

afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web socket transport', () => {
  it('calls a channel through createClearwayApi, waiting for the first connection', async () => {
    const api = createClearwayApi(transport(web.port));
    expect(api.host).toBe('web');
    expect(await api.invoke('cw:app.info')).toEqual(appInfo);
  });

  it('rejects with a typed ClearwayError', async () => {
    const api = createClearwayApi(transport(web.port));
    const error = await api.invoke('cw:shifts.list', { limit: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClearwayError);
    expect((error as ClearwayError).code).toBe('INVALID_ARGUMENT');
    expect((error as ClearwayError).issues?.[0]?.path).toBe('limit');
  });

  it('keeps concurrent calls apart by id', async () => {
    services.reply(
      'cw:shifts.list',
      (input) => new Promise((resolve) => setTimeout(() => resolve([]), (input as { limit: number }).limit)),
    );
    const t = transport(web.port);
    const results = await Promise.all([
      t.call('cw:shifts.list', { limit: 30 }),
      t.call('cw:app.info', undefined),
      t.call('cw:shifts.list', { limit: 1 }),
    ]);
    expect(results).toEqual([
      { ok: true, value: [] },
      { ok: true, value: appInfo },
      { ok: true, value: [] },
    ]);
  });

  it('delivers events to subscribers until they unsubscribe', async () => {
    const api = createClearwayApi(transport(web.port));
    await api.invoke('cw:app.info');
    const seen: unknown[] = [];
    const off = api.on('cw:app.statusChanged', (status) => seen.push(status));
    const status = sampleValid(AppStatus);
    services.emit('cw:app.statusChanged', status);
    await api.invoke('cw:app.info'); // a round trip: the event, sent first, has arrived
    off();
    services.emit('cw:app.statusChanged', status);
    await api.invoke('cw:app.info');
    expect(seen).toEqual([status]);
  });

  it('refuses an oversized call before sending it', async () => {
    const t = transport(web.port);
    const envelope = await t.call('cw:auth.login', { username: 'x', password: 'y'.repeat(MAX_MESSAGE_BYTES) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await t.call('cw:app.info', undefined)).ok).toBe(true);
  });

  it('fails UNAVAILABLE when no host answers within the timeout', async () => {
    const gone = await startWebHost({ host: fakeServiceHost(), rendererDir: join(dir, 'renderer') });
    const port = gone.port;
    await gone.close();
    const envelope = await transport(port, { connectTimeoutMs: 300 }).call('cw:app.info', undefined);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('reconnects after the host restarts, and calls made meanwhile go through', async () => {
    const cookieSecret = 'restart-keeps-this-cookie-secret';
    const first = await startWebHost({ host: services, rendererDir: join(dir, 'renderer'), cookieSecret });
    const port = first.port;
    const t = transport(port, {}, await fetchCookie(first));
    expect((await t.call('cw:app.info', undefined)).ok).toBe(true);
    await first.close();
    await vi.waitFor(() => expect(t.connected).toBe(false));

    const pending = t.call('cw:app.info', undefined);
    // Same port and cookie secret: the browser's cookie is still good for the restarted host.
    const second = await startWebHost({ host: services, rendererDir: join(dir, 'renderer'), cookieSecret, port });
    try {
      expect(await pending).toEqual({ ok: true, value: appInfo });
    } finally {
      await second.close();
    }
  });

  it('answers calls still in flight UNAVAILABLE when the connection drops', async () => {
    const host = fakeServiceHost();
    host.reply('cw:app.info', () => new Promise(() => {}));
    const other = await startWebHost({ host, rendererDir: join(dir, 'renderer') });
    const t = transport(other.port, {}, await fetchCookie(other));
    await t.whenConnected();
    const pending = t.call('cw:app.info', undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('fails calls UNAVAILABLE after close()', async () => {
    const t = transport(web.port);
    t.close();
    expect(await t.call('cw:app.info', undefined)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
