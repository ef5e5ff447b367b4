import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appScheme, installAppProtocol, registerAppScheme, serveAppRequest } from '../../../main/host/electron-protocol';

let base: string;
let root: string;
const csp = "default-src 'self'";
const serve = (url: string, method = 'GET') => serveAppRequest({ url, method }, { rendererRoot: root, csp: () => csp });

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'clearway-protocol-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clearway</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'sql-wasm.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(base, 'secret.txt'), 'not for the renderer');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is privileged as standard, secure and fetch-capable', () => {
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([appScheme]);
    installAppProtocol(protocol, { rendererRoot: root, csp: () => csp });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('serveAppRequest', () => {
  it.each([
    ['app://clearway/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Clearway</title>'],
    ['app://clearway/', 'text/html; charset=utf-8', '<!doctype html><title>Clearway</title>'],
    ['app://clearway/queue', 'text/html; charset=utf-8', '<!doctype html><title>Clearway</title>'],
    ['app://clearway/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await serve(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('serves wasm as application/wasm (streaming compilation needs it)', async () => {
    const response = await serve('app://clearway/assets/sql-wasm.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
  });

  it('puts the CSP and nosniff on every response, errors included', async () => {
    for (const url of [
      'app://clearway/index.html',
      'app://clearway/missing.js',
      'app://clearway/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const response = await serve(url);
      expect(response.headers.get('content-security-policy'), url).toBe(csp);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it.each([
    'app://clearway/%2e%2e/secret.txt',
    'app://clearway/%2E%2E%2Fsecret.txt',
    'app://clearway/assets/%2e%2e/%2e%2e/secret.txt',
    'app://clearway/..%2fsecret.txt',
    'app://clearway/..%5csecret.txt',
    'app://clearway/assets/link.txt',
  ])('never serves files outside the renderer: %s', async (url) => {
    const response = await serve(url);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('answers 404 for missing assets and other hosts', async () => {
    expect((await serve('app://clearway/assets/missing.js')).status).toBe(404);
    expect((await serve('app://evil/index.html')).status).toBe(404);
  });

  it('refuses malformed escapes and methods other than GET/HEAD', async () => {
    expect((await serve('app://clearway/%E0%A4%A')).status).toBe(400);
    expect((await serve('app://clearway/index.html', 'POST')).status).toBe(405);
    const head = await serve('app://clearway/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
