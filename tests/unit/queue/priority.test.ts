import { describe, expect, it } from 'vitest';
import { comparePriority, type PriorityFields } from '../../../renderer/features/queue/logic/priority';

const row = (number: string, over: Partial<PriorityFields> = {}): PriorityFields => ({
  number,
  perishable: false,
  expedited: false,
  slaDueAt: '2026-03-01T12:00:00Z',
  lodgementTime: '2026-03-01T06:00:00Z',
  ...over,
});

describe('comparePriority', () => {
  it('puts perishable, then expedited, before the rest whatever their SLA', () => {
    const rows = [
      row('plain', { slaDueAt: '2026-03-01T08:00:00Z' }),
      row('expedited', { expedited: true, slaDueAt: '2026-03-01T20:00:00Z' }),
      row('perishable', { perishable: true, slaDueAt: '2026-03-02T20:00:00Z' }),
      row('both', { perishable: true, expedited: true, slaDueAt: '2026-03-03T20:00:00Z' }),
    ];
    expect(rows.sort(comparePriority).map((r) => r.number)).toEqual(['both', 'perishable', 'expedited', 'plain']);
  });
  it('orders by least SLA time left within a tier, no SLA last', () => {
    const rows = [
      row('none', { slaDueAt: null }),
      row('late', { slaDueAt: '2026-03-01T14:00:00Z' }),
      row('soon', { slaDueAt: '2026-03-01T09:00:00Z' }),
    ];
    expect(rows.sort(comparePriority).map((r) => r.number)).toEqual(['soon', 'late', 'none']);
  });
  it('breaks ties by lodgement time, then number, so the order is total', () => {
    const rows = [row('B'), row('A'), row('C', { lodgementTime: '2026-03-01T05:00:00Z' })];
    expect(rows.sort(comparePriority).map((r) => r.number)).toEqual(['C', 'A', 'B']);
    expect(comparePriority(row('A'), row('A'))).toBe(0);
  });
});
