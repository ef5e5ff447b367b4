import type { RiskConfig, RiskProfile, RiskRule } from '../../../preload/contract/schemas/risk';
import { compileCondition, type CompiledCondition } from './compiled-condition';
import { localDateReader, profileInForce } from './profile-validity';
import { compileWatchlist, type WatchlistMatcher } from './watchlist-matcher';

export interface CompiledRule {
  /** Position in the config: hits keep the configured order. */
  order: number;
  rule: RiskRule;
  header: CompiledCondition[];
  item: CompiledCondition[];
  /** The normalized code of the rule's HS prefix/eq condition: only items starting with it can satisfy the rule. */
  hsCode: string | null;
  /**
   * The item conditions still to test on an item the HS index picked: an HS prefix
   * condition already holds for every such item, so it is only run to explain a hit.
   */
  itemChecks: CompiledCondition[];
}

/** A RiskConfig with regexes compiled and watchlists indexed: built once, used for every declaration. */
export interface CompiledRiskConfig {
  config: RiskConfig;
  rules: CompiledRule[];
  /**
   * Rules with an HS prefix/eq condition, by that normalized code: only rules whose
   * code starts one of the declaration's HS codes are evaluated (most rules name one),
   * and only on the items whose code starts with it.
   */
  rulesByHsPrefix: ReadonlyMap<string, CompiledRule[]>;
  hsPrefixLengths: readonly number[];
  /** Rules without an HS condition: always evaluated. */
  rulesWithoutHs: CompiledRule[];
  watchlists: WatchlistMatcher[];
  profiles: ReadonlyMap<string, RiskProfile>;
  today(now: Date): string;
  /** Whether a profile (null: none) is in force on a date; answers are kept per date. */
  inForce(profileId: string | null, today: string): boolean;
}

export function compileRiskConfig(config: RiskConfig): CompiledRiskConfig {
  const rules = config.rules
    .filter((rule) => rule.active)
    .map((rule, order) => {
      const conditions = rule.conditions.map(compileCondition);
      const item = conditions.filter((c) => c.level === 'item');
      const hs = item.find((c) => c.field === 'hsCode' && (c.condition.op === 'prefix' || c.condition.op === 'eq'));
      const hsCode = hs ? hs.expected.replace('…', '') : '';
      const indexed = hsCode !== '' && hs?.condition.op === 'prefix' ? hs : null;
      return {
        order,
        rule,
        header: conditions.filter((c) => c.level === 'declaration'),
        item,
        hsCode: hsCode === '' ? null : hsCode,
        itemChecks: item.filter((c) => c !== indexed),
      };
    });
  const rulesByHsPrefix = new Map<string, CompiledRule[]>();
  const rulesWithoutHs: CompiledRule[] = [];
  for (const compiledRule of rules) {
    const code = compiledRule.hsCode;
    if (code === null) rulesWithoutHs.push(compiledRule);
    else rulesByHsPrefix.set(code, [...(rulesByHsPrefix.get(code) ?? []), compiledRule]);
  }
  const profiles = new Map(config.profiles.map((p) => [p.id, p]));
  let inForceDay = '';
  let inForceById = new Map<string, boolean>();
  return {
    config,
    rules,
    rulesByHsPrefix,
    hsPrefixLengths: [...new Set([...rulesByHsPrefix.keys()].map((k) => k.length))],
    rulesWithoutHs,
    watchlists: config.watchlists.filter((w) => w.active).map(compileWatchlist),
    profiles,
    today: cachedPerSecond(localDateReader(config.timeZone)),
    inForce(profileId, today) {
      if (profileId === null) return true;
      if (today !== inForceDay) {
        inForceDay = today;
        inForceById = new Map();
      }
      let answer = inForceById.get(profileId);
      if (answer === undefined) {
        const profile = profiles.get(profileId);
        answer = profile !== undefined && profileInForce(profile, today);
        inForceById.set(profileId, answer);
      }
      return answer;
    },
  };
}

/**
 * Formatting a date in a time zone (Intl) costs more than scoring a small
 * declaration, and assessments come in bursts: the last answer is reused within
 * the same UTC second (every zone's offset is a whole number of seconds, so the
 * local date cannot change inside one).
 */
function cachedPerSecond(read: (now: Date) => string): (now: Date) => string {
  let second = Number.NaN;
  let value = '';
  return (now) => {
    const at = Math.floor(now.getTime() / 1000);
    if (at !== second) {
      value = read(now);
      second = at;
    }
    return value;
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
