import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { blobUploadStatements } from '../../../main/services/sync/blob-queue';
import type { FetchLike } from '../../../main/services/sync/hub-client';
import type { BlobSource } from '../../../main/services/sync/sync-engine';
import { addDeviceToken, openWorkstation, type Workstation } from '../../integration/sync-harness';
import { describeWithPostgres } from '../../support/describe-with-postgres';
import { startLocalHub, type LocalHub } from '../../support/local-hub';

const CHUNK = 1000;

describeWithPostgres('evidence blob upload resumes after an interruption', () => {
  let local: LocalHub | undefined;
  let station: Workstation;
  const clock = new ManualClock('2026-05-01T08:00:00.000Z');
  const bytes = new Uint8Array(7 * CHUNK + 321).map((_, i) => (i * 17 + 3) % 253);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source: BlobSource = {
    read: async (sha) => (sha === sha256 ? bytes : null),
    has: async (sha) => sha === sha256,
    put: async () => undefined,
  };

  /** Every chunk POST that reached the hub, by offset; cutAfter: the answer to that upload (1-based) is lost. */
  const sent: number[] = [];
  let cutAfter = 0;
  const cuttingFetch: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method === 'POST' && String(input).includes('/v1/blobs/')) {
      sent.push(Number(new Headers(init.headers).get('upload-offset')));
      // The hub stored the chunk, then the line dropped before its answer came back.
      if (sent.length === cutAfter) throw new TypeError('fetch failed: connection reset');
    }
    return response;
  };

  beforeAll(async () => {
    local = await startLocalHub('cw-blob-resume');
    const { cluster, url: hubUrl, dir } = local;
    const token = await addDeviceToken(cluster.url, 'ws-blob');
    station = await openWorkstation('b', join(dir, 'b'), clock, {
      hub: () => ({ url: hubUrl, token }),
      blobs: source,
      blobChunkBytes: CHUNK,
      fetch: cuttingFetch,
    });
  }, 120_000);

  afterAll(async () => {
    await station?.store.close();
    await local?.stop();
  });

  it('continues from the hub offset without sending a finished chunk again, then never re-uploads', async () => {
    await station.store.transaction(blobUploadStatements({ sha256, size: bytes.length, at: clock.now() }));
    cutAfter = 3;
    await expect(station.engine.syncOnce()).rejects.toThrow(/connection reset|unreachable|fetch failed/i);
    expect(sent).toEqual([0, CHUNK, 2 * CHUNK]);

    const round = await station.engine.syncOnce();
    expect(round.blobsUploaded).toBe(1);
    const allChunks = Array.from({ length: Math.ceil(bytes.length / CHUNK) }, (_, i) => i * CHUNK);
    expect(sent).toEqual(allChunks); // each chunk exactly once, in order, across both rounds

    const again = await station.engine.syncOnce();
    expect(again.blobsUploaded).toBe(0);
    expect(sent).toHaveLength(allChunks.length);
    const queued = await station.store.query('SELECT uploaded_at FROM sync_blob_queue WHERE sha256 = :s', { ':s': sha256 });
    expect(queued[0]?.uploaded_at).not.toBeNull();
  });
});
