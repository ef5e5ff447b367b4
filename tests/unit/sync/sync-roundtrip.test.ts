import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { createHash } from 'node:crypto';
import { blobUploadStatements } from '../../../main/services/sync/blob-queue';
import { mutationStatements } from '../../../main/services/sync/outbox';
import { registerSyncEntity } from '../../../main/services/sync/sync-entity';
import type { BlobSource } from '../../../main/services/sync/sync-engine';
import { addDeviceToken, openWorkstation, probeRowStatement, readProbe, type Workstation } from '../../integration/sync-harness';

// An entity whose list items point at content blobs, like case evidence.
registerSyncEntity({
  entity: 'exhibit',
  listFields: ['files'],
  applyRemote: (state) => [probeRowStatement(`exhibit:${state.entityId}`, { deleted: state.deleted, fields: state.fields })],
  readLocal: async (id, store) => (await readProbe(store, `exhibit:${id}`)) as Record<string, unknown> | null,
  blobRefs: (state) => ((state.fields.files as Array<{ sha256: string }> | undefined) ?? []).map((f) => f.sha256),
});

const memoryBlobs = (): BlobSource & { map: Map<string, Uint8Array> } => {
  const map = new Map<string, Uint8Array>();
  return {
    map,
    read: async (sha) => map.get(sha) ?? null,
    has: async (sha) => map.has(sha),
    put: async (bytes) => void map.set(createHash('sha256').update(bytes).digest('hex'), bytes),
  };
};
import { describeWithPostgres } from '../../support/describe-with-postgres';
import { startLocalHub, type LocalHub } from '../../support/local-hub';

describeWithPostgres('sync round trip through a real hub', () => {
  let local: LocalHub | undefined;
  const clock = new ManualClock('2026-05-01T08:00:00.000Z');
  const stations: Workstation[] = [];
  const blobs = [memoryBlobs(), memoryBlobs()];
  const auditHead = { seq: 7, head: 'e3'.repeat(32) };

  beforeAll(async () => {
    local = await startLocalHub('cw-sync-rt');
    const { cluster, url, dir } = local;
    for (const [i, name] of ['a', 'b'].entries()) {
      const token = await addDeviceToken(cluster.url, `ws-${name}`);
      stations.push(
        await openWorkstation(name, join(dir, name), clock, {
          hub: () => ({ url, token }),
          blobs: blobs[i],
          blobChunkBytes: 1000,
          auditHead: async () => (name === 'a' ? auditHead : null),
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    for (const s of stations) await s.store.close();
    await local?.stop();
  });

  it('merges lists, orders scalars by the hub and keeps the loser of a concurrent edit', async () => {
    const [a, b] = stations as [Workstation, Workstation];
    await a.mutate({ entityId: 'c1', op: 'upsert', fields: { status: 'open', weight: 10 } });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect((await readProbe(b.store, 'c1'))?.fields).toEqual({ status: 'open', weight: 10 });

    // Both edit status and add a note while apart.
    await a.mutate({ entityId: 'c1', op: 'upsert', fields: { status: 'inspection' } });
    await a.mutate({ entityId: 'c1', op: 'append', fields: { notes: [{ id: 'n-a', text: 'seal broken' }] } });
    await b.mutate({ entityId: 'c1', op: 'upsert', fields: { status: 'closed' } });
    await b.mutate({ entityId: 'c1', op: 'append', fields: { notes: [{ id: 'n-b', text: 'x-ray clear' }] } });
    // Before the hub sees B's edit, B shows its own pending value.
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    const docA = await readProbe(a.store, 'c1');
    const docB = await readProbe(b.store, 'c1');
    expect(docA).toEqual(docB);
    expect(docA?.fields.status).toBe('closed'); // B pushed last: hub order decides
    expect(docA?.fields.notes).toEqual([
      { id: 'n-a', text: 'seal broken' },
      { id: 'n-b', text: 'x-ray clear' },
    ]);
    const conflictsA = await a.engine.conflicts();
    const conflictsB = await b.engine.conflicts();
    expect(conflictsA.map((c) => [c.field, c.winnerValue, c.loserValue])).toEqual([['status', 'closed', 'inspection']]);
    expect(conflictsB.map((c) => c.id)).toEqual(conflictsA.map((c) => c.id));
    const hubConflicts = await local!.hub.pool.query('SELECT id FROM conflicts');
    expect(hubConflicts.rows.map((r: { id: string }) => r.id)).toEqual(conflictsA.map((c) => c.id));
    expect((await a.engine.status()).pending).toBe(0);

    // A takes the losing value back: a new mutation that syncs to B; no new conflict (A had seen B's value).
    const resolved = await a.engine.resolveConflict(conflictsA[0]?.id ?? '', 'take-loser', 'sup-1');
    expect(resolved.resolution).toBe('took-loser');
    expect((await readProbe(a.store, 'c1'))?.fields.status).toBe('inspection');
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect((await readProbe(b.store, 'c1'))?.fields.status).toBe('inspection');
    expect(await b.engine.conflicts()).toHaveLength(1);
  });

  it('shows local pending values over pulled ones until the hub has them', async () => {
    const [a, b] = stations as [Workstation, Workstation];
    await a.mutate({ entityId: 'c2', op: 'upsert', fields: { assignee: 'u-a' } });
    await a.engine.syncOnce();
    await b.mutate({ entityId: 'c2', op: 'upsert', fields: { assignee: 'u-b' } });
    // Pull only (the hub is unreachable for pushes would be the real case): B keeps showing its own value.
    expect((await readProbe(b.store, 'c2'))?.fields.assignee).toBe('u-b');
    await b.engine.syncOnce();
    expect((await readProbe(b.store, 'c2'))?.fields.assignee).toBe('u-b');
    await a.engine.syncOnce();
    expect((await readProbe(a.store, 'c2'))?.fields.assignee).toBe('u-b');
  });

  it('uploads evidence blobs once in resumable chunks and fetches them where they are referenced', async () => {
    const [a, b] = stations as [Workstation, Workstation];
    const bytes = new Uint8Array(4321).map((_, i) => (i * 31) % 251);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    blobs[0]?.map.set(sha256, bytes);
    await a.store.transaction([
      ...mutationStatements({
        entity: 'exhibit',
        entityId: 'x1',
        op: 'append',
        fields: { files: [{ id: 'f1', sha256 }] },
        at: clock.now(),
        actorId: 'u1',
      }),
      ...blobUploadStatements({ sha256, size: bytes.length, at: clock.now() }),
    ]);
    const roundA = await a.engine.syncOnce();
    expect(roundA.blobsUploaded).toBe(1);
    expect((await a.engine.syncOnce()).blobsUploaded).toBe(0); // uploaded once
    const roundB = await b.engine.syncOnce();
    expect(roundB.blobsDownloaded).toBe(1);
    expect(Buffer.compare(Buffer.from(blobs[1]?.map.get(sha256) ?? []), Buffer.from(bytes))).toBe(0);
    expect((await readProbe(b.store, 'exhibit:x1'))?.fields.files).toEqual([{ id: 'f1', sha256 }]);
  });

  it('stores the hub-signed receipt for the audit chain head', async () => {
    const [a] = stations as [Workstation];
    await a.engine.syncOnce();
    const receipts = await a.store.query('SELECT seq, head, key_id, signature FROM sync_audit_receipts');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ seq: 7, head: auditHead.head });
  });
});
