import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nearestRank, releaseStats, shiftOf, timeReleaseDashboard } from '../../../main/services/queue/dashboard';
import {
  addDeclarations,
  approvedBy,
  declaration,
  OFFICER,
  SECOND_SUPERVISOR,
  setup,
  SUPERVISOR,
  type Fixture,
} from './fixtures';

let f: Fixture;
const MIN = 60_000;
beforeEach(async () => {
  f = await setup({ start: '2026-03-02T08:00:00.000Z' });
});
afterEach(async () => f.close());

describe('Time Release Study dashboard', () => {
  it('computes nearest-rank percentiles', () => {
    expect(nearestRank([10, 30, 120], 50)).toBe(30);
    expect(nearestRank([10, 30, 120], 90)).toBe(120);
    expect(nearestRank([], 50)).toBeNull();
    expect(releaseStats([30, 120, 10])).toEqual({ released: 3, avgMinutes: 53.3, p50Minutes: 30, p90Minutes: 120 });
    expect([5, 6, 13, 14, 21, 22, 23, 0].map(shiftOf)).toEqual([
      'night',
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'night',
      'night',
      'night',
    ]);
  });

  it('aggregates per lane, shift and day on a known data set', async () => {
    await addDeclarations(f, [
      declaration('G-A', { arrival: '2026-03-02T07:30:00.000Z' }),
      declaration('Y-B', { hs: '080510', arrival: '2026-03-02T07:00:00.000Z', lodged: '2026-03-02T06:00:00.000Z' }),
      declaration('G-C', { arrival: '2026-03-02T08:50:00.000Z' }),
      declaration('R-D', { hs: '293941', arrival: null, lodged: '2026-03-02T07:00:00.000Z' }),
      declaration('G-OPEN', { arrival: '2026-03-02T07:00:00.000Z' }),
    ]);
    // 08:00: G-A released 30 min after arrival; R-D to inspection.
    await f.queue.actions.decide(OFFICER, ['G-A'], 'release', 'documents in order');
    await f.queue.actions.decide(OFFICER, ['R-D'], 'sendToInspection', 'precursor check');
    f.clock.advance(60 * MIN); // 09:00
    await f.queue.actions.decide(OFFICER, ['G-C'], 'release', 'documents in order'); // 10 min
    await f.queue.actions.decide(OFFICER, ['Y-B'], 'release', 'certificate checked'); // 120 min
    f.clock.advance(6 * 60 * MIN); // 15:00, afternoon
    await f.queue.actions.decide(SUPERVISOR, ['R-D'], 'release', 'inspected: consistent', approvedBy(SECOND_SUPERVISOR)); // lodged 07:00 → 480 min

    const d = await timeReleaseDashboard(f.store, f.clock.now(), 2, 'UTC');
    expect(d.overall).toEqual({ released: 4, avgMinutes: 160, p50Minutes: 30, p90Minutes: 480 });
    expect(d.byLane).toEqual([
      { lane: 'green', released: 2, avgMinutes: 20, p50Minutes: 10, p90Minutes: 30 },
      { lane: 'yellow', released: 1, avgMinutes: 120, p50Minutes: 120, p90Minutes: 120 },
      { lane: 'blue', released: 0, avgMinutes: null, p50Minutes: null, p90Minutes: null },
      { lane: 'red', released: 1, avgMinutes: 480, p50Minutes: 480, p90Minutes: 480 },
    ]);
    expect(d.byShift).toEqual([
      { shift: 'morning', released: 3, avgMinutes: 53.3, p50Minutes: 30, p90Minutes: 120 },
      { shift: 'afternoon', released: 1, avgMinutes: 480, p50Minutes: 480, p90Minutes: 480 },
      { shift: 'night', released: 0, avgMinutes: null, p50Minutes: null, p90Minutes: null },
    ]);
    expect(d.byDay.map((x) => [x.day, x.released])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 4],
    ]);
    // Risk assessment at 08:00 for all; Y-B's documentary check at 09:00, R-D's inspection ended at 15:00.
    expect(d.stages.riskAssessmentToDocumentaryCheck).toBe(60);
    expect(d.stages.riskAssessmentToInspection).toBe(420);
    expect(d.currentShift).toEqual({
      shift: 'afternoon',
      since: '2026-03-02T14:00:00.000Z',
      released: 1,
      avgReleaseMinutes: 480,
      open: 1,
      overdue: 1,
    });
  });

  it('reads days and shifts in the office time zone', async () => {
    await addDeclarations(f, [declaration('G-TZ', { arrival: '2026-03-02T07:50:00.000Z' })]);
    await f.queue.actions.decide(OFFICER, ['G-TZ'], 'release', 'documents in order');
    // 08:00 UTC is 16:00 in Shanghai: afternoon shift, same day.
    const d = await timeReleaseDashboard(f.store, f.clock.now(), 1, 'Asia/Shanghai');
    expect(d.byShift.find((s) => s.shift === 'afternoon')!.released).toBe(1);
    expect(d.byDay).toEqual([{ day: '2026-03-02', released: 1, avgMinutes: 10, p50Minutes: 10, p90Minutes: 10 }]);
    expect(d.currentShift.since).toBe('2026-03-02T06:00:00.000Z');
  });
});
