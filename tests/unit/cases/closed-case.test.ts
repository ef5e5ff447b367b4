import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { createCaseServices } from '../../../main/services/cases/case-handlers';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';
import { testUser } from '../../support/users';

const inspector = testUser('inspector', { displayName: '王检查员' });
const supervisor = testUser('supervisor', { displayName: 'Zhou Qiang' });
// Closing is a decision (cases.close): officers and supervisors, not inspectors.
const officer = testUser('officer', { displayName: '李关员' });
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function closedCase() {
  const raw = await openMemoryStore(migrations);
  const clock = new ManualClock();
  const audit = await AuditChain.open(raw, Buffer.alloc(32, 5), clock);
  const store = audit.wrap(raw);
  const { cases } = createCaseServices({ dataDir: mkdtempSync(join(tmpdir(), 'cw-closed-')), store, clock, audit });
  const opened = await cases.open(inspector, {
    title: 'Undeclared cigarettes',
    subject: { kind: 'container', ref: 'MSCU4821907' },
  });
  cases.uploadChunk(inspector, 'up-photo', 0, PNG.toString('base64'));
  const photo = await cases.addFile(inspector, {
    caseId: opened.id,
    fileName: 'seal.png',
    mediaType: 'image/png',
    uploadId: 'up-photo',
  });
  const withTask = await cases.addTask(inspector, { caseId: opened.id, title: 'Call the importer' });
  for (const status of ['under_inspection', 'pending_decision'] as const)
    await cases.setStatus(inspector, { id: opened.id, status });
  await cases.setStatus(officer, { id: opened.id, status: 'closed' });
  // Later steps happen later: custody lists by time, so a transfer must not share the intake's instant.
  clock.advance(60_000);
  return { cases, raw, id: opened.id, photoId: photo.id, taskId: withTask.tasks[0]!.id };
}

describe('a closed case', () => {
  it('names who closed it and when', async () => {
    const { cases, id } = await closedCase();
    const detail = await cases.get(inspector, id);
    expect(detail.status).toBe('closed');
    expect(detail.closedAt).not.toBeNull();
    // A field of the case, kept like its other people: id and display name at the time.
    expect(detail.closedBy).toEqual({ id: officer.id, name: '李关员' });
  });

  it('refuses every change to its content, for everyone, with what to do, and records nothing', async () => {
    const { cases, raw, id, taskId } = await closedCase();
    const before = Number((await raw.query('SELECT COUNT(*) AS n FROM audit'))[0]!.n);
    cases.uploadChunk(supervisor, 'up-late', 0, PNG.toString('base64'));
    const attempts: [string, () => Promise<unknown>][] = [
      ['finding', () => cases.addFinding(supervisor, { caseId: id, category: 'other', text: 'late' })],
      [
        'seizure',
        () =>
          cases.addSeizure(inspector, {
            caseId: id,
            item: 'Cigarettes',
            quantity: 1,
            unit: 'cartons',
            value: { amount: 1, currency: 'CNY' },
            location: 'Bay 3',
          }),
      ],
      ['note', () => cases.addNote(inspector, { caseId: id, text: 'late' })],
      ['link', () => cases.addLink(inspector, { caseId: id, kind: 'external', ref: 'X-1' })],
      ['task', () => cases.addTask(inspector, { caseId: id, title: 'late' })],
      ['task done', () => cases.setTaskDone(inspector, { caseId: id, taskId, done: true })],
      ['assignee', () => cases.update(supervisor, { id, assigneeId: null, title: 'Renamed' })],
      [
        'evidence',
        () => cases.addFile(supervisor, { caseId: id, fileName: 'late.png', mediaType: 'image/png', uploadId: 'up-late' }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: expect.stringMatching(/is read-only; ask a supervisor to reopen it/),
      });
    }
    expect(Number((await raw.query('SELECT COUNT(*) AS n FROM audit'))[0]!.n)).toBe(before);
    const after = await cases.get(inspector, id);
    expect(after).toMatchObject({
      title: 'Undeclared cigarettes',
      findings: [],
      seizures: [],
      notes: [],
      tasks: [{ done: false }],
    });
  });

  it('still lets custody of the evidence move, and takes changes again once a supervisor reopens it', async () => {
    const { cases, id, photoId } = await closedCase();
    const moved = await cases.transfer(inspector, {
      caseId: id,
      evidenceId: photoId,
      to: 'Bonded store',
      reason: 'Held for the court',
    });
    expect(moved.custody.at(-1)).toMatchObject({ action: 'transferred', to: 'Bonded store' });
    await cases.setStatus(supervisor, { id, status: 'open', reason: 'new facts' });
    const reopened = await cases.addNote(inspector, { caseId: id, text: 'Importer called back' });
    expect(reopened).toMatchObject({ status: 'open', closedBy: null, notes: [{ text: 'Importer called back' }] });
  });
});
