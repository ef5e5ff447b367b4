import { describe, expect, it } from 'vitest';
import { AuditEntry } from '../../../preload/contract/schemas/audit';
import { SyncConflict } from '../../../preload/contract/schemas/sync';

const conflict = {
  id: 'case:c1:status:42',
  entity: 'case',
  entityId: 'c1',
  field: 'status',
  winnerValue: 'closed',
  winnerClient: 'ws-a',
  winnerActor: 'insp.wang',
  winnerAt: '2026-05-01T08:00:00.000Z',
  loserValue: { amount: 1200, currency: 'CNY', tags: ['seal', null] },
  loserClient: 'ws-b',
  loserActor: null,
  loserAt: '2026-05-01T08:01:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  resolution: null,
};

const entry = {
  seq: 3,
  at: '2026-05-01T08:00:00.000Z',
  actorId: 'u1',
  actorName: 'Li',
  action: 'case.note',
  subject: 'c1',
  detail: { n: 1, list: [true, 'x'], nested: { ok: null } },
};

/** The dispatcher re-parses every output: only values that survive JSON pass. */
describe('synced values and audit details are JSON in the contract', () => {
  it('accepts JSON values of every shape', () => {
    expect(SyncConflict.safeParse(conflict).success).toBe(true);
    expect(SyncConflict.safeParse({ ...conflict, winnerValue: null, loserValue: 12.5 }).success).toBe(true);
    expect(AuditEntry.safeParse(entry).success).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a Date', new Date('2026-05-01T00:00:00Z')],
    ['a bigint', 10n],
    ['a Map', new Map([['a', 1]])],
    ['NaN', Number.NaN],
  ])('refuses %s as a conflict value and as an audit detail, naming where', (_name, value) => {
    const bad = SyncConflict.safeParse({ ...conflict, loserValue: value });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path[0]).toBe('loserValue');
    const badDetail = AuditEntry.safeParse({ ...entry, detail: { when: value } });
    expect(badDetail.success).toBe(false);
    expect(badDetail.error?.issues[0]?.path.slice(0, 2)).toEqual(['detail', 'when']);
  });
});
