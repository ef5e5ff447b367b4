import { describe, expect, it } from 'vitest';
import { defaultRiskConfig } from '../../../main/services/risk/default-rules';
import { draftOf, formOf, toPct, type RandomSelectionForm } from '../../../renderer/features/risk/randomSelectionForm';

const starter = defaultRiskConfig().randomSelection;

function form(patch: Partial<RandomSelectionForm> = {}): RandomSelectionForm {
  return { ...formOf(starter), ...patch };
}

describe('random selection editor form', () => {
  it('round-trips the stored rates through percentages without float noise', () => {
    expect(toPct(0.035)).toBe(3.5);
    expect(toPct(0.005)).toBe(0.5);
    const { draft, problems } = draftOf(form());
    expect(problems).toEqual([]);
    const { version: _v, author: _a, updatedAt: _u, ...stored } = starter;
    expect(draft).toEqual(stored);
  });

  it('turns percentages into rates and trims office codes', () => {
    const { draft } = draftOf(
      form({
        defaultExpectedPct: 4,
        defaultMinimumPct: 1.5,
        offices: [{ key: 'a', office: ' CNNGB001 ', expectedPct: 12.5, minimumPct: 0.25 }],
      }),
    );
    expect(draft).toMatchObject({
      defaultExpectedRate: 0.04,
      defaultMinimumRate: 0.015,
      offices: [{ office: 'CNNGB001', expectedRate: 0.125, minimumRate: 0.0025 }],
    });
  });

  it('names each problem with its row and field', () => {
    const { draft, problems } = draftOf(
      form({
        defaultExpectedPct: 2,
        defaultMinimumPct: 3,
        aeoReductionFactor: 1.5,
        offices: [
          { key: 'a', office: 'CNSHA001', expectedPct: 101, minimumPct: null },
          { key: 'b', office: '', expectedPct: 5, minimumPct: 1 },
          { key: 'c', office: 'CNSHA001', expectedPct: 5, minimumPct: 1 },
          { key: 'd', office: 'X'.repeat(33), expectedPct: 5, minimumPct: 1 },
        ],
      }),
    );
    expect(draft).toBeNull();
    expect(problems.map((p) => [p.key, p.row, p.field])).toEqual([
      ['random.problem.minimumAbove', undefined, 'minimum'],
      ['random.problem.aeoFactor', undefined, undefined],
      ['random.problem.rateRange', 1, 'expected'],
      ['random.problem.rateMissing', 1, 'minimum'],
      ['random.problem.officeMissing', 2, undefined],
      ['random.problem.officeDuplicate', 3, undefined],
      ['random.problem.officeLength', 4, undefined],
    ]);
    expect(problems.find((p) => p.key === 'random.problem.officeDuplicate')?.values).toEqual({ office: 'CNSHA001', first: 1 });
  });
});
