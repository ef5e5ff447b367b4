import { describe, expect, it } from 'vitest';
import type { RandomHit } from '../../../preload/contract/schemas/risk';
import { assess } from '../../../main/services/risk/engine';
import { randomRateFor } from '../../../main/services/risk/random-selection';
import { seededRandom } from '../../../main/services/risk/seeded-random';
import { config, NOW, randomSelection, subject } from './fixtures';

const selection = randomSelection({
  offices: [
    { office: 'CNSZX001', expectedRate: 0.1, minimumRate: 0.01 },
    { office: 'CNSHA001', expectedRate: 0.05, minimumRate: 0.03 },
  ],
  defaultExpectedRate: 0.02,
  defaultMinimumRate: 0.005,
  aeoReductionFactor: 0.2,
  lane: 'red',
});
const cfg = config({ randomSelection: selection });

function selectedShare(office: string, aeo: boolean, trials = 10_000, seed = 42): number {
  const random = seededRandom(seed);
  const s = subject({ office, aeo });
  let selected = 0;
  for (let i = 0; i < trials; i++) if (assess(s, cfg, { now: NOW, random }).hits.some((h) => h.kind === 'random')) selected++;
  return selected / trials;
}

/** Four standard deviations of a binomial share: fails by chance about once in 16,000 runs (and the seed is fixed). */
const tolerance = (p: number, n = 10_000) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('random selection', () => {
  it.each([
    ['office rate', 'CNSZX001', false, 0.1],
    ['AEO reduced rate (0.1 × 0.2)', 'CNSZX001', true, 0.02],
    ['minimum rate floors the AEO reduction (0.05 × 0.2 < 0.03)', 'CNSHA001', true, 0.03],
    ['default rate for an unlisted office', 'CNXMN001', false, 0.02],
    ['default minimum for an unlisted office, AEO (0.02 × 0.2 < 0.005)', 'CNXMN001', true, 0.005],
  ])('%s: selected share within tolerance over 10k seeded draws', (_name, office, aeo, expected) => {
    expect(randomRateFor(selection, office, aeo).rateApplied).toBeCloseTo(expected, 10);
    const share = selectedShare(office, aeo);
    expect(Math.abs(share - expected)).toBeLessThanOrEqual(tolerance(expected));
  });

  it('explains the selection', () => {
    const result = assess(subject({ office: 'CNSZX001', aeo: true }), cfg, { now: NOW, random: () => 0.019 });
    expect(result.lane).toBe('red');
    expect(result.hits).toEqual([
      {
        kind: 'random',
        office: 'CNSZX001',
        randomSelectionVersion: 1,
        expectedRate: 0.1,
        minimumRate: 0.01,
        aeo: true,
        aeoReductionFactor: 0.2,
        rateApplied: 0.020000000000000004,
        lane: 'red',
        score: 5,
      },
    ] satisfies RandomHit[]);
  });

  it('does not name an AEO factor for other traders', () => {
    const [hit] = assess(subject({ office: 'CNSZX001' }), cfg, { now: NOW, random: () => 0 }).hits as RandomHit[];
    expect(hit?.aeoReductionFactor).toBeNull();
    expect(hit?.rateApplied).toBe(0.1);
  });

  it('draws exactly once per assessment, selected or not', () => {
    let calls = 0;
    const counting = () => {
      calls++;
      return 0.5;
    };
    assess(subject(), cfg, { now: NOW, random: counting });
    assess(subject({ aeo: true }), cfg, { now: NOW, random: counting });
    expect(calls).toBe(2);
  });

  it('is reproducible with a seeded source', () => {
    expect(selectedShare('CNSZX001', false, 2000, 7)).toBe(selectedShare('CNSZX001', false, 2000, 7));
  });

  it('rejects a minimum above the expected rate', () => {
    expect(() =>
      config({ randomSelection: randomSelection({ offices: [{ office: 'X', expectedRate: 0.01, minimumRate: 0.02 }] }) }),
    ).toThrow();
  });
});
