import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INSECURE_HTTP_WARNING, plainHttpRefusal } from '../../../hub/src/cli';
import { ManualClock } from '../../../main/services/clock';
import { ServiceError } from '../../../main/services/errors';
import { migrations } from '../../../main/services/migrations';
import { SettingsService } from '../../../main/services/settings/settings-service';
import { HubTokenFile } from '../../../main/services/sync/hub-token-file';
import { SyncService } from '../../../main/services/sync/sync-service';
import { hubUrlProblem, isLoopbackHost } from '../../../preload/contract/hub-url';
import type { Settings } from '../../../preload/contract/schemas/settings';
import { openMemoryStore } from '../services/memory-store';
import { testUser } from '../../support/users';

const TOKEN = 'cwd_0123456789abcdefghijklmnopqrstuv';

describe('hub URL rules', () => {
  it('takes https: anywhere and http: only on loopback', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '[::1]', 'LOCALHOST']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['10.0.0.1', '128.0.0.1', '0.0.0.0', 'hub.example', '127.0.0.1.nip.io', '::'])
      expect(isLoopbackHost(host)).toBe(false);
    expect(hubUrlProblem('')).toBeNull();
    expect(hubUrlProblem('https://hub.office.example:8620')).toBeNull();
    expect(hubUrlProblem('http://127.0.0.1:8620')).toBeNull();
    expect(hubUrlProblem('http://[::1]:8620')).toBeNull();
    expect(hubUrlProblem('http://hub.office.example:8620')).toMatch(/must use https:.*loopback/);
    expect(hubUrlProblem('http://10.1.2.3')).toMatch(/https:/);
    expect(hubUrlProblem('ftp://hub.example')).toMatch(/not ftp:/);
    expect(hubUrlProblem('https://user:pw@hub.example')).toMatch(/user name or password/);
    expect(hubUrlProblem('hub.example')).toMatch(/absolute address/);
  });
});

describe('hub settings', () => {
  async function settingsService() {
    let stored: unknown = {};
    const store = await openMemoryStore(migrations);
    return new SettingsService({
      backend: { read: () => stored, write: (next: Settings) => void (stored = next) },
      store,
      clock: new ManualClock(),
      onRepaired: () => undefined,
      onChanged: () => undefined,
    });
  }

  it('lets only a supervisor change the hub URL, CA and pin (FORBIDDEN otherwise)', async () => {
    const settings = await settingsService();
    for (const patch of [{ hubUrl: 'https://hub.example' }, { hubPin: `sha256/${'A'.repeat(43)}=` }]) {
      const error = await settings.update(testUser('officer'), patch).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'FORBIDDEN' });
      expect((error as Error).message).toMatch(new RegExp(`${Object.keys(patch)[0]}.*supervisor`));
    }
    expect(settings.get()).toMatchObject({ hubUrl: '', hubPin: '' });
    expect((await settings.update(testUser('supervisor'), { hubUrl: 'https://hub.example' })).hubUrl).toBe('https://hub.example');
  });

  it('refuses http: off loopback and a malformed pin or CA, naming the field', async () => {
    const settings = await settingsService();
    const supervisor = testUser('supervisor');
    for (const [patch, field] of [
      [{ hubUrl: 'http://hub.example:8620' }, 'hubUrl'],
      [{ hubPin: 'sha1/abc' }, 'hubPin'],
      [{ hubCaCertificate: 'not a certificate' }, 'hubCaCertificate'],
    ] as const) {
      const error = (await settings.update(supervisor, patch).catch((e: unknown) => e)) as ServiceError;
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.issues?.map((i) => i.path)).toContain(field);
    }
    expect((await settings.update(supervisor, { hubUrl: 'http://127.0.0.1:8620' })).hubUrl).toBe('http://127.0.0.1:8620');
  });
});

describe('device token bound to its hub origin', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function syncService(hubUrl: { value: string }, dir = mkdtempSync(join(tmpdir(), 'cw-token-bind-'))) {
    dirs.push(dir);
    const sent: Array<{ url: string; authorization: string | null }> = [];
    const store = await openMemoryStore(migrations);
    const sync = new SyncService({ dataDir: dir, store, clock: new ManualClock(), hubUrl: () => hubUrl.value, enabled: true });
    const fetchSpy = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      sent.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify({ changes: [], cursor: 0, hasMore: false }), { status: 200 });
    };
    // The engine's requests go through the service's fetch; capture what would leave the machine.
    globalThis.fetch = fetchSpy as typeof fetch;
    return { sync, sent, dir };
  }
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('needs the hub URL first, sends the token only to that origin, and drops it when the URL moves elsewhere', async () => {
    const hubUrl = { value: '' };
    const { sync, sent, dir } = await syncService(hubUrl);
    const refused = await sync.setDeviceToken(TOKEN).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION' });

    hubUrl.value = 'https://hub-a.example:8620';
    expect((await sync.setDeviceToken(TOKEN)).tokenSet).toBe(true);
    expect(new HubTokenFile(dir).read()).toEqual({ token: TOKEN, origin: 'https://hub-a.example:8620' });
    await sync.syncNow();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.url.startsWith('https://hub-a.example:8620/') && r.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );

    // Another path on the same origin keeps the token; another origin does not get it, even before the change is noticed.
    sync.hubUrlChanged('https://hub-a.example:8620/clearway');
    expect(new HubTokenFile(dir).read()?.token).toBe(TOKEN);
    hubUrl.value = 'https://hub-b.example';
    sent.length = 0;
    const status = await sync.syncNow();
    expect(sent).toEqual([]);
    expect(status).toMatchObject({ tokenSet: false, state: 'error' });
    sync.hubUrlChanged(hubUrl.value);
    expect(new HubTokenFile(dir).read()).toBeNull(); // re-enrolment at the new hub
    hubUrl.value = 'https://hub-a.example:8620';
    expect((await sync.status()).tokenSet).toBe(false);
  });

  it('binds a token stored before tokens were bound to the hub configured at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-token-legacy-'));
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, 'keys', 'hub-token'), `${TOKEN}\n`);
    const { sync } = await syncService({ value: 'https://hub-a.example' }, dir);
    expect((await sync.status()).tokenSet).toBe(true);
    expect(new HubTokenFile(dir).read()).toEqual({ token: TOKEN, origin: 'https://hub-a.example' });
  });
});

describe('hub listening without TLS', () => {
  it('is allowed on loopback, refused elsewhere unless --insecure-http', () => {
    expect(plainHttpRefusal('127.0.0.1', false, false)).toBeNull();
    expect(plainHttpRefusal('::1', false, false)).toBeNull();
    expect(plainHttpRefusal('0.0.0.0', true, false)).toBeNull();
    expect(plainHttpRefusal('0.0.0.0', false, false)).toMatch(/Refusing to serve plain HTTP on 0\.0\.0\.0.*--insecure-http/);
    expect(plainHttpRefusal('10.0.0.5', false, true)).toBeNull();
  });

  it('the command line refuses 0.0.0.0 without TLS, and warns when --insecure-http is given', () => {
    const root = resolve(__dirname, '../../..');
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'hub/src/main.ts'), '--database-url', 'postgres://nobody@127.0.0.1:1/none', ...args],
        { cwd: root, encoding: 'utf8', timeout: 30_000 },
      );
    const refused = run('--host', '0.0.0.0', '--port', '0');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to serve plain HTTP on 0\.0\.0\.0/);
    const insecure = run('--host', '0.0.0.0', '--port', '0', '--insecure-http');
    expect(insecure.stderr).toContain(INSECURE_HTTP_WARNING);
    expect(insecure.status).toBe(1); // then fails on the unreachable database, after warning
  }, 60_000);
});
