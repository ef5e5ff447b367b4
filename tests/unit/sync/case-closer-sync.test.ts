import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { createCaseServices } from '../../../main/services/cases/case-handlers';
import { ManualClock } from '../../../main/services/clock';
import { caseCloserMigrations } from '../../../main/services/cases/case-closer-migrations';
import { CASE_ENTITY } from '../../../main/services/cases/case-sync';
import { migrations } from '../../../main/services/migrations';
import { openStore } from '../../../main/services/store';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import { mutationStatements } from '../../../main/services/sync/outbox';
import { SyncEngine } from '../../../main/services/sync/sync-engine';
import { addDeviceToken } from '../../integration/sync-harness';
import { openMemoryStore } from '../services/memory-store';
import { describeWithPostgres } from '../../support/describe-with-postgres';
import { startLocalHub, type LocalHub } from '../../support/local-hub';
import { testUser, userStatements } from '../../support/users';

// Li Na opens, moves and closes the case: closing (cases.close) is an officer's or a supervisor's decision.
// The audit entries written below name her as 'Li Na (officer.li)'.
const officer = testUser('officer', { id: 'u-li', username: 'officer.li', displayName: 'Li Na' });
const supervisor = testUser('supervisor', { id: 'u-zhou', username: 'sup.zhou', displayName: 'Zhou Qiang' });

describeWithPostgres('who closed a case, across workstations through the hub', () => {
  let local: LocalHub | undefined;
  let db: pg.Pool | undefined;
  let workstations = 0;
  // The hub binds a user to the device that first sent their changes: the officer works at device A, the supervisor at B.
  const tokens = new Map<'A' | 'B', string>();

  beforeAll(async () => {
    local = await startLocalHub('cw-case-closer');
    db = new pg.Pool({ connectionString: local.cluster.url, max: 1 });
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await local?.stop();
  });

  async function workstation(device: 'A' | 'B', clock: ManualClock, storeDir?: string) {
    const { cluster, url, dir } = local!;
    workstations += 1;
    const name = `ws-${workstations}`;
    const token = tokens.get(device) ?? (await addDeviceToken(cluster.url, `device-${device}`));
    tokens.set(device, token);
    const raw = storeDir ? await openStore({ dir: storeDir, name: 'live', migrations }) : await openMemoryStore(migrations);
    const audit = await AuditChain.open(raw, Buffer.alloc(32, workstations), clock);
    const store = audit.wrap(raw);
    const { cases } = createCaseServices({ dataDir: join(dir, name), store, clock, audit });
    const engine = new SyncEngine({ store, clock, hub: () => ({ url, token }) });
    return { cases, engine, store };
  }

  /** Two workstations holding one case at pending_decision, both in sync with the hub. */
  async function caseOnTwo() {
    const clock = new ManualClock('2026-06-02T07:00:00.000Z');
    const a = await workstation('A', clock);
    const b = await workstation('B', clock);
    const opened = await a.cases.open(officer, {
      title: 'Undeclared tobacco',
      subject: { kind: 'container', ref: 'MSCU4821907' },
    });
    for (const status of ['under_inspection', 'pending_decision'] as const)
      await a.cases.setStatus(officer, { id: opened.id, status });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect((await b.cases.get(supervisor, opened.id)).status).toBe('pending_decision');
    clock.advance(60_000);
    return {
      clock,
      a,
      b,
      id: opened.id,
      close: async () => {
        await a.store.close();
        await b.store.close();
      },
    };
  }

  /** Open conflicts about one case (every workstation pulls the whole shared hub log, other tests' cases too). */
  const conflictsOf = async (ws: { engine: SyncEngine }, id: string) =>
    (await ws.engine.conflicts()).filter((c) => c.entityId === id);

  const hubCase = async (id: string) =>
    (await db!.query('SELECT status, closed_by_id, closed_by_name, closed_at FROM case_states WHERE case_id = $1', [id]))
      .rows[0] as Record<string, unknown> | undefined;

  it('a case closed on A shows its closer on B and at the hub, sent once; a reopen on B clears it everywhere', async () => {
    const { clock, a, b, id, close } = await caseOnTwo();
    const closed = await a.cases.setStatus(officer, { id, status: 'closed' });
    // A round, then a repeated one: the close reaches the hub once whatever the retries.
    await a.engine.syncOnce();
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    const onB = await b.cases.get(supervisor, id);
    expect(onB).toMatchObject({ status: 'closed', closedAt: closed.closedAt, closedBy: { id: officer.id, name: 'Li Na' } });
    const sent = await db!.query(
      "SELECT count(*)::int AS n FROM changes WHERE entity = 'case' AND entity_id = $1 AND fields->>'closedById' = $2",
      [id, officer.id],
    );
    expect(sent.rows[0].n).toBe(1);
    expect(await hubCase(id)).toEqual({
      status: 'closed',
      closed_by_id: officer.id,
      closed_by_name: 'Li Na',
      closed_at: new Date(closed.closedAt!),
    });

    clock.advance(3_600_000);
    await b.cases.setStatus(supervisor, { id, status: 'under_inspection', reason: 'lab result came back' });
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(await a.cases.get(officer, id)).toMatchObject({ status: 'under_inspection', closedAt: null, closedBy: null });
    expect(await hubCase(id)).toEqual({ status: 'under_inspection', closed_by_id: null, closed_by_name: null, closed_at: null });
    expect(await conflictsOf(a, id)).toEqual([]);
    await close();
  }, 60_000);

  it('a close on A and an edit of another field on B while apart both stand, with no conflict', async () => {
    const { a, b, id, close } = await caseOnTwo();
    await a.cases.setStatus(officer, { id, status: 'closed' });
    await b.cases.update(supervisor, { id, title: 'Undeclared tobacco, 40 cartons' });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    for (const ws of [a, b]) {
      expect(await ws.cases.get(supervisor, id)).toMatchObject({
        status: 'closed',
        title: 'Undeclared tobacco, 40 cartons',
        closedBy: { id: officer.id, name: 'Li Na' },
      });
      expect(await conflictsOf(ws, id)).toEqual([]);
    }
    await close();
  }, 60_000);

  it('a close on A and a status move on B while apart: hub order decides status and closer as one, and the losing close is kept', async () => {
    const { a, b, id, close } = await caseOnTwo();
    await a.cases.setStatus(officer, { id, status: 'closed' });
    await b.cases.setStatus(supervisor, { id, status: 'under_inspection' });
    // A reaches the hub first, so B's move is the later write and wins.
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    for (const ws of [a, b]) {
      expect(await ws.cases.get(supervisor, id)).toMatchObject({ status: 'under_inspection', closedAt: null, closedBy: null });
      const conflicts = await conflictsOf(ws, id);
      expect(conflicts.map((c) => c.field).sort()).toEqual(['closedAt', 'closedById', 'closedByName', 'status']);
      const lost = Object.fromEntries(conflicts.map((c) => [c.field, c.loserValue]));
      expect(lost).toMatchObject({ status: 'closed', closedById: officer.id, closedByName: 'Li Na' });
    }
    expect(await hubCase(id)).toMatchObject({ status: 'under_inspection', closed_by_id: null });
    await close();
  }, 60_000);

  it("a case closed before closers were recorded gets its closer from the closing workstation's audit log, on B too", async () => {
    const clock = new ManualClock('2026-06-03T07:00:00.000Z');
    const storeDir = join(local!.dir, 'upgraded');
    // The previous release on A: a case opened and closed offline, its changes still in the outbox.
    const old = await openStore({
      dir: storeDir,
      name: 'live',
      migrations: migrations.slice(
        0,
        migrations.findIndex((m) => m.name === caseCloserMigrations[0]!.name),
      ),
    });
    const id = '0b7c6a52-4a8e-4d1c-9a51-1f6f0a3c2e11';
    const openedAt = new Date('2026-06-01T08:00:00.000Z');
    const closedAt = new Date('2026-06-01T10:30:00.000Z');
    const opening = {
      ref: 'C-20260601-0B7C6A52',
      title: 'Seal tampered',
      status: 'open',
      subjectKind: 'container',
      subjectRef: 'TGHU7712345',
      subjectLabel: null,
      origin: '{"kind":"manual"}',
      assigneeId: null,
      assigneeName: null,
      openedById: officer.id,
      openedByName: 'Li Na',
      openedAt: openedAt.toISOString(),
      updatedAt: openedAt.toISOString(),
      closedAt: null,
    };
    await old.transaction([
      ...userStatements([officer]),
      {
        sql: `INSERT INTO cases (id, ref, title, status, subject_kind, subject_ref, origin, opened_by_id, opened_by_name, opened_at, updated_at, closed_at)
              VALUES (?, ?, 'Seal tampered', 'closed', 'container', 'TGHU7712345', '{"kind":"manual"}', ?, 'Li Na', ?, ?, ?)`,
        params: [id, opening.ref, officer.id, opening.openedAt, closedAt.toISOString(), closedAt.toISOString()],
      },
      {
        sql: 'INSERT INTO audit (at, actor_id, actor_name, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)',
        params: [
          closedAt.toISOString(),
          officer.id,
          'Li Na (officer.li)',
          'case.status',
          id,
          canonicalJson({ from: 'pending_decision', reason: null, ref: opening.ref, to: 'closed' }),
        ],
      },
      ...mutationStatements({
        entity: CASE_ENTITY,
        entityId: id,
        op: 'upsert',
        fields: opening,
        at: openedAt,
        actorId: officer.id,
      }),
      ...mutationStatements({
        entity: CASE_ENTITY,
        entityId: id,
        op: 'upsert',
        fields: { status: 'closed', closedAt: closedAt.toISOString(), updatedAt: closedAt.toISOString() },
        at: closedAt,
        actorId: officer.id,
      }),
    ]);
    await old.close();

    // Upgraded, A fills the closer from its audit log and sends it with its other pending changes.
    const a = await workstation('A', clock, storeDir);
    const b = await workstation('B', clock);
    expect((await a.cases.get(officer, id)).closedBy).toEqual({ id: officer.id, name: 'Li Na' });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(await b.cases.get(supervisor, id)).toMatchObject({
      status: 'closed',
      closedAt: closedAt.toISOString(),
      closedBy: { id: officer.id, name: 'Li Na' },
    });
    expect(await hubCase(id)).toEqual({
      status: 'closed',
      closed_by_id: officer.id,
      closed_by_name: 'Li Na',
      closed_at: closedAt,
    });
    expect(await conflictsOf(b, id)).toEqual([]);
    await a.store.close();
    await b.store.close();
  }, 60_000);
});
