import type { RandomHit, RandomSelection } from '../../../preload/contract/schemas/risk';

export interface RandomRate {
  office: string;
  expectedRate: number;
  minimumRate: number;
  aeoReductionFactor: number | null;
  rateApplied: number;
}

/**
 * The rate a declaration is drawn at: the office's expected rate, multiplied by
 * the AEO factor for authorised operators, and never below the minimum random
 * rate (kept for everyone so compliance can still be measured).
 */
export function randomRateFor(selection: RandomSelection, office: string, aeo: boolean): RandomRate {
  const configured = selection.offices.find((o) => o.office === office);
  const expectedRate = configured?.expectedRate ?? selection.defaultExpectedRate;
  const minimumRate = configured?.minimumRate ?? selection.defaultMinimumRate;
  const reduced = aeo ? expectedRate * selection.aeoReductionFactor : expectedRate;
  return {
    office,
    expectedRate,
    minimumRate,
    aeoReductionFactor: aeo ? selection.aeoReductionFactor : null,
    rateApplied: Math.max(minimumRate, reduced),
  };
}

/** Exactly one draw per declaration, selected or not, so a seeded sequence stays aligned. */
export function drawRandomSelection(
  selection: RandomSelection,
  office: string,
  aeo: boolean,
  random: () => number,
): RandomHit | null {
  const rate = randomRateFor(selection, office, aeo);
  if (!(random() < rate.rateApplied)) return null;
  return {
    kind: 'random',
    randomSelectionVersion: selection.version,
    aeo,
    lane: selection.lane,
    score: selection.score,
    ...rate,
  };
}
