/**
 * The loopback web host against a fake ServiceHost on a random port: the token
 * gate, DNS-rebinding and origin checks, static serving without traversal, the
 * security headers, and the WebSocket protocol.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AppInfo } from '../../../preload/contract/schemas/app';
import { defaultSettings } from '../../../preload/contract/schemas/settings';
import { MAX_MESSAGE_BYTES, startWebHost, type WebHost } from '../../../main/host/web';
import { sampleValid } from '../contract/zod-arbitrary';
import { fakeServiceHost, userWithRole, type FakeServiceHost } from './fake-service-host';

const appInfo = sampleValid(AppInfo);
const INDEX = '<!doctype html><title>Clearway</title><div id="root"></div>';
const SECRET = 'top secret outside the renderer';

let dir: string;
let rendererDir: string;
let services: FakeServiceHost;
let web: WebHost;
let cookie: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // node:http sends the path as given, so traversal attempts reach the server unnormalised.
    const req = request({ host: '127.0.0.1', port: web.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const authed = (path: string, headers: Record<string, string> = {}) => get(path, { cookie, ...headers });

function openSocket(options: { cookie?: string; origin?: string; host?: string; path?: string } = {}): WebSocket {
  const headers: Record<string, string> = {};
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  if (options.host !== undefined) headers.host = options.host;
  return new WebSocket(`ws://127.0.0.1:${web.port}${options.path ?? '/ws'}`, {
    headers,
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  });
}

/** A fresh single-use launch token of the shared host. */
const launchToken = (): string => new URL(web.newLaunchUrl()).searchParams.get('token')!;

const goodSocket = () => openSocket({ cookie, origin: `http://127.0.0.1:${web.port}` });

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

function refusedWith(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', () => {
      /* reported through unexpected-response */
    });
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearway-web-host-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'sql.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(rendererDir, 'assets', 'feed.y4m'), 'YUV4MPEG2 W2 H2');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'package.json'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(rendererDir, 'link.txt'));

  services = fakeServiceHost({ user: userWithRole('officer'), locked: false });
  services.reply('cw:settings.get', () => ({ ...defaultSettings, cameraOrigins: ['https://cams.port.example:8443/live'] }));
  services.reply('cw:app.info', () => appInfo);
  web = await startWebHost({ host: services, rendererDir });

  const redirect = await get(`/?token=${web.token}`);
  cookie = String(redirect.headers['set-cookie']?.[0]).split(';')[0]!;
});

afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('listening', () => {
  it('binds 127.0.0.1 only, on a random port', () => {
    const address = web.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(address.port).toBe(web.port);
    expect(web.port).toBeGreaterThan(0);
  });

  it('prints a launch URL with a fresh 32-byte token', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`);
    expect(web.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses to start on a missing renderer directory', async () => {
    await expect(startWebHost({ host: fakeServiceHost(), rendererDir: join(dir, 'nope') })).rejects.toThrow(/npm run build/);
  });

  it('fails to start, without leaking its event subscription, when the port is taken', async () => {
    const host = fakeServiceHost();
    let subscribed = 0;
    const onEvent: typeof host.onEvent = (listener) => {
      subscribed += 1;
      const off = host.onEvent(listener);
      return () => {
        subscribed -= 1;
        off();
      };
    };
    const counting = { ...host, onEvent };
    await expect(startWebHost({ host: counting, rendererDir, port: web.port })).rejects.toThrow(/EADDRINUSE/);
    expect(subscribed).toBe(0);
  });

  it('refuses a weak caller-supplied token', async () => {
    await expect(startWebHost({ host: fakeServiceHost(), rendererDir, token: 'short' })).rejects.toThrow(/token/);
  });
});

describe('the token gate', () => {
  it('answers 401 and nothing else without the token', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('Clearway</title>');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a launch token past its time', async () => {
    let now = 0;
    const other = await startWebHost({ host: fakeServiceHost(), rendererDir, launchTtlMs: 1000, now: () => now });
    try {
      const status = (path: string) =>
        new Promise<number>((resolve) => {
          request({ host: '127.0.0.1', port: other.port, path }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          }).end();
        });
      now = 1001;
      expect(await status(`/?token=${other.token}`)).toBe(401);
      const fresh = new URL(other.newLaunchUrl()).search;
      expect(await status(`/${fresh}`)).toBe(303);
    } finally {
      await other.close();
    }
  });

  it('answers 401 to a wrong token', async () => {
    const reply = await get('/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('trades a launch token, once, for an HttpOnly, SameSite=Strict cookie with a secret of its own, and a redirect without it', async () => {
    const token = launchToken();
    const reply = await get(`/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = String(reply.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(new RegExp(`^clearway_token_${web.port}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).not.toContain(token);
    expect(setCookie.split(';')[0]).toBe(cookie);
    // The same link a second time: refused, and no cookie.
    const again = await get(`/?token=${token}`);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    // The first launch link was used in set-up, so it is spent too.
    expect((await get(`/?token=${web.token}`)).status).toBe(401);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
  });

  it('keeps the path and other query parameters in the redirect', async () => {
    const reply = await get(`/queue?lane=red&token=${launchToken()}`);
    expect(reply.headers.location).toBe('/queue?lane=red');
  });

  it('never redirects off the host', async () => {
    const reply = await get(`//evil.example/?token=${launchToken()}`);
    expect(reply.headers.location).toBe('/evil.example/');
  });

  it('refuses a cookie with the wrong value', async () => {
    expect((await get('/', { cookie: `clearway_token_${web.port}=${'A'.repeat(43)}` })).status).toBe(401);
  });

  it('refuses the right secret in a cookie named for another port, and a launch token as a cookie', async () => {
    expect((await get('/', { cookie: `clearway_token_1=${cookie.split('=')[1]}` })).status).toBe(401);
    expect((await get('/', { cookie: `clearway_token_${web.port}=${launchToken()}` })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the cookie', async () => {
    expect((await authed('/', { host: `evil.example:${web.port}` })).status).toBe(403);
    expect((await authed('/', { host: '127.0.0.1' })).status).toBe(403);
    expect((await get(`/?token=${launchToken()}`, { host: `evil.example:${web.port}` })).status).toBe(403);
  });

  it('accepts localhost:PORT as Host', async () => {
    expect((await authed('/', { host: `localhost:${web.port}` })).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('/', { cookie }, 'POST')).status).toBe(405);
    const head = await get('/', { cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('static files', () => {
  it('serves index.html with the CSP and security headers', async () => {
    const reply = await authed('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`ws://127.0.0.1:${web.port}`);
    expect(csp).toContain('https://cams.port.example:8443');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('puts the security headers on refusals too', async () => {
    const reply = await get('/');
    expect(reply.headers['content-security-policy']).toBeDefined();
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('follows camera settings changes in the CSP', async () => {
    services.emit('cw:settings.changed', { ...defaultSettings, cameraOrigins: ['wss://bridge.port.example'] });
    const csp = String((await authed('/')).headers['content-security-policy']);
    expect(csp).toContain('wss://bridge.port.example');
    expect(csp).not.toContain('cams.port.example');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/sql.wasm', 'application/wasm'],
    ['/assets/feed.y4m', 'video/x-yuv4mpeg'],
  ])('serves %s as %s', async (path, type) => {
    const reply = await authed(path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes', async () => {
    const reply = await authed('/queue/DEC-2026-000042');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
  });

  it('answers 404 for a missing asset', async () => {
    expect((await authed('/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt',
    '/%252e%252e/secret.txt',
  ])('refuses traversal: %s', async (path) => {
    const reply = await authed(path);
    expect(reply.status).not.toBe(200);
    expect(reply.body).not.toContain(SECRET);
  });

  it('refuses NUL bytes and malformed escapes', async () => {
    expect((await authed('/index.html%00.js')).status).toBe(400);
    expect((await authed('/%E0%A4%A')).status).toBe(400);
  });

  it('does not serve the WebSocket path as a page', async () => {
    expect((await authed('/ws')).status).toBe(426);
  });
});

describe('WebSocket upgrade', () => {
  it('refuses an upgrade without the cookie', async () => {
    expect(await refusedWith(openSocket({ origin: `http://127.0.0.1:${web.port}` }))).toBe(401);
  });

  it('refuses a foreign origin', async () => {
    expect(await refusedWith(openSocket({ cookie, origin: 'http://evil.example' }))).toBe(403);
    expect(await refusedWith(openSocket({ cookie, origin: `http://localhost:${web.port}` }))).toBe(403);
  });

  it('refuses a missing origin', async () => {
    expect(await refusedWith(openSocket({ cookie }))).toBe(403);
  });

  it('refuses a foreign Host header', async () => {
    expect(await refusedWith(openSocket({ cookie, origin: 'http://evil.example', host: 'evil.example' }))).toBe(403);
  });

  it('refuses other paths', async () => {
    expect(await refusedWith(openSocket({ cookie, origin: `http://127.0.0.1:${web.port}`, path: '/socket' }))).toBe(404);
  });
});

describe('WebSocket protocol', () => {
  const sockets: WebSocket[] = [];
  const connect = async (): Promise<WebSocket> => {
    const ws = goodSocket();
    sockets.push(ws);
    await opened(ws);
    return ws;
  };
  afterEach(() => {
    for (const ws of sockets.splice(0)) ws.terminate();
  });

  it('answers a call with its envelope and id', async () => {
    const ws = await connect();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 7, channel: 'cw:app.info' }));
    expect(await reply).toEqual({ id: 7, envelope: { ok: true, value: appInfo } });
  });

  it('returns contract errors in the envelope', async () => {
    const ws = await connect();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 'a1', channel: 'cw:shifts.list', input: { limit: -1 } }));
    expect(await reply).toMatchObject({ id: 'a1', envelope: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
  });

  it('answers malformed messages with an error and keeps the connection', async () => {
    const ws = await connect();
    for (const bad of ['{not json', '[1,2]', '"text"', JSON.stringify({ id: { nested: true }, channel: 'cw:app.info' })]) {
      const reply = nextMessage(ws);
      ws.send(bad);
      expect(await reply).toMatchObject({ id: null, envelope: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    }
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 8, channel: 'cw:app.info' }));
    expect(await reply).toMatchObject({ id: 8, envelope: { ok: true } });
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const ws = await connect();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 9, channel: 'cw:shell.exec', input: 'rm -rf /' }));
    expect(await reply).toMatchObject({ id: 9, envelope: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
  });

  it('broadcasts service events to every connection', async () => {
    const [a, b] = [await connect(), await connect()];
    const got = [nextMessage(a), nextMessage(b)];
    const notice = {
      id: 'n1',
      level: 'warning',
      code: 'store.recovered',
      message: 'Recovered',
      at: '2026-05-01T10:00:00.000Z',
    } as const;
    services.emit('cw:app.notice', notice);
    for (const message of await Promise.all(got)) expect(message).toEqual({ event: 'cw:app.notice', payload: notice });
  });

  it('closes with 1009 on a message over the size limit', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 1, channel: 'cw:app.info', input: 'x'.repeat(MAX_MESSAGE_BYTES) }));
    expect(await closed).toBe(1009);
  });
});

describe('close()', () => {
  it('stops listening and drops connections, leaving the services open', async () => {
    const host = fakeServiceHost();
    const other = await startWebHost({ host, rendererDir });
    const redirect = await new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port: other.port, path: `/?token=${other.token}` }, (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '');
      }).end();
    });
    const ws = new WebSocket(`ws://127.0.0.1:${other.port}/ws`, {
      headers: { cookie: redirect },
      origin: `http://127.0.0.1:${other.port}`,
    });
    await opened(ws);
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    await other.close();
    await closed;
    expect(other.server.listening).toBe(false);
    expect(host.closed).toBe(false);
  });
});
