import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { mutationStatements } from '../../../main/services/sync/outbox';
import { SyncService } from '../../../main/services/sync/sync-service';
import { openMemoryStore } from '../services/memory-store';

describe('sync service pending watch', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reports a status change when an area writes a mutation, so the status bar shows the new pending count', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-pending-'));
    dirs.push(dataDir);
    const store = await openMemoryStore(migrations);
    const clock = new ManualClock('2026-05-03T10:00:00.000Z');
    const seen: number[] = [];
    const sync: SyncService = new SyncService({
      dataDir,
      store,
      clock,
      hubUrl: () => '',
      enabled: true,
      pendingWatchMs: 10,
      onStatusChanged: () => void sync.status().then((s) => seen.push(s.pending)),
    });
    sync.start();
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(0);
      await store.transaction(
        mutationStatements({
          entity: 'case',
          entityId: 'c-1',
          op: 'upsert',
          fields: { title: 'Seal check' },
          at: clock.now(),
          actorId: 'u-1',
        }),
      );
      await expect.poll(() => seen.at(-1)).toBe(1);
      const calls = seen.length;
      // No change, no further reports.
      await new Promise((r) => setTimeout(r, 60));
      expect(seen.length).toBe(calls);
      expect((await sync.status()).state).toBe('standalone');
    } finally {
      await sync.stop();
    }
  });
});
