import type { RiskConfig, RiskProfile, RiskRule } from '../../../preload/schemas/risk';
import { compileCondition, type CompiledCondition } from './compiled-condition';
import { localDateReader } from './profile-validity';
import { compileWatchlist, type WatchlistMatcher } from './watchlist-matcher';

export interface CompiledRule {
  /** Position in the config: hits keep the configured order. */
  order: number;
  rule: RiskRule;
  header: CompiledCondition[];
  item: CompiledCondition[];
}

/** A RiskConfig with regexes compiled and watchlists indexed: built once, used for every declaration. */
export interface CompiledRiskConfig {
  config: RiskConfig;
  rules: CompiledRule[];
  /**
   * Rules with an HS prefix/eq condition, by that normalized code: only rules whose
   * code starts one of the declaration's HS codes are evaluated (most rules name one).
   */
  rulesByHsPrefix: ReadonlyMap<string, CompiledRule[]>;
  hsPrefixLengths: readonly number[];
  /** Rules without an HS condition: always evaluated. */
  rulesWithoutHs: CompiledRule[];
  watchlists: WatchlistMatcher[];
  profiles: ReadonlyMap<string, RiskProfile>;
  today(now: Date): string;
}

export function compileRiskConfig(config: RiskConfig): CompiledRiskConfig {
  const rules = config.rules
    .filter((rule) => rule.active)
    .map((rule, order) => {
      const conditions = rule.conditions.map(compileCondition);
      return { order, rule, header: conditions.filter((c) => c.level === 'declaration'), item: conditions.filter((c) => c.level === 'item') };
    });
  const rulesByHsPrefix = new Map<string, CompiledRule[]>();
  const rulesWithoutHs: CompiledRule[] = [];
  for (const compiledRule of rules) {
    const hs = compiledRule.item.find((c) => c.field === 'hsCode' && (c.condition.op === 'prefix' || c.condition.op === 'eq'));
    const code = hs ? hs.expected.replace('…', '') : '';
    if (code === '') rulesWithoutHs.push(compiledRule);
    else rulesByHsPrefix.set(code, [...(rulesByHsPrefix.get(code) ?? []), compiledRule]);
  }
  return {
    config,
    rules,
    rulesByHsPrefix,
    hsPrefixLengths: [...new Set([...rulesByHsPrefix.keys()].map((k) => k.length))],
    rulesWithoutHs,
    watchlists: config.watchlists.filter((w) => w.active).map(compileWatchlist),
    profiles: new Map(config.profiles.map((p) => [p.id, p])),
    today: localDateReader(config.timeZone),
  };
}

const compiled = new WeakMap<RiskConfig, CompiledRiskConfig>();

/** Compiles once per config object (configs are replaced, not mutated, when rules change). */
export function compiledFor(config: RiskConfig): CompiledRiskConfig {
  let result = compiled.get(config);
  if (!result) {
    result = compileRiskConfig(config);
    compiled.set(config, result);
  }
  return result;
}
