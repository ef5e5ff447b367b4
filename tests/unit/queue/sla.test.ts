import { describe, expect, it } from 'vitest';
import { formatDuration, slaView, SLA_SOON_MS } from '../../../renderer/features/queue/logic/sla';

const now = Date.parse('2026-03-01T08:00:00Z');

describe('SLA formatting', () => {
  it('reads H:MM:SS under a day', () => {
    expect(formatDuration(3_909_000)).toBe('1:05:09');
    expect(formatDuration(0)).toBe('0:00:00');
  });
  it('reads days and hours beyond a day', () => {
    expect(formatDuration((2 * 24 + 4) * 3_600_000 + 59_000)).toBe('2d 04h');
  });
  it('marks overdue time with a minus sign', () => {
    expect(formatDuration(-750_000)).toBe('−0:12:30');
  });
  it('classifies none, ok, soon and overdue', () => {
    expect(slaView(null, now).state).toBe('none');
    expect(slaView('not a time', now).state).toBe('none');
    expect(slaView('2026-03-01T10:00:00Z', now)).toEqual({ state: 'ok', text: '2:00:00', leftMs: 7_200_000 });
    expect(slaView(new Date(now + SLA_SOON_MS).toISOString(), now).state).toBe('soon');
    const late = slaView('2026-03-01T07:59:00Z', now);
    expect(late.state).toBe('overdue');
    expect(late.text).toBe('−0:01:00');
    expect(late.leftMs).toBe(-60_000);
  });
});
