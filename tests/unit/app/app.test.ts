import { describe, expect, it } from 'vitest';
import type { AppStatus, Notice } from '../../../preload/contract/schemas/app';
import { AppStatusMonitor } from '../../../main/services/app/app-status';
import { NoticeBoard } from '../../../main/services/app/notices';
import { postStoreRecoveryNotices } from '../../../main/services/app/store-notices';
import { ManualClock } from '../../../main/services/clock';

describe('notices', () => {
  it('turns store recovery events into notices the officer sees, and dismisses them', () => {
    const posted: Notice[] = [];
    const board = new NoticeBoard({ clock: new ManualClock(), onNotice: (notice) => posted.push(notice) });
    postStoreRecoveryNotices(
      [
        { kind: 'loaded', snapshotBytes: 1024, journalEntries: 3 },
        {
          kind: 'snapshot-corrupt',
          file: 'live.snapshot',
          movedTo: 'live.snapshot.corrupt-1',
          recoveredFrom: 'previous-snapshot',
        },
        { kind: 'torn-tail-discarded', bytes: 37 },
      ],
      board,
    );
    expect(board.list().map((n) => [n.level, n.code])).toEqual([
      ['warning', 'store.snapshotCorrupt'],
      ['info', 'store.tornTailDiscarded'],
    ]);
    expect(board.list()[0]!.message).toContain('live.snapshot.corrupt-1');
    expect(posted).toHaveLength(2);
    board.dismiss(posted[0]!.id);
    board.dismiss('unknown');
    expect(board.list().map((n) => n.code)).toEqual(['store.tornTailDiscarded']);
  });
});

describe('app status', () => {
  it('is standalone and online without a hub; follows the hub when one is configured', async () => {
    const clock = new ManualClock();
    let hubUrl = '';
    let reachable = true;
    let probes = 0;
    const changes: AppStatus[] = [];
    const monitor = new AppStatusMonitor({
      clock,
      hubUrl: () => hubUrl,
      probeHub: async () => (probes++, reachable),
      onChanged: (status) => changes.push(status),
    });
    expect(await monitor.get()).toEqual({
      online: true,
      sync: { state: 'standalone', pending: 0, lastSyncAt: null },
      cameras: { total: 0, live: 0, stalled: 0, failed: 0 },
    });
    hubUrl = 'https://hub.customs.example';
    expect((await monitor.get()).sync.state).toBe('idle');
    reachable = false;
    expect((await monitor.get()).online).toBe(true); // cached for 15 s
    clock.advance(15_000);
    expect(await monitor.get()).toMatchObject({ online: false, sync: { state: 'offline' } });
    expect(probes).toBe(2);
    expect(changes.map((s) => s.sync.state)).toEqual(['idle', 'offline']);
  });
});
