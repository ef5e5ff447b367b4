import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { createCaseServices } from '../../../main/services/cases/case-handlers';
import { ManualClock } from '../../../main/services/clock';
import { EvidenceStore } from '../../../main/services/evidence/evidence-store';
import { migrations } from '../../../main/services/migrations';
import { evidenceBlobSource } from '../../../main/services/sync/evidence-blob-source';
import { SyncEngine } from '../../../main/services/sync/sync-engine';
import { addDeviceToken } from '../../integration/sync-harness';
import { openMemoryStore } from '../services/memory-store';
import { describeWithPostgres } from '../../support/describe-with-postgres';
import { startLocalHub, type LocalHub } from '../../support/local-hub';
import { testUser } from '../../support/users';

const inspector = testUser('inspector', { id: 'insp.li', username: 'insp.li', displayName: 'Li Na' });

/** One workstation as the app builds it: chained store, case services, evidence store as the engine's blob source. */
async function openCaseWorkstation(name: string, root: string, clock: ManualClock, hub: () => { url: string; token: string }) {
  const dataDir = join(root, name);
  const raw = await openMemoryStore(migrations);
  const audit = await AuditChain.open(raw, Buffer.alloc(32, name.charCodeAt(0)), clock);
  const store = audit.wrap(raw);
  const { cases } = createCaseServices({ dataDir, store, clock, audit });
  const evidence = new EvidenceStore(dataDir);
  const engine = new SyncEngine({ store, clock, hub, blobs: evidenceBlobSource(evidence), blobChunkBytes: 4096 });
  return { cases, evidence, engine, store };
}

describeWithPostgres('case evidence through the hub', () => {
  let local: LocalHub | undefined;

  beforeAll(async () => {
    local = await startLocalHub('cw-case-blob');
  }, 120_000);

  afterAll(async () => {
    await local?.stop();
  });

  it('a second workstation receives the case and the evidence file, byte for byte', async () => {
    const clock = new ManualClock('2026-05-02T09:00:00.000Z');
    const { cluster, url, dir } = local!;
    const tokenA = await addDeviceToken(cluster.url, 'gate-a');
    const tokenB = await addDeviceToken(cluster.url, 'gate-b');
    const a = await openCaseWorkstation('a', dir, clock, () => ({ url, token: tokenA }));
    const b = await openCaseWorkstation('b', dir, clock, () => ({ url, token: tokenB }));

    // Larger than one upload chunk, so the blob travels in several resumable pieces.
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 37 + 11) % 256));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const opened = await a.cases.open(inspector, { title: 'Seal tampered', subject: { kind: 'container', ref: 'TGHU7712345' } });
    a.cases.uploadChunk(inspector, 'up-seal', 0, bytes.toString('base64'));
    await a.cases.addFile(inspector, {
      caseId: opened.id,
      fileName: 'seal.jpg',
      mediaType: 'image/jpeg',
      uploadId: 'up-seal',
      sha256,
    });

    const roundA = await a.engine.syncOnce();
    expect(roundA.blobsUploaded).toBe(1);
    expect((await b.evidence.check(sha256)).state).toBe('missing');

    const roundB = await b.engine.syncOnce();
    expect(roundB.blobsDownloaded).toBe(1);
    const received = await b.evidence.read(sha256, 0, Number.MAX_SAFE_INTEGER);
    expect(Buffer.compare(Buffer.from(received.bytes), bytes)).toBe(0);

    // The case on B lists the evidence and re-verifies it against the downloaded file.
    const onB = await b.cases.get(inspector, opened.id);
    expect(onB.title).toBe('Seal tampered');
    expect(onB.evidence.map((e) => [e.fileName, e.sha256, e.verify?.state])).toEqual([['seal.jpg', sha256, 'ok']]);
    // Nothing left to fetch: the next round downloads nothing again.
    expect((await b.engine.syncOnce()).blobsDownloaded).toBe(0);
    await a.store.close();
    await b.store.close();
  }, 60_000);
});
