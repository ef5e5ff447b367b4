import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WireMutation } from '../../../preload/contract/hub-wire';
import { caseCloserMigrations } from '../../../main/services/cases/case-closer-migrations';
import { CASE_ENTITY } from '../../../main/services/cases/case-sync';
import { migrations } from '../../../main/services/migrations';
import { openStore } from '../../../main/services/store';
import type { Statement } from '../../../main/services/store/types';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import { mutationStatements, outboxRowFromSql } from '../../../main/services/sync/outbox';

// The database as the previous release left it: every step but the closer's.
const before = migrations.slice(
  0,
  migrations.findIndex((m) => m.name === caseCloserMigrations[0]!.name),
);
const T = (minute: number) =>
  `2026-04-0${1 + Math.floor(minute / 1440)}T${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

const caseRow = (id: string, status: string, closedAt: string | null): Statement => ({
  sql: `INSERT INTO cases (id, ref, title, status, subject_kind, subject_ref, origin, opened_by_id, opened_by_name, opened_at, updated_at, closed_at)
        VALUES (?, ?, 'Seal mismatch', ?, 'container', 'TGHU7712345', '{"kind":"manual"}', 'u-wang', '王检查员', ?, ?, ?)`,
  params: [id, `C-${id}`, status, T(0), closedAt ?? T(1), closedAt],
});
const auditRow = (at: string, actorId: string, actorName: string, action: string, subject: string, to: string): Statement => ({
  sql: 'INSERT INTO audit (at, actor_id, actor_name, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)',
  params: [
    at,
    actorId,
    actorName,
    action,
    subject,
    canonicalJson({ from: 'pending_decision', reason: null, ref: `C-${subject}`, to }),
  ],
});

describe('closers of cases closed before they were recorded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-closer-backfill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("come from this workstation's audit entry of that very close, else stay unknown, and go to the hub once", async () => {
    const old = await openStore({ dir, name: 'live', migrations: before });
    await old.transaction([
      {
        sql: "INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('u-wang', 'insp.wang', '王检查员', 'inspector', 'x', 't', 't')",
      },
      {
        sql: "INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('u-zhou', 'sup.zhou', 'Zhou Qiang (night)', 'supervisor', 'x', 't', 't')",
      },
      // Closed here: the audit entry at the closing instant names the closer.
      caseRow('a', 'closed', T(60)),
      auditRow(T(60), 'u-wang', '王检查员 (insp.wang)', 'case.status', 'a', 'closed'),
      // A display name with parentheses of its own keeps them; only the user-name suffix goes.
      caseRow('b', 'closed', T(30)),
      auditRow(T(30), 'u-zhou', 'Zhou Qiang (night) (sup.zhou)', 'case.status', 'b', 'closed'),
      // Closed here once, reopened, then closed again on another workstation: the old close is not this closure.
      caseRow('c', 'closed', T(200)),
      auditRow(T(90), 'u-wang', '王检查员 (insp.wang)', 'case.status', 'c', 'closed'),
      // Closed by an account this workstation no longer knows: the audit's name as written.
      caseRow('d', 'closed', T(120)),
      auditRow(T(120), 'u-gone', 'Liu Fang (liu.f)', 'case.status', 'd', 'closed'),
      // Open now, closed before: no closer.
      caseRow('e', 'open', null),
      auditRow(T(10), 'u-wang', '王检查员 (insp.wang)', 'case.status', 'e', 'closed'),
      // Closed on another workstation and pulled here: no local entry, unknown.
      caseRow('f', 'closed', T(300)),
      { sql: 'UPDATE sync_state SET cursor = 17 WHERE id = 1' },
      // A change still waiting for the hub: the backfill numbers after it.
      ...mutationStatements({
        entity: CASE_ENTITY,
        entityId: 'f',
        op: 'upsert',
        fields: { title: 'Seal mismatch' },
        at: new Date(T(301)),
        actorId: 'u-wang',
      }),
    ]);
    await old.close();

    const read = async () => {
      const store = await openStore({ dir, name: 'live', migrations });
      try {
        return {
          closers: await store.query('SELECT id, closed_by_id, closed_by_name FROM cases ORDER BY id'),
          outbox: (await store.query('SELECT * FROM sync_outbox ORDER BY mutation_id')).map(outboxRowFromSql),
          next: (await store.query('SELECT next_mutation_id FROM sync_state'))[0]!.next_mutation_id,
          version: store.schemaVersion,
        };
      } finally {
        await store.close();
      }
    };
    const upgraded = await read();
    expect(upgraded.version).toBe(migrations.length);
    expect(upgraded.closers).toEqual([
      { id: 'a', closed_by_id: 'u-wang', closed_by_name: '王检查员' },
      { id: 'b', closed_by_id: 'u-zhou', closed_by_name: 'Zhou Qiang (night)' },
      { id: 'c', closed_by_id: null, closed_by_name: null },
      { id: 'd', closed_by_id: 'u-gone', closed_by_name: 'Liu Fang (liu.f)' },
      { id: 'e', closed_by_id: null, closed_by_name: null },
      { id: 'f', closed_by_id: null, closed_by_name: null },
    ]);
    // One upsert per filled closer, in closing order, after the pending change, at the closing time, by the closer.
    expect(upgraded.outbox.map((m) => [m.mutationId, m.entityId, m.op])).toEqual([
      [1, 'f', 'upsert'],
      [2, 'b', 'upsert'],
      [3, 'a', 'upsert'],
      [4, 'd', 'upsert'],
    ]);
    expect(upgraded.outbox[2]).toEqual({
      mutationId: 3,
      baseSeq: 17,
      entity: 'case',
      entityId: 'a',
      op: 'upsert',
      fields: { closedById: 'u-wang', closedByName: '王检查员' },
      at: T(60),
      actorId: 'u-wang',
    });
    expect(upgraded.next).toBe(5);
    // The hub takes them as they are (its own wire schema), so they reach it like any change.
    for (const m of upgraded.outbox) expect(WireMutation.safeParse(m).success, `mutation ${m.mutationId}`).toBe(true);

    // Deterministic: reopening replays the journal (or reads the snapshot) to the same rows, and nothing runs twice.
    expect(await read()).toEqual(upgraded);
  });
});
