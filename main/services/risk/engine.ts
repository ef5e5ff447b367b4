import { LANE_PRECEDENCE, type Assessment, type ConditionMatch, type Hit, type Lane, type RiskConfig, type RuleHit } from '../../../preload/schemas/risk';
import type { CompiledCondition } from './compiled-condition';
import { compiledFor, type CompiledRiskConfig, type CompiledRule } from './compiled-config';
import { prepareSubject, type PreparedSubject } from './prepared-subject';
import { profileInForce } from './profile-validity';
import { drawRandomSelection } from './random-selection';
import type { RiskSubject } from './subject';

export interface AssessContext {
  now: Date;
  /** Uniform in [0, 1); called exactly once per assessment (random selection). */
  random: () => number;
}

/**
 * Scores one declaration: every active rule whose profile is in force, every
 * watchlist, then random selection. Pure: the same subject, config, time and
 * random source give the same assessment.
 */
export function assess(subject: RiskSubject, config: RiskConfig, ctx: AssessContext): Assessment {
  return assessCompiled(prepareSubject(subject), compiledFor(config), ctx);
}

export function assessCompiled(subject: PreparedSubject, compiled: CompiledRiskConfig, ctx: AssessContext): Assessment {
  const today = compiled.today(ctx.now);
  const inForce = (profileId: string | null): boolean => {
    if (profileId === null) return true;
    const profile = compiled.profiles.get(profileId);
    return profile !== undefined && profileInForce(profile, today);
  };

  const hits: Hit[] = [];
  for (const rule of candidateRules(compiled, subject)) {
    if (!inForce(rule.rule.profileId)) continue;
    const hit = evaluateRule(rule, subject);
    if (hit) hits.push(hit);
  }
  for (const matcher of compiled.watchlists) {
    if (inForce(matcher.watchlist.profileId)) hits.push(...matcher.match(subject));
  }
  const random = drawRandomSelection(compiled.config.randomSelection, subject.subject.office, subject.subject.aeo, ctx.random);
  if (random) hits.push(random);

  return { lane: laneOf(hits), score: hits.reduce((sum, hit) => sum + hit.score, 0), hits };
}

/** Rules that can hit this subject, in configured order: HS-bucketed rules only when an item's code starts with theirs. */
function candidateRules(compiled: CompiledRiskConfig, subject: PreparedSubject): readonly CompiledRule[] {
  if (compiled.rulesByHsPrefix.size === 0) return compiled.rules;
  const picked = new Set<CompiledRule>(compiled.rulesWithoutHs);
  for (const item of subject.items) {
    const hs = item.values.hsCode?.[0];
    if (typeof hs !== 'string') continue;
    for (const length of compiled.hsPrefixLengths) {
      if (length > hs.length) continue;
      for (const rule of compiled.rulesByHsPrefix.get(hs.slice(0, length)) ?? []) picked.add(rule);
    }
  }
  return [...picked].sort((a, b) => a.order - b.order);
}

/** The strongest lane among the hits (red > yellow > blue > green); green when none. */
export function laneOf(hits: readonly { lane: Lane }[]): Lane {
  let lane: Lane = 'green';
  for (const hit of hits) if (LANE_PRECEDENCE[hit.lane] > LANE_PRECEDENCE[lane]) lane = hit.lane;
  return lane;
}

function evaluateRule({ rule, header, item }: CompiledRule, subject: PreparedSubject): RuleHit | null {
  const matches: ConditionMatch[] = [];
  for (const condition of header) {
    const actual = condition.satisfiedBy(subject.header[condition.field] ?? []);
    if (actual === undefined) return null;
    matches.push(explain(condition, actual));
  }

  // Item conditions must all hold on the same goods item.
  const itemSequences: number[] = [];
  if (item.length > 0) {
    for (const goods of subject.items) {
      if (!item.every((condition) => condition.satisfiedBy(goods.values[condition.field] ?? []) !== undefined)) continue;
      // Explain on the first matching item only; later ones are listed by sequence.
      if (itemSequences.length === 0) {
        for (const condition of item) matches.push(explain(condition, condition.satisfiedBy(goods.values[condition.field] ?? []) ?? null, goods.sequence));
      }
      itemSequences.push(goods.sequence);
    }
    if (itemSequences.length === 0) return null;
  }

  return {
    kind: 'rule',
    ruleId: rule.id,
    ruleVersion: rule.version,
    ruleName: rule.name,
    matches,
    itemSequences,
    lane: rule.lane,
    score: rule.score,
    profileId: rule.profileId,
  };
}

function explain(condition: CompiledCondition, actual: string | number | boolean | null, itemSequence?: number): ConditionMatch {
  return {
    field: condition.field,
    op: condition.condition.op,
    expected: condition.expected,
    actual,
    ...(itemSequence === undefined ? {} : { itemSequence }),
  };
}
