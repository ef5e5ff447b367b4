import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseListInput } from '../../../preload/contract/schemas/cases';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { createCaseServices } from '../../../main/services/cases/case-handlers';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';
import { insertUsers, testUser } from '../../support/users';

const inspector = testUser('inspector', { id: 'insp.wang', username: 'insp.wang', displayName: '王检查员' });
const colleague = testUser('inspector', { id: 'insp.li', username: 'insp.li', displayName: 'Li Na' });

async function casesWithData() {
  const raw = await openMemoryStore(migrations);
  const clock = new ManualClock('2026-05-01T08:00:00.000Z');
  const audit = await AuditChain.open(raw, Buffer.alloc(32, 4), clock);
  const store = audit.wrap(raw);
  await insertUsers(raw, [colleague, inspector]);
  const { cases } = createCaseServices({ dataDir: mkdtempSync(join(tmpdir(), 'cw-case-list-')), store, clock, audit });
  const open = async (title: string, kind: 'container' | 'vehicle' | 'person', ref: string, assigneeId: string | null) => {
    clock.advance(60_000);
    return cases.open(inspector, { origin: { kind: 'manual' }, title, subject: { kind, ref }, assigneeId });
  };
  const cigarettes = await open('Undeclared cigarettes', 'container', 'MSCU4821907', 'insp.li');
  const ivory = await open('Carved ivory in personal effects', 'person', 'E12345678', null);
  const fuel = await open('Fuel tank compartment 100% full', 'vehicle', '粤B·12345', 'insp.wang');
  clock.advance(60_000);
  await cases.setStatus(inspector, { id: fuel.id, status: 'under_inspection' });
  const list = (filter: Partial<CaseListInput>) =>
    cases.list(CaseListInput.parse(filter)).then((rows) => rows.map((r) => r.title));
  return { cases, list, cigarettes, ivory, fuel };
}

describe('case list filters and search', () => {
  it('lists newest-changed first and filters by status, subject kind and assignee', async () => {
    const { list } = await casesWithData();
    expect(await list({})).toEqual([
      'Fuel tank compartment 100% full',
      'Carved ivory in personal effects',
      'Undeclared cigarettes',
    ]);
    expect(await list({ status: 'under_inspection' })).toEqual(['Fuel tank compartment 100% full']);
    expect(await list({ status: 'open' })).toEqual(['Carved ivory in personal effects', 'Undeclared cigarettes']);
    expect(await list({ subjectKind: 'person' })).toEqual(['Carved ivory in personal effects']);
    expect(await list({ assigneeId: 'insp.li' })).toEqual(['Undeclared cigarettes']);
    expect(await list({ status: 'open', subjectKind: 'vehicle' })).toEqual([]);
  });

  it('searches title, subject reference, assignee name and case ref; LIKE wildcards are literal', async () => {
    const { list, ivory } = await casesWithData();
    expect(await list({ search: 'cigar' })).toEqual(['Undeclared cigarettes']);
    expect(await list({ search: 'MSCU48' })).toEqual(['Undeclared cigarettes']);
    expect(await list({ search: '粤B' })).toEqual(['Fuel tank compartment 100% full']);
    expect(await list({ search: 'Li Na' })).toEqual(['Undeclared cigarettes']);
    expect(await list({ search: ivory.ref })).toEqual(['Carved ivory in personal effects']);
    expect(await list({ search: '100%' })).toEqual(['Fuel tank compartment 100% full']);
    expect(await list({ search: '%' })).toEqual(['Fuel tank compartment 100% full']); // not "everything"
    expect(await list({ search: '_' })).toEqual([]);
    expect(await list({ search: 'nothing like this' })).toEqual([]);
  });

  it('honours the limit and refuses a bad filter with the field named', async () => {
    const { list } = await casesWithData();
    expect(await list({ limit: 2 })).toHaveLength(2);
    const bad = CaseListInput.safeParse({ status: 'archived' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['status']);
  });
});
