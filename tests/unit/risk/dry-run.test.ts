import { describe, expect, it } from 'vitest';
import { dryRun } from '../../../main/services/risk/dry-run';
import { config, item, NOW, randomSelection, rule, subject } from './fixtures';

const textiles = (id: string, valuePerKg: number) =>
  subject({ declarationId: id, items: [item({ hsCode: '610910', customsValue: valuePerKg * 100, grossMassKg: 100 })] });
const phones = (id: string) => subject({ declarationId: id, items: [item({ hsCode: '851712' })] });

const subjects = [textiles('T1', 2), textiles('T2', 2.5), textiles('T3', 8), phones('P1'), phones('P2')];
const phonesRed = rule('phones', [{ field: 'hsCode', op: 'prefix', value: '8517' }], 'red');
const current = config({ rules: [phonesRed] });
const undervalued = rule('tshirts', [
  { field: 'hsCode', op: 'prefix', value: '6109' },
  { field: 'itemValuePerKg', op: 'range', max: 3 },
]);

describe('dry run', () => {
  it('counts hits per rule and the lane mix before and after', () => {
    const phonesBlue = { ...phonesRed, version: 2, lane: 'blue' as const };
    const candidate = config({ rules: [phonesBlue, undervalued] });
    expect(dryRun({ current, candidate, subjects, now: NOW })).toEqual({
      subjects: 5,
      ruleHits: [
        { ruleId: 'phones', ruleVersion: 2, ruleName: 'rule phones', declarations: 2 },
        { ruleId: 'tshirts', ruleVersion: 1, ruleName: 'rule tshirts', declarations: 2 },
      ],
      watchlistHits: [],
      randomSelections: { before: 0, after: 0 },
      laneMixBefore: { green: 3, yellow: 0, blue: 0, red: 2 },
      laneMixAfter: { green: 1, yellow: 2, blue: 2, red: 0 },
      laneChanged: 4,
    });
  });

  it('uses the same random draw per declaration before and after', () => {
    const rs = randomSelection({ defaultExpectedRate: 0.3, defaultMinimumRate: 0.3 });
    const many = Array.from({ length: 2000 }, (_, i) => subject({ declarationId: `D${i}` }));
    const result = dryRun({
      current: config({ randomSelection: rs }),
      candidate: config({ randomSelection: rs }),
      subjects: many,
      now: NOW,
      seed: 3,
    });
    expect(result.randomSelections.before).toBe(result.randomSelections.after);
    expect(result.laneChanged).toBe(0);
    expect(result.randomSelections.after / 2000).toBeGreaterThan(0.25);
    expect(result.randomSelections.after / 2000).toBeLessThan(0.35);
  });

  it('has no side effects on its inputs', () => {
    const candidate = config({ rules: [undervalued] });
    const snapshot = JSON.stringify({ current, candidate, subjects });
    dryRun({ current, candidate, subjects, now: NOW });
    expect(JSON.stringify({ current, candidate, subjects })).toBe(snapshot);
  });
});
