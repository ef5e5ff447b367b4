import { describe, expect, it } from 'vitest';
import { formatDuration, rowSlaView, slaView, SLA_SOON_MS } from '../../../renderer/features/queue/logic/sla';

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

describe('the SLA of decided work', () => {
  const row = {
    slaDueAt: '2026-03-02T08:00:00.000Z',
    status: 'released',
    releasedAt: '2026-03-02T07:45:10.000Z',
    arrivalTime: '2026-03-02T07:30:00.000Z',
    lodgementTime: '2026-03-02T07:00:00.000Z',
  };
  const muchLater = Date.parse('2026-03-05T00:00:00.000Z');

  it('stops at release: the time taken from arrival, never a negative time left', () => {
    expect(rowSlaView(row, muchLater)).toEqual({ state: 'taken', text: '0:15:10', leftMs: null, late: false });
    expect(rowSlaView({ ...row, releasedAt: '2026-03-02T09:00:00.000Z' }, muchLater)).toMatchObject({
      state: 'taken',
      text: '1:30:00',
      late: true,
    });
    // Released before arrival (pre-arrival processing): no time taken.
    expect(rowSlaView({ ...row, releasedAt: '2026-03-02T07:10:00.000Z' }, muchLater).text).toBe('0:00:00');
  });

  it('counts from lodgement when there is no arrival or it was lodged later', () => {
    expect(rowSlaView({ ...row, arrivalTime: null }, muchLater).text).toBe('0:45:10');
  });

  it('means nothing once cancelled, and counts down while open', () => {
    expect(rowSlaView({ ...row, status: 'cancelled', releasedAt: null }, muchLater).state).toBe('cancelled');
    expect(rowSlaView({ ...row, status: 'pending', releasedAt: null }, Date.parse('2026-03-02T07:50:00.000Z'))).toMatchObject({
      state: 'soon',
      text: '0:10:00',
    });
  });
});
