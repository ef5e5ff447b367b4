import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeizureInput } from '../../../preload/contract/schemas/cases';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { AUDIT_PAGE_SQL, verifyAuditChain } from '../../../main/services/audit/audit-verify';
import { createCaseServices } from '../../../main/services/cases/case-handlers';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';
import { testUser } from '../../support/users';

const KEY = Buffer.alloc(32, 3);
const inspector = testUser('inspector', { displayName: '王检查员' });
const supervisor = testUser('supervisor', { displayName: 'Zhou Qiang' });
// Closing is a decision (cases.close): officers and supervisors, not inspectors.
const officer = testUser('officer', { displayName: '李关员' });

async function setup() {
  const raw = await openMemoryStore(migrations);
  const clock = new ManualClock();
  const audit = await AuditChain.open(raw, KEY, clock);
  const store = audit.wrap(raw);
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-cases-'));
  const { cases, reports } = createCaseServices({ dataDir, store, clock, audit });
  const upload = async (bytes: Buffer, who = inspector) => {
    const uploadId = `up-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
    for (let i = 0, index = 0; i < Math.max(bytes.length, 1); i += 300_000, index += 1)
      cases.uploadChunk(who, uploadId, index, bytes.subarray(i, i + 300_000).toString('base64'));
    return uploadId;
  };
  return { raw, store, clock, audit, cases, reports, dataDir, upload };
}

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('cases', () => {
  it('walks the status workflow; only a supervisor reopens; every change is audited and queued for sync', async () => {
    const { cases, raw, audit } = await setup();
    const opened = await cases.open(inspector, {
      origin: { kind: 'manual' },
      title: 'Undeclared cigarettes',
      subject: { kind: 'container', ref: 'MSCU4821907' },
    });
    expect(opened).toMatchObject({
      status: 'open',
      subject: { kind: 'container', ref: 'MSCU4821907' },
      openedBy: { name: '王检查员' },
    });
    await expect(cases.setStatus(inspector, { id: opened.id, status: 'closed' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    for (const status of ['under_inspection', 'pending_decision'] as const)
      await cases.setStatus(inspector, { id: opened.id, status });
    await expect(cases.setStatus(inspector, { id: opened.id, status: 'closed' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await cases.setStatus(officer, { id: opened.id, status: 'closed' });
    await expect(cases.setStatus(inspector, { id: opened.id, status: 'open', reason: 'new facts' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(cases.setStatus(supervisor, { id: opened.id, status: 'open' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect((await cases.setStatus(supervisor, { id: opened.id, status: 'open', reason: 'new facts' })).status).toBe('open');
    const actions = (await raw.query('SELECT action FROM audit WHERE subject = ? ORDER BY seq', [opened.id])).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['case.open', 'case.status', 'case.status', 'case.status', 'case.reopen']);
    expect(Number((await raw.query("SELECT COUNT(*) AS n FROM sync_outbox WHERE entity = 'case'"))[0]!.n)).toBe(5);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('opens from a declaration, gate event or marker with their references, and asks for a subject when none is implied', async () => {
    const { cases } = await setup();
    const fromDeclaration = await cases.open(inspector, {
      origin: { kind: 'declaration', declarationId: '26CN0001234' },
      title: 'Value check',
    });
    expect(fromDeclaration.subject).toEqual({ kind: 'declaration', ref: '26CN0001234' });
    expect(fromDeclaration.links).toMatchObject([{ kind: 'declaration', ref: '26CN0001234' }]);
    const fromGate = await cases.open(inspector, {
      origin: { kind: 'gate-event', eventId: 'g-1', plate: '粤B12345' },
      title: 'Plate mismatch',
    });
    expect(fromGate.subject).toEqual({ kind: 'vehicle', ref: '粤B12345' });
    await expect(cases.open(inspector, { origin: { kind: 'gate-event', eventId: 'g-2' }, title: 'x' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('validates seizures and records findings, seizures, notes, tasks', async () => {
    expect(
      SeizureInput.safeParse({
        caseId: 'c',
        item: 'Cigarettes',
        quantity: 0,
        unit: 'cartons',
        value: { amount: 10, currency: 'CNY' },
        location: 'Bay 3',
      }).success,
    ).toBe(false);
    expect(
      SeizureInput.safeParse({
        caseId: 'c',
        item: 'Cigarettes',
        quantity: 5,
        unit: 'cartons',
        value: { amount: 10, currency: 'cny' },
        location: 'Bay 3',
      }).error?.issues[0]?.path,
    ).toEqual(['value', 'currency']);
    const { cases } = await setup();
    const c = await cases.open(inspector, { title: 'Seizure', subject: { kind: 'vehicle', ref: 'AB-123' } });
    await cases.addFinding(inspector, { caseId: c.id, category: 'undeclared', text: '40 cartons behind the false wall' });
    await cases.addSeizure(inspector, {
      caseId: c.id,
      item: 'Cigarettes',
      quantity: 40,
      unit: 'cartons',
      value: { amount: 12000, currency: 'CNY' },
      location: 'Warehouse B, cage 2',
    });
    await cases.addNote(inspector, { caseId: c.id, text: 'Driver cooperative' });
    const withTask = await cases.addTask(inspector, {
      caseId: c.id,
      title: 'Call the importer',
      due: '2026-03-03T09:00:00.000Z',
    });
    const done = await cases.setTaskDone(inspector, { caseId: c.id, taskId: withTask.tasks[0]!.id, done: true });
    expect(done).toMatchObject({
      findings: [{ category: 'undeclared' }],
      seizures: [{ quantity: 40, value: { amount: 12000, currency: 'CNY' } }],
      notes: [{ text: 'Driver cooperative' }],
      tasks: [{ done: true }],
    });
    await expect(cases.addNote(inspector, { caseId: 'nope', text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hashes evidence at intake, stores it by hash, and shows a mismatch on the next open (audited)', async () => {
    const { cases, dataDir, upload, raw, clock } = await setup();
    const c = await cases.open(inspector, { title: 'Photo', subject: { kind: 'person', ref: 'E1234567' } });
    const bytes = Buffer.concat([PNG, Buffer.alloc(700_000, 1)]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const item = await cases.addFile(inspector, {
      caseId: c.id,
      fileName: 'photo.png',
      mediaType: 'image/png',
      uploadId: await upload(bytes),
      sha256: sha,
    });
    expect(item.sha256).toBe(sha);
    const path = join(dataDir, 'evidence', 'sha256', sha.slice(0, 2), sha);
    expect((await cases.get(inspector, c.id)).evidence[0]!.verify.state).toBe('ok');
    await expect(
      cases.addFile(inspector, {
        caseId: c.id,
        fileName: 'x.png',
        mediaType: 'image/png',
        uploadId: await upload(Buffer.from('other')),
        sha256: sha,
      }),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });

    clock.advance(60_000);
    writeFileSync(path, Buffer.from('tampered'));
    const reopened = await cases.get(inspector, c.id);
    expect(reopened.evidence[0]!.verify).toMatchObject({
      state: 'mismatch',
      found: createHash('sha256').update('tampered').digest('hex'),
    });
    expect(reopened.custody.map((k) => k.action)).toEqual(['intake', 'verify-failed']);
    expect((await raw.query("SELECT COUNT(*) AS n FROM audit WHERE action = 'evidence.verify-failed'"))[0]!.n).toBe(1);
  });

  it('exports a PDF report holding the evidence hashes and the audit chain head', async () => {
    const { cases, reports, upload, audit, raw } = await setup();
    const c = await cases.open(inspector, { title: '走私香烟 report', subject: { kind: 'container', ref: 'MSCU4821907' } });
    const item = await cases.addFile(inspector, {
      caseId: c.id,
      fileName: 'photo.png',
      mediaType: 'image/png',
      uploadId: await upload(PNG),
    });
    // The report shows the head it verified; its own export entry is appended after it.
    const headAtExport = audit.chainHead()!;
    const report = await reports.exportCase(inspector, c.id);
    let pdf = Buffer.alloc(0);
    for (let offset = 0; offset === 0 || offset < report.bytes;) {
      const chunk = await reports.read(report.fileName, offset);
      pdf = Buffer.concat([pdf, Buffer.from(chunk.base64, 'base64')]);
      offset += Buffer.from(chunk.base64, 'base64').length;
    }
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(report.sha256);
    const text = await pdfText(pdf);
    expect(text).toContain(item.sha256);
    expect(text).toContain('走私香烟');
    const head = (await verifyAuditChain((a, l) => raw.query(AUDIT_PAGE_SQL, [a, l]), KEY)).head!;
    expect(head.seq).toBe(headAtExport.seq + 1);
    expect(text).toMatch(/Head hash \(SHA-256\)\s*[0-9a-f]{64}/);
    expect(text).toContain(headAtExport.hash);
    expect(text).toContain(`seq ${headAtExport.seq}`);
    expect((await cases.get(inspector, c.id)).custody.map((k) => k.action)).toContain('exported');
    await expect(reports.read('case-../../etc.pdf', 0)).rejects.toBeTruthy();
  });

  it('a closed case’s report says when and by whom it was closed', async () => {
    const { cases, reports } = await setup();
    const c = await cases.open(inspector, { title: 'Closed report', subject: { kind: 'container', ref: 'MSCU4821907' } });
    for (const status of ['under_inspection', 'pending_decision'] as const)
      await cases.setStatus(inspector, { id: c.id, status });
    await cases.setStatus(officer, { id: c.id, status: 'closed' });
    const report = await reports.exportCase(inspector, c.id);
    const pdf = Buffer.from((await reports.read(report.fileName, 0)).base64, 'base64');
    expect(pdf.length).toBe(report.bytes);
    expect(await pdfText(pdf)).toMatch(/Closed\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by 李关员 Report generated/);
  });
});

async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The report's Courier is a standard PDF font (not embedded): pdf.js reads its metrics from here.
  const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, standardFontDataUrl }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= doc.numPages; page += 1) {
    const content = await (await doc.getPage(page)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return parts.join('\n');
}
