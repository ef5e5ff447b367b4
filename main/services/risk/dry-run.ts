import type { DryRunResult, LaneCounts, RiskConfig } from '../../../preload/contract/schemas/risk';
import { compileRiskConfig } from './compiled-config';
import { assessCompiled } from './engine';
import { prepareSubject } from './prepared-subject';
import { seedFromString, seededRandom } from './seeded-random';
import type { RiskSubject } from './subject';

export interface DryRunInput {
  /** The rule set in force now. */
  current: RiskConfig;
  /** The edited rule set the supervisor is about to save. */
  candidate: RiskConfig;
  /** Past declarations, e.g. the last N days (the caller picks them). */
  subjects: Iterable<RiskSubject>;
  /** The date profiles are judged at. */
  now: Date;
  /** Random draws are derived from this and the declaration id, identical before and after. */
  seed?: number;
}

function emptyLanes(): LaneCounts {
  return { green: 0, yellow: 0, blue: 0, red: 0 };
}

/**
 * What the candidate rule set would do to past declarations, next to what the
 * current set does: hits per rule and watchlist, and the lane mix before and
 * after. Reads nothing and writes nothing.
 */
export function dryRun({ current, candidate, subjects, now, seed = 0 }: DryRunInput): DryRunResult {
  const before = compileRiskConfig(current);
  const after = compileRiskConfig(candidate);
  const ruleHits = new Map(
    after.rules.map(({ rule }) => [
      rule.id,
      { ruleId: rule.id, ruleVersion: rule.version, ruleName: rule.name, declarations: 0 },
    ]),
  );
  const watchlistHits = new Map(
    after.watchlists.map(({ watchlist: w }) => [w.id, { watchlistId: w.id, watchlistName: w.name, declarations: 0 }]),
  );
  const laneMixBefore = emptyLanes();
  const laneMixAfter = emptyLanes();
  const randomSelections = { before: 0, after: 0 };
  let count = 0;
  let laneChanged = 0;

  for (const subject of subjects) {
    count++;
    const prepared = prepareSubject(subject);
    const draw = (): (() => number) => seededRandom(seedFromString(subject.declarationId, seed));
    const was = assessCompiled(prepared, before, { now, random: draw() });
    const will = assessCompiled(prepared, after, { now, random: draw() });
    laneMixBefore[was.lane]++;
    laneMixAfter[will.lane]++;
    if (was.lane !== will.lane) laneChanged++;
    if (was.hits.some((h) => h.kind === 'random')) randomSelections.before++;

    const listsHit = new Set<string>();
    for (const hit of will.hits) {
      if (hit.kind === 'rule') {
        const counter = ruleHits.get(hit.ruleId);
        if (counter) counter.declarations++;
      } else if (hit.kind === 'watchlist') listsHit.add(hit.watchlistId);
      else randomSelections.after++;
    }
    for (const id of listsHit) {
      const counter = watchlistHits.get(id);
      if (counter) counter.declarations++;
    }
  }

  return {
    subjects: count,
    ruleHits: [...ruleHits.values()],
    watchlistHits: [...watchlistHits.values()],
    randomSelections,
    laneMixBefore,
    laneMixAfter,
    laneChanged,
  };
}
