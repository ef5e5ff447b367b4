import {
  LANE_PRECEDENCE,
  type Assessment,
  type ConditionMatch,
  type Hit,
  type Lane,
  type RiskConfig,
  type RuleHit,
} from '../../../preload/contract/schemas/risk';
import type { CompiledCondition } from './compiled-condition';
import { compiledFor, type CompiledRiskConfig, type CompiledRule } from './compiled-config';
import { prepareSubject, type FieldValues, type PreparedItem, type PreparedSubject } from './prepared-subject';
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
  const hits: Hit[] = [];
  const hsItems = itemsByHsRule(compiled, subject);
  for (const rule of candidateRules(compiled, hsItems)) {
    // A rule naming an HS code is evaluated only on the items whose code starts with it (no such item: no hit).
    let items = subject.items;
    if (rule.hsCode !== null) {
      const matching = hsItems.get(rule);
      if (matching === undefined) continue;
      items = matching;
    }
    if (!compiled.inForce(rule.rule.profileId, today)) continue;
    const hit = evaluateRule(rule, subject, items);
    if (hit) hits.push(hit);
  }
  for (const matcher of compiled.watchlists) {
    if (compiled.inForce(matcher.watchlist.profileId, today)) hits.push(...matcher.match(subject));
  }
  const random = drawRandomSelection(compiled.config.randomSelection, subject.subject.office, subject.subject.aeo, ctx.random);
  if (random) hits.push(random);

  let score = 0;
  for (const hit of hits) score += hit.score;
  return { lane: laneOf(hits), score, hits };
}

/**
 * The rules worth walking, in configured order. A small declaration touches a few
 * of hundreds of HS rules: then only those and the rules without an HS condition
 * are walked. A large one touches most of them: then sorting the touched ones costs
 * more than walking every rule, which the caller skips by HS index lookup.
 */
function candidateRules(
  compiled: CompiledRiskConfig,
  hsItems: ReadonlyMap<CompiledRule, PreparedItem[]>,
): readonly CompiledRule[] {
  const withoutHs = compiled.rulesWithoutHs;
  if (hsItems.size === 0) return withoutHs;
  if (hsItems.size * SORT_SHARE > compiled.rules.length) return compiled.rules;
  const withHs = [...hsItems.keys()].sort((a, b) => a.order - b.order);
  if (withoutHs.length === 0) return withHs;
  const merged: CompiledRule[] = [];
  let i = 0;
  let j = 0;
  while (i < withoutHs.length && j < withHs.length)
    merged.push(withoutHs[i]!.order < withHs[j]!.order ? withoutHs[i++]! : withHs[j++]!);
  while (i < withoutHs.length) merged.push(withoutHs[i++]!);
  while (j < withHs.length) merged.push(withHs[j++]!);
  return merged;
}

/** Sorting n touched rules costs about n·log n comparisons; past rules/8 of them the full walk is cheaper. */
const SORT_SHARE = 8;

/** For each rule with an HS code, the items (in order) whose code starts with it; rules no item can satisfy are absent. */
function itemsByHsRule(compiled: CompiledRiskConfig, subject: PreparedSubject): Map<CompiledRule, PreparedItem[]> {
  const byRule = new Map<CompiledRule, PreparedItem[]>();
  if (compiled.rulesByHsPrefix.size === 0) return byRule;
  for (const item of subject.items) {
    const hs = item.values.hsCode?.[0];
    if (typeof hs !== 'string') continue;
    for (const length of compiled.hsPrefixLengths) {
      if (length > hs.length) continue;
      const rules = compiled.rulesByHsPrefix.get(hs.slice(0, length));
      if (rules === undefined) continue;
      // A rule sits in one bucket and an item matches it at one length: no item is added twice.
      for (const rule of rules) {
        const list = byRule.get(rule);
        if (list) list.push(item);
        else byRule.set(rule, [item]);
      }
    }
  }
  return byRule;
}

/** The strongest lane among the hits (red > yellow > blue > green); green when none. */
export function laneOf(hits: readonly { lane: Lane }[]): Lane {
  let lane: Lane = 'green';
  for (const hit of hits) if (LANE_PRECEDENCE[hit.lane] > LANE_PRECEDENCE[lane]) lane = hit.lane;
  return lane;
}

const NO_VALUES: FieldValues = [];

function evaluateRule(
  { rule, header, item, itemChecks }: CompiledRule,
  subject: PreparedSubject,
  items: readonly PreparedItem[],
): RuleHit | null {
  // Values are checked first and explanations built only for a hit (most rules miss most
  // declarations): a miss allocates nothing, and a hit asks its conditions again to explain.
  for (const condition of header) {
    if (condition.satisfiedBy(subject.header[condition.field] ?? NO_VALUES) === undefined) return null;
  }

  // Item conditions must all hold on the same goods item.
  let itemSequences: number[] | null = null;
  let first: PreparedItem | null = null;
  if (item.length > 0) {
    for (const goods of items) {
      let holds = true;
      for (const condition of itemChecks) {
        if (condition.satisfiedBy(goods.values[condition.field] ?? NO_VALUES) === undefined) {
          holds = false;
          break;
        }
      }
      if (!holds) continue;
      first ??= goods;
      (itemSequences ??= []).push(goods.sequence);
    }
    if (first === null) return null;
  }

  const matches: ConditionMatch[] = header.map((condition) =>
    explain(condition, condition.satisfiedBy(subject.header[condition.field] ?? NO_VALUES) ?? null),
  );
  // Explain on the first matching item only; later ones are listed by sequence.
  if (first !== null) {
    const goods = first;
    for (const condition of item)
      matches.push(explain(condition, condition.satisfiedBy(goods.values[condition.field] ?? NO_VALUES) ?? null, goods.sequence));
  }

  return {
    kind: 'rule',
    ruleId: rule.id,
    ruleVersion: rule.version,
    ruleName: rule.name,
    matches,
    itemSequences: itemSequences ?? [],
    lane: rule.lane,
    score: rule.score,
    profileId: rule.profileId,
  };
}

function explain(condition: CompiledCondition, actual: string | number | boolean | null, itemSequence?: number): ConditionMatch {
  const match: ConditionMatch = { field: condition.field, op: condition.condition.op, expected: condition.expected, actual };
  if (itemSequence !== undefined) match.itemSequence = itemSequence;
  return match;
}
