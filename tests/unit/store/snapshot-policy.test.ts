import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT_AFTER_BYTES, DEFAULT_SNAPSHOT_GROWTH_RATIO, StoreEngine } from '../../../main/services/store/engine';
import { peekSnapshotSeq, SNAPSHOT_HEADER_BYTES, snapshotPaths } from '../../../main/services/store/snapshot-files';
import { insert, migrations, tempDir } from './helpers';

// The background snapshot threshold scales with the image: max(snapshotAfterBytes, ratio × last image).

let cleanup = (): void => {};
afterEach(() => cleanup());

function dir(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

const KB = 1024;
const blob = (bytes: number, seed: number) => Uint8Array.from({ length: bytes }, (_, i) => (i * 31 + seed) & 255);

describe('snapshot policy', () => {
  it('waits for ratio × the last image of journal once that is above the minimum', async () => {
    const d = dir();
    const engine = await StoreEngine.open({
      dir: d,
      name: 'live',
      migrations,
      snapshotAfterBytes: 16 * KB,
      snapshotGrowthRatio: 0.5,
    });
    try {
      // ~400 KB of rows (more image: one 8 KB row per page), then a snapshot: the threshold becomes half the image, not 16 KB.
      for (let id = 1; id <= 50; id += 1) engine.transaction([insert(id, `big ${id}`, blob(8 * KB, id))]);
      await engine.snapshot();
      const latest = snapshotPaths(d, 'live').latest;
      const seqAfterForced = peekSnapshotSeq(latest);
      const threshold = engine.snapshotThreshold();
      const image = statSync(latest).size - SNAPSHOT_HEADER_BYTES;
      expect(image).toBeGreaterThan(400 * KB);
      expect(threshold).toBeCloseTo(image * 0.5, -3);

      // 10 × ~11 KB of journal (base64 blobs): past the 16 KB minimum, far below the threshold.
      for (let id = 51; id <= 60; id += 1) engine.transaction([insert(id, `big ${id}`, blob(8 * KB, id))]);
      await engine.backgroundSettled();
      expect(peekSnapshotSeq(latest)).toBe(seqAfterForced);

      // Past the threshold (~60 × 11 KB of journal in all): a background snapshot starts by itself.
      for (let id = 61; id <= 110; id += 1) engine.transaction([insert(id, `big ${id}`, blob(8 * KB, id))]);
      await engine.backgroundSettled();
      expect(peekSnapshotSeq(latest)).toBeGreaterThan(seqAfterForced ?? 0);
    } finally {
      await engine.close();
    }
  });

  it('with ratio 0 keeps the fixed threshold; the default minimum is 8 MiB', async () => {
    const d = dir();
    const fixed = await StoreEngine.open({
      dir: d,
      name: 'fixed',
      migrations,
      snapshotAfterBytes: 16 * KB,
      snapshotGrowthRatio: 0,
    });
    try {
      for (let id = 1; id <= 50; id += 1) fixed.transaction([insert(id, `big ${id}`, blob(8 * KB, id))]);
      await fixed.snapshot();
      expect(fixed.snapshotThreshold()).toBe(16 * KB);
    } finally {
      await fixed.close();
    }
    const plain = await StoreEngine.open({ dir: d, name: 'plain', migrations });
    try {
      expect(plain.snapshotThreshold()).toBe(DEFAULT_SNAPSHOT_AFTER_BYTES);
    } finally {
      await plain.close();
    }
  });

  it('takes the image size it loaded from disk as the base after a restart', async () => {
    const d = dir();
    const first = await StoreEngine.open({ dir: d, name: 'live', migrations, snapshotAfterBytes: 16 * KB });
    for (let id = 1; id <= 50; id += 1) first.transaction([insert(id, `big ${id}`, blob(8 * KB, id))]);
    await first.close();
    const again = await StoreEngine.open({ dir: d, name: 'live', migrations, snapshotAfterBytes: 16 * KB });
    try {
      const loaded = again.openEvents.find((e) => e.kind === 'loaded');
      expect(loaded?.kind === 'loaded' && loaded.snapshotBytes).toBeGreaterThan(400 * KB);
      expect(again.snapshotThreshold()).toBe(
        loaded?.kind === 'loaded' ? loaded.snapshotBytes * DEFAULT_SNAPSHOT_GROWTH_RATIO : -1,
      );
    } finally {
      await again.close();
    }
  });

  it('refuses nonsense settings with a clear error', async () => {
    const d = dir();
    await expect(StoreEngine.open({ dir: d, name: 'bad', migrations, snapshotGrowthRatio: -1 })).rejects.toThrow(
      /snapshotGrowthRatio must be a finite number/,
    );
    await expect(StoreEngine.open({ dir: d, name: 'bad', migrations, snapshotAfterBytes: 0 })).rejects.toThrow(
      /snapshotAfterBytes must be positive/,
    );
  });
});
