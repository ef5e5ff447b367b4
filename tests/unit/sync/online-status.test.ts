import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../preload/contract/schemas/app';
import { AppStatusMonitor } from '../../../main/services/app/app-status';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import type { FetchLike } from '../../../main/services/sync/hub-client';
import { SyncEngine, type SyncStatus } from '../../../main/services/sync/sync-engine';
import { openMemoryStore } from '../services/memory-store';

const HUB = 'http://127.0.0.1:9/';

/** The status bar's monitor wired to an engine as createServices() does. */
async function wired(fetchImpl: FetchLike, probeAnswer: boolean) {
  const clock = new ManualClock('2026-05-01T08:00:00.000Z');
  const store = await openMemoryStore(migrations);
  const changes: AppStatus[] = [];
  let probes = 0;
  let engineStatus: SyncStatus | null = null;
  const monitor = new AppStatusMonitor({
    clock,
    hubUrl: () => HUB,
    probeHub: async () => (probes++, probeAnswer),
    cacheMs: 15_000,
    onChanged: (status) => changes.push(status),
    syncStatus: async () => {
      const s = engineStatus ?? (await engine.status());
      return { state: s.state, pending: s.pending, lastSyncAt: s.lastSyncAt };
    },
  });
  const engine: SyncEngine = new SyncEngine({
    store,
    clock,
    hub: () => ({ url: HUB, token: 'cwd_test_token_for_unit_tests' }),
    fetch: fetchImpl,
    onStatus: (s) => {
      engineStatus = s;
    },
    onHubContact: (reachable) => monitor.recordHubContact(reachable),
  });
  return { monitor, engine, changes, probes: () => probes, clock };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('online/offline in the status bar follows sync rounds at once', () => {
  it('goes offline on the round that cannot reach the hub, inside the probe cache window', async () => {
    const unreachable: FetchLike = async () => {
      throw new TypeError('fetch failed: ECONNREFUSED');
    };
    const { monitor, engine, changes, probes } = await wired(unreachable, true);
    expect((await monitor.get()).online).toBe(true); // the probe said the hub answers; cached for 15 s
    await expect(engine.syncOnce()).rejects.toThrow();
    await settle();
    expect(changes.at(-1)?.online).toBe(false);
    expect(probes()).toBe(1); // no wait for the cache to expire, no second probe
  });

  it('comes back online on the round that reaches the hub, though a cached probe said offline', async () => {
    let hubUp = false;
    const flaky: FetchLike = async (input) => {
      if (!hubUp) throw new TypeError('fetch failed: ECONNREFUSED');
      // Any HTTP answer means the hub is there; a refusal keeps the round from finishing.
      return new Response(JSON.stringify({ error: { code: 'unauthorized', message: `token refused for ${String(input)}` } }), {
        status: 401,
      });
    };
    const { monitor, engine, changes, probes } = await wired(flaky, false);
    expect((await monitor.get()).online).toBe(false);
    await expect(engine.syncOnce()).rejects.toThrow();
    hubUp = true;
    await expect(engine.syncOnce()).rejects.toThrow(/401|refused|unauthorized/i);
    await settle();
    expect(changes.at(-1)?.online).toBe(true);
    expect(probes()).toBe(1);
  });

  it('ignores hub contact in standalone mode', async () => {
    const clock = new ManualClock();
    const changes: AppStatus[] = [];
    const monitor = new AppStatusMonitor({
      clock,
      hubUrl: () => '',
      probeHub: async () => false,
      onChanged: (s) => changes.push(s),
    });
    await monitor.get();
    monitor.recordHubContact(false);
    await settle();
    expect((await monitor.get()).online).toBe(true);
    expect(changes).toEqual([]);
  });
});
