import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseDetail } from '../../../preload/contract/schemas/cases';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { caseRowFromState } from '../../../main/services/cases/case-sync';
import { createCaseServices } from '../../../main/services/cases/case-handlers';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';
import { insertUsers, testUser } from '../../support/users';

const inspector = testUser('inspector', { displayName: '王检查员' });
const supervisor = testUser('supervisor', { displayName: 'Zhou Qiang' });
// Closing is a decision (cases.close): officers and supervisors, not inspectors.
const officer = testUser('officer', { displayName: '李关员' });

async function setup() {
  const raw = await openMemoryStore(migrations);
  const clock = new ManualClock('2026-06-01T08:00:00.000Z');
  const audit = await AuditChain.open(raw, Buffer.alloc(32, 9), clock);
  const { cases } = createCaseServices({
    dataDir: mkdtempSync(join(tmpdir(), 'cw-closer-')),
    store: audit.wrap(raw),
    clock,
    audit,
  });
  const opened = await cases.open(inspector, { title: 'Seal mismatch', subject: { kind: 'container', ref: 'TGHU7712345' } });
  for (const status of ['under_inspection', 'pending_decision'] as const)
    await cases.setStatus(inspector, { id: opened.id, status });
  const row = async () =>
    (await raw.query('SELECT status, closed_at, closed_by_id, closed_by_name FROM cases WHERE id = ?', [opened.id]))[0];
  const lastCaseMutation = async () =>
    JSON.parse(
      String(
        (
          await raw.query(
            "SELECT fields FROM sync_outbox WHERE entity = 'case' AND entity_id = ? ORDER BY mutation_id DESC LIMIT 1",
            [opened.id],
          )
        )[0]!.fields,
      ),
    ) as Record<string, unknown>;
  return { raw, clock, audit, cases, id: opened.id, row, lastCaseMutation };
}

describe('who closed a case', () => {
  it('is set with the close, in the same transaction as its audit entry and its sync mutation', async () => {
    const { raw, clock, audit, cases, id, row, lastCaseMutation } = await setup();
    clock.advance(90_000);
    const closed = await cases.setStatus(supervisor, { id, status: 'closed' });
    const at = '2026-06-01T08:01:30.000Z';
    expect(CaseDetail.parse(closed)).toMatchObject({
      status: 'closed',
      closedAt: at,
      closedBy: { id: supervisor.id, name: 'Zhou Qiang' },
    });
    expect(await row()).toEqual({ status: 'closed', closed_at: at, closed_by_id: supervisor.id, closed_by_name: 'Zhou Qiang' });
    // One upsert carries the status, the time and the closer, so hub order settles them together.
    expect(await lastCaseMutation()).toEqual({
      status: 'closed',
      closedAt: at,
      closedById: supervisor.id,
      closedByName: 'Zhou Qiang',
      updatedAt: at,
    });
    // Audited as before: a case.status entry by the closer, at the closing time.
    const entry = (
      await raw.query(
        "SELECT at, actor_id, detail FROM audit WHERE subject = ? AND action = 'case.status' ORDER BY seq DESC LIMIT 1",
        [id],
      )
    )[0]!;
    expect(entry).toMatchObject({ at, actor_id: supervisor.id });
    expect(JSON.parse(String(entry.detail))).toMatchObject({ from: 'pending_decision', to: 'closed' });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('is cleared on reopen (the closing stays in the audit log) and set again by the next close', async () => {
    const { raw, clock, cases, id, row, lastCaseMutation } = await setup();
    await cases.setStatus(officer, { id, status: 'closed' });
    clock.advance(3_600_000);
    const reopened = await cases.setStatus(supervisor, { id, status: 'under_inspection', reason: 'lab result came back' });
    expect(reopened).toMatchObject({ status: 'under_inspection', closedAt: null, closedBy: null });
    expect(await row()).toEqual({ status: 'under_inspection', closed_at: null, closed_by_id: null, closed_by_name: null });
    expect(await lastCaseMutation()).toMatchObject({
      status: 'under_inspection',
      closedAt: null,
      closedById: null,
      closedByName: null,
    });
    const history = await raw.query(
      "SELECT action, actor_id FROM audit WHERE subject = ? AND action IN ('case.status', 'case.reopen') ORDER BY seq",
      [id],
    );
    expect(history.slice(-2)).toEqual([
      { action: 'case.status', actor_id: officer.id },
      { action: 'case.reopen', actor_id: supervisor.id },
    ]);

    clock.advance(60_000);
    await cases.setStatus(inspector, { id, status: 'pending_decision' });
    const again = await cases.setStatus(supervisor, { id, status: 'closed' });
    expect(again.closedBy).toEqual({ id: supervisor.id, name: 'Zhou Qiang' });
    expect(again.closedAt).toBe('2026-06-01T09:01:00.000Z');
  });

  it('keeps the display name of the time: renaming the account later does not rewrite it', async () => {
    const { raw, cases, id } = await setup();
    await cases.setStatus(officer, { id, status: 'closed' });
    await insertUsers(raw, [{ ...officer, displayName: '李明' }]);
    expect((await cases.get(inspector, id)).closedBy).toEqual({ id: officer.id, name: '李关员' });
  });
});

describe('the closer in a pulled case state', () => {
  const base = {
    ref: 'C-1',
    title: 'T',
    subjectKind: 'vehicle',
    subjectRef: '粤B12345',
    origin: '{"kind":"manual"}',
    openedById: 'u1',
    openedByName: 'A',
    openedAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
  };
  const state = (fields: Record<string, unknown>) => ({
    entity: 'case',
    entityId: 'c1',
    deleted: false,
    fields: { ...base, ...fields },
    changedFields: [],
  });

  it('lands on a closed case', () => {
    expect(
      caseRowFromState(
        state({ status: 'closed', closedAt: '2026-06-01T09:00:00.000Z', closedById: 'u2', closedByName: 'Zhou Qiang' }),
      ),
    ).toMatchObject({
      id: 'c1',
      status: 'closed',
      closedById: 'u2',
      closedByName: 'Zhou Qiang',
    });
  });

  it('is absent (unknown) for a case closed by a workstation that never sent one', () => {
    expect(caseRowFromState(state({ status: 'closed', closedAt: '2026-06-01T09:00:00.000Z' }))).toMatchObject({
      closedById: null,
      closedByName: null,
    });
  });

  it('belongs to the current closure: a case that is not closed has none, even if the merged state still holds one', () => {
    // A workstation from before closers were synced reopens with status and closedAt only.
    expect(
      caseRowFromState(state({ status: 'open', closedAt: null, closedById: 'u2', closedByName: 'Zhou Qiang' })),
    ).toMatchObject({ status: 'open', closedById: null, closedByName: null });
  });

  it('waits, like the rest of the case, until the opening fields have arrived', () => {
    expect(
      caseRowFromState({
        entity: 'case',
        entityId: 'c1',
        deleted: false,
        fields: { closedById: 'u2', closedByName: 'Zhou Qiang' },
        changedFields: [],
      }),
    ).toBeNull();
  });
});
