/**
 * What the hub lets in and what a workstation lands, through a real PostgreSQL hub:
 * - a second device cannot push a status the case workflow does not have, nor a
 *   custody entry in the name of another workstation's user (400 / 403, nothing stored);
 * - a change that reaches the hub's log without those checks (written straight
 *   into its database) is quarantined by the workstation that pulls it, with the
 *   reason, and sync goes on past it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditChain } from '../../main/services/audit/audit-chain';
import { createCaseServices } from '../../main/services/cases/case-handlers';
import { ManualClock } from '../../main/services/clock';
import { migrations } from '../../main/services/migrations';
import { HubClient, HubHttpError } from '../../main/services/sync/hub-client';
import { type QuarantinedChange, SyncEngine } from '../../main/services/sync/sync-engine';
import type { WireMutation } from '../../preload/contract/hub-wire';
import { openMemoryStore } from '../unit/services/memory-store';
import { describeWithPostgres } from '../support/describe-with-postgres';
import { startLocalHub, type LocalHub } from '../support/local-hub';
import { testUser } from '../support/users';
import { addDeviceToken } from './sync-harness';

const inspector = testUser('inspector', { id: 'u-li', username: 'insp.li', displayName: 'Li Na' });
const supervisor = testUser('supervisor', { id: 'u-zhou', username: 'sup.zhou', displayName: 'Zhou Qiang' });

describeWithPostgres('hub validation and workstation quarantine', () => {
  let local: LocalHub;
  let db: pg.Pool;
  const clock = new ManualClock('2026-06-03T08:00:00.000Z');

  async function workstation(name: string, onQuarantine?: (changes: QuarantinedChange[]) => void) {
    const token = await addDeviceToken(local.cluster.url, name);
    const raw = await openMemoryStore(migrations);
    const audit = await AuditChain.open(raw, Buffer.alloc(32, name.charCodeAt(0)), clock);
    const store = audit.wrap(raw);
    const { cases } = createCaseServices({ dataDir: join(local.dir, name), store, clock, audit });
    const engine = new SyncEngine({ store, clock, hub: () => ({ url: local.url, token }), onQuarantine });
    return { cases, engine, store, token };
  }

  /** A case with one evidence file (and its intake custody entry) opened on A and pushed. */
  let a: Awaited<ReturnType<typeof workstation>>;
  let caseId = '';

  beforeAll(async () => {
    local = await startLocalHub('cw-hub-validation');
    db = new pg.Pool({ connectionString: local.cluster.url, max: 2 });
    a = await workstation('gate-a');
    const opened = await a.cases.open(inspector, { title: 'Seal tampered', subject: { kind: 'container', ref: 'TGHU7712345' } });
    caseId = opened.id;
    const bytes = Buffer.from('seal photo');
    a.cases.uploadChunk(inspector, 'up-1', 0, bytes.toString('base64'));
    await a.cases.addFile(inspector, {
      caseId,
      fileName: 'seal.jpg',
      mediaType: 'image/jpeg',
      uploadId: 'up-1',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    await a.engine.syncOnce();
  }, 120_000);

  afterAll(async () => {
    await a?.store.close();
    await db?.end();
    await local?.stop();
  });

  const hubChanges = async (): Promise<number> => Number((await db.query('SELECT count(*) AS n FROM changes')).rows[0].n);

  it('refuses a forged status value and a forged custody entry from a second device, storing nothing', async () => {
    const tokenB = await addDeviceToken(local.cluster.url, 'gate-b');
    const b = new HubClient({ url: local.url, token: tokenB });
    const before = await hubChanges();
    const at = clock.now().toISOString();
    const push = (fields: Record<string, unknown>, op: 'upsert' | 'append', actorId: string) =>
      b.push('forger-client-0001', [
        {
          mutationId: 1,
          baseSeq: 0,
          entity: 'case',
          entityId: caseId,
          op,
          fields: fields as WireMutation['fields'],
          at,
          actorId,
        },
      ]);

    const status = await push({ status: 'released' }, 'upsert', 'u-b').catch((e: unknown) => e);
    expect(status).toBeInstanceOf(HubHttpError);
    expect(status).toMatchObject({ status: 400, code: 'invalid_entity' });
    expect((status as Error).message).toMatch(new RegExp(`case ${caseId}: field "status"`));

    // A's intake entry, re-sent by B as a transfer in the inspector's name.
    const intake = JSON.parse(
      (
        await db.query("SELECT item FROM entity_list_items WHERE entity = 'case' AND field = 'custody' AND entity_id = $1", [
          caseId,
        ])
      ).rows[0].item,
    ) as Record<string, unknown>;
    expect(intake.byId).toBe(inspector.id);
    const forged = { ...intake, id: randomUUID(), action: 'transferred', reason: 'handed to the carrier', to: 'carrier' };

    const asInspector = await push({ custody: [forged] }, 'append', inspector.id).catch((e: unknown) => e);
    expect(asInspector).toMatchObject({ status: 403, code: 'actor_of_other_device' });
    const inOwnName = await push({ custody: [forged] }, 'append', 'u-b').catch((e: unknown) => e);
    expect(inOwnName).toMatchObject({ status: 400, code: 'invalid_entity' });
    expect((inOwnName as Error).message).toMatch(/field "custody" item 0: recorded by u-li but sent by actor u-b/);

    expect(await hubChanges()).toBe(before);
    // The same device pushing a valid change in its own user's name is accepted.
    expect(await push({ updatedAt: at }, 'upsert', 'u-b')).toMatchObject({ applied: 1 });
  });

  it('quarantines bad rows written straight into the hub database, shows why, and keeps syncing', async () => {
    const quarantined: QuarantinedChange[] = [];
    const c = await workstation('gate-c', (changes) => quarantined.push(...changes));
    await c.engine.syncOnce();
    expect((await c.cases.get(supervisor, caseId)).status).toBe('open');

    // Two rows no push would have passed: a status outside the workflow, and custody for evidence that does not exist.
    const head = Number((await db.query('SELECT last_seq FROM log_head')).rows[0].last_seq);
    await db.query("INSERT INTO clients (client_id, device_id) SELECT 'db-writer-0001', id FROM devices WHERE name = 'gate-b'");
    const custody = {
      id: randomUUID(),
      evidenceId: 'no-such-evidence',
      at: clock.now().toISOString(),
      action: 'transferred',
      reason: 'moved',
      to: null,
      byId: inspector.id,
      byName: 'Li Na',
    };
    await db.query(
      `INSERT INTO changes (seq, client_id, mutation_id, base_seq, entity, entity_id, op, fields, at, actor_id) VALUES
         ($1::bigint, 'db-writer-0001', 1, $1::bigint - 1, 'case', $3, 'upsert', '{"status":"released"}', now(), $4),
         ($2::bigint, 'db-writer-0001', 2, $1::bigint - 1, 'case', $3, 'append', $5, now(), $4)`,
      [head + 1, head + 2, caseId, inspector.id, JSON.stringify({ custody: [custody] })],
    );
    await db.query('UPDATE log_head SET last_seq = $1', [head + 2]);

    await c.engine.syncOnce();
    const held = await c.engine.quarantine();
    expect(held.map((q) => q.seq)).toEqual([head + 2, head + 1]);
    expect(held[1]?.reason).toMatch(/refused by its schema: case .*: field "status"/);
    expect(held[0]?.reason).toMatch(/refused by the database: .*FOREIGN KEY constraint failed/);
    expect(quarantined.map((q) => q.seq).sort()).toEqual([head + 1, head + 2]);
    const status = await c.engine.status();
    expect(status).toMatchObject({ quarantined: 2, lastError: null });
    expect((await c.cases.get(supervisor, caseId)).status).toBe('open');

    // Later changes still arrive: the cursor moved past the bad rows.
    clock.advance(60_000);
    await a.cases.setStatus(inspector, { id: caseId, status: 'under_inspection' });
    await a.engine.syncOnce();
    await c.engine.syncOnce();
    expect((await c.cases.get(supervisor, caseId)).status).toBe('under_inspection');
    expect((await c.engine.status()).quarantined).toBe(2);
    // A, which pulled the same rows, quarantined them as well and synced on.
    expect((await a.engine.status()).quarantined).toBe(2);
    await c.store.close();
  }, 60_000);
});
