import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../main/services/training/headless-run';
import { measures } from '../../../main/services/training/scoring';
import { Scenario } from '../../../preload/contract/schemas/training';

const scenario = Scenario.parse({
  schema: 'clearway.scenario/1',
  id: 'headless-check',
  title: { en: 'Headless check', 'zh-CN': '无界面检查' },
  summary: { en: 'A short scenario for scoring checks', 'zh-CN': '用于评分检查的短场景' },
  office: 'CNSHA001',
  start: '2026-03-02T06:00:00+08:00',
  duration: 'PT40M',
  seed: 4242,
  traffic: { declarations: { perHour: 60, byRoad: 0 } },
  threats: { oneIn: 5, spread: 0.3, window: 'PT10M', mix: { undervaluation: 50, 'hs-mismatch': 30, 'watchlist-trader': 20 } },
});

// Real services on a training database in a temporary folder, with real scrypt sign-ins.
describe('headless training run', { timeout: 120_000 }, () => {
  it('scores a perfect trainee with every threat hit and no false alarm, through the real services', async () => {
    const result = await runHeadless(scenario, 'auto-perfect');
    const o = result.score.overall;
    expect(result.threats).toBeGreaterThan(3);
    expect(o).toMatchObject({
      hits: result.threats,
      misses: 0,
      falseAlarms: 0,
      correctRejections: result.items - result.threats,
    });
    expect(result.refused).toEqual([]);
    expect(result.score.missed).toEqual([]);
    expect(result.score.decisionMs).toEqual({ median: 60_000, p90: 60_000 });
    // The measures are those of the counts (checked against hand values in scoring.test.ts).
    expect(o.dPrime).toBeCloseTo(
      measures({ hits: o.hits, misses: 0, falseAlarms: 0, correctRejections: o.correctRejections }).dPrime,
      12,
    );
  });

  it('is deterministic: the same scenario and seed give the same events, lanes and score', async () => {
    const [a, b] = [await runHeadless(scenario, 'auto-lenient'), await runHeadless(scenario, 'auto-lenient')];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const o = a.score.overall;
    expect(o.hits + o.misses).toBe(a.threats);
    expect(o.falseAlarms + o.correctRejections).toBe(a.items - a.threats);
    // A lenient trainee lets the threats through, and the misses say what was missed.
    expect(o.misses).toBeGreaterThan(o.hits);
    expect(a.score.missed.length).toBe(o.misses);
  });
});
