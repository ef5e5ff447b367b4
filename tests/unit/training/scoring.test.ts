import { describe, expect, it } from 'vitest';
import { aPrime, correctedRate, measures, percentile, scoreSession, type Trial } from '../../../main/services/training/scoring';

const trial = (over: Partial<Trial>): Trial => ({
  itemId: 'x',
  threat: null,
  rightResponses: ['inspect', 'hold'],
  response: 'release',
  decisionMs: 1000,
  laneOverridden: false,
  ...over,
});

describe('signal-detection measures', () => {
  it('matches a hand calculation: 8 of 10 threats hit, 5 false alarms in 90 clean items', () => {
    const m = measures({ hits: 8, misses: 2, falseAlarms: 5, correctRejections: 85 });
    // H = 8.5/11 = 0.772727..., F = 5.5/91 = 0.060439...
    expect(m.hitRate).toBeCloseTo(0.7727272727, 9);
    expect(m.falseAlarmRate).toBeCloseTo(0.0604395604, 9);
    // z(0.772727) = 0.747859..., z(0.060440) = -1.551094... (Python statistics.NormalDist().inv_cdf)
    expect(m.dPrime).toBeCloseTo(0.747859 + 1.551094, 4);
    expect(m.criterion).toBeCloseTo(-0.5 * (0.747859 - 1.551094), 4);
    // A' = 0.5 + (H-F)(1+H-F) / (4H(1-F))
    const h = 8.5 / 11;
    const f = 5.5 / 91;
    expect(m.aPrime).toBeCloseTo(0.5 + ((h - f) * (1 + h - f)) / (4 * h * (1 - f)), 12);
    expect(m.signalTrials).toBe(10);
    expect(m.noiseTrials).toBe(90);
  });

  it('stays finite for rates of 0 and 1', () => {
    const perfect = measures({ hits: 10, misses: 0, falseAlarms: 0, correctRejections: 40 });
    expect(perfect.hitRate).toBeCloseTo(10.5 / 11, 12);
    expect(perfect.falseAlarmRate).toBeCloseTo(0.5 / 41, 12);
    expect(Number.isFinite(perfect.dPrime)).toBe(true);
    // z(0.954545) = 1.690622, z(0.012195) = -2.250926 (same reference)
    expect(perfect.dPrime).toBeCloseTo(1.690622 + 2.250926, 4);
    const worst = measures({ hits: 0, misses: 10, falseAlarms: 40, correctRejections: 0 });
    expect(worst.dPrime).toBeCloseTo(-(1.690622 + 2.250926), 4);
    expect(worst.aPrime).toBeLessThan(0.5);
    const empty = measures({ hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 });
    expect(empty.hitRate).toBe(0.5);
    expect(empty.dPrime).toBe(0);
  });

  it('A′ is 0.5 at chance and symmetric', () => {
    expect(aPrime(0.3, 0.3)).toBe(0.5);
    expect(aPrime(0.8, 0.2) - 0.5).toBeCloseTo(0.5 - aPrime(0.2, 0.8), 12);
    expect(correctedRate(0, 0)).toBe(0.5);
  });

  it('interpolates percentiles between ranks', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([4], 90)).toBe(4);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBeCloseTo(91, 9);
  });
});

describe('scoring a session', () => {
  it('counts hits, misses, false alarms and correct rejections per kind', () => {
    const trials: Trial[] = [
      trial({ itemId: 'a', threat: 'undervaluation', response: 'inspect' }),
      trial({ itemId: 'b', threat: 'undervaluation', response: 'release' }),
      trial({ itemId: 'c', threat: 'agency-hold', rightResponses: ['hold'], response: 'document-check' }),
      trial({ itemId: 'd', threat: 'agency-hold', rightResponses: ['hold'], response: null, decisionMs: null }),
      trial({ itemId: 'e', response: 'inspect', laneOverridden: true }),
      trial({ itemId: 'f', response: 'release' }),
      trial({ itemId: 'g', response: null, decisionMs: null }),
    ];
    const score = scoreSession(trials);
    expect(score.overall).toMatchObject({ hits: 1, misses: 3, falseAlarms: 1, correctRejections: 2 });
    expect(score.byKind.undervaluation).toMatchObject({ hits: 1, misses: 1, falseAlarms: 1, correctRejections: 2 });
    expect(score.byKind['agency-hold']).toMatchObject({ hits: 0, misses: 2 });
    // An alarm with the wrong response is a miss, and says what was done.
    expect(score.missed).toEqual([
      { itemId: 'b', threat: 'undervaluation', response: 'release' },
      { itemId: 'c', threat: 'agency-hold', response: 'document-check' },
      { itemId: 'd', threat: 'agency-hold', response: null },
    ]);
    expect(score.lanesOverridden).toBe(1);
    expect(score.decisionMs).toEqual({ median: 1000, p90: 1000 });
  });
});
