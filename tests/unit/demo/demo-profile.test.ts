/**
 * Demo accounts share a password published on the login screen, so they exist only in a
 * demo profile, and a demo profile never syncs: the hub is never contacted, "sync now"
 * and a device token are refused with the reason, across restarts. A live profile has
 * no demo accounts at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { DEMO_PASSWORD } from '../../../main/services/demo/demo-accounts';
import { ServiceError } from '../../../main/services/errors';
import { migrations } from '../../../main/services/migrations';
import { HubTokenFile } from '../../../main/services/sync/hub-token-file';
import { SyncService, type SyncRefusal } from '../../../main/services/sync/sync-service';
import { openMemoryStore } from '../services/memory-store';
import { callChannel, startTempServices, type TempServices } from '../services/temp-services';

const TOKEN = 'cwd_0123456789abcdefghijklmnop';

/** A hub that answers nothing useful but counts every request it gets. */
async function countingHub(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('a demo profile never syncs', () => {
  const dirs: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  async function syncService(refusal: SyncRefusal | null) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-demo-sync-'));
    dirs.push(dataDir);
    const hub = await countingHub();
    new HubTokenFile(dataDir).write({ token: TOKEN, origin: new URL(hub.url).origin });
    cleanups.push(hub.close);
    const sync = new SyncService({
      dataDir,
      store: await openMemoryStore(migrations),
      clock: new ManualClock('2026-03-02T08:00:00.000Z'),
      hubUrl: () => hub.url,
      enabled: true,
      refusal: () => refusal,
    });
    cleanups.push(() => sync.stop());
    return { sync, hub };
  }

  it('contacts a configured hub from a live profile (the control case)', async () => {
    const { sync, hub } = await syncService(null);
    await sync.engine.syncOnce().catch(() => undefined);
    expect(hub.requests()).toBeGreaterThan(0);
    expect((await sync.status()).neverSyncs).toBeUndefined();
  });

  it('never contacts the hub from a demo profile, and says why', async () => {
    const { sync, hub } = await syncService('demo-profile');
    await sync.engine.syncOnce();
    const status = await sync.status();
    expect(status).toMatchObject({ state: 'standalone', neverSyncs: 'demo-profile', hubUrl: hub.url, tokenSet: true });
    const refused = await sync.syncNow().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringMatching(/demo profile.*never syncs/) });
    await expect(sync.setDeviceToken(TOKEN)).rejects.toThrow(/demo profile/);
    // Removing a token is always allowed.
    expect((await sync.setDeviceToken('')).tokenSet).toBe(false);
    expect(hub.requests()).toBe(0);
  });
});

describe('demo accounts through the services', () => {
  let temps: TempServices[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const temp of temps) await temp.cleanup();
    temps = [];
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  async function start(dataDir?: string) {
    const temp = await startTempServices('cw-demo-profile', dataDir ? { dataDir } : {});
    temps.push(temp);
    return temp;
  }

  async function setup(temp: TempServices, demo: boolean) {
    await callChannel(temp.services, 'cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Gate 3',
      demo,
    });
  }

  it('a live profile has no demo accounts: none listed, none can sign in, and it may sync', async () => {
    const temp = await start();
    await setup(temp, false);
    const info = await callChannel(temp.services, 'cw:app.info');
    expect(info.demo).toBe(false);
    expect(info.demoAccounts).toBeUndefined();
    expect((await callChannel(temp.services, 'cw:sync.status')).neverSyncs).toBeUndefined();
    await callChannel(temp.services, 'cw:auth.logout');
    for (const username of ['supervisor.huang', 'officer.li'])
      await expect(callChannel(temp.services, 'cw:auth.login', { username, password: DEMO_PASSWORD })).rejects.toMatchObject({
        code: 'BAD_CREDENTIALS',
      });
  });

  it('a demo profile lists its demo accounts, and sync refuses it with the reason, also after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-demo-profile-kept-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    await setup(first, true);
    expect((await callChannel(first.services, 'cw:app.info')).demoAccounts?.some((a) => a.role === 'supervisor')).toBe(true);
    expect(await callChannel(first.services, 'cw:sync.status')).toMatchObject({
      state: 'standalone',
      neverSyncs: 'demo-profile',
    });
    await expect(callChannel(first.services, 'cw:sync.now')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('demo profile'),
    });
    await expect(callChannel(first.services, 'cw:sync.setDeviceToken', { token: TOKEN })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await first.services.close();

    const again = await start(dataDir);
    await callChannel(again.services, 'cw:auth.login', { username: 'supervisor.huang', password: DEMO_PASSWORD });
    expect((await callChannel(again.services, 'cw:app.info')).demo).toBe(true);
    expect((await callChannel(again.services, 'cw:sync.status')).neverSyncs).toBe('demo-profile');
    await expect(callChannel(again.services, 'cw:sync.now')).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });
});
