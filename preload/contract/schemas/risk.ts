import { z } from 'zod';
import { Id, IsoTime } from './common';

/**
 * Risk management data (selectivity in the style of ASYCUDA): criteria rules,
 * profiles, watchlists and random selection. Rules are data: every save is a new
 * version, and old versions are kept so past assessments stay explainable.
 */

// ---------------------------------------------------------------- lanes

/** green = release, yellow = documentary check, blue = post-clearance audit, red = physical inspection. */
export const Lane = z.enum(['green', 'yellow', 'blue', 'red']);
export type Lane = z.infer<typeof Lane>;

/** Higher wins: red > yellow > blue > green (DESIGN.md, risk). */
export const LANE_PRECEDENCE: Readonly<Record<Lane, number>> = { green: 0, blue: 1, yellow: 2, red: 3 };

export function strongerLane(a: Lane, b: Lane): Lane {
  return LANE_PRECEDENCE[b] > LANE_PRECEDENCE[a] ? b : a;
}

// ---------------------------------------------------------------- fields

/**
 * Every field a condition can read. `level: 'item'` fields are read on one goods
 * item: all item-level conditions of a rule must hold on the SAME item. `multi`
 * fields hold several values (route countries, containers): a condition holds when
 * any value satisfies it, except `ne`, which holds when no value equals.
 */
export const RISK_FIELDS = {
  hsCode: { level: 'item', kind: 'text', multi: false },
  originCountry: { level: 'item', kind: 'text', multi: false },
  itemCustomsValue: { level: 'item', kind: 'number', multi: false },
  itemGrossMassKg: { level: 'item', kind: 'number', multi: false },
  itemValuePerKg: { level: 'item', kind: 'number', multi: false },
  declarantId: { level: 'declaration', kind: 'text', multi: false },
  exporterId: { level: 'declaration', kind: 'text', multi: false },
  consigneeId: { level: 'declaration', kind: 'text', multi: false },
  office: { level: 'declaration', kind: 'text', multi: false },
  transportMode: { level: 'declaration', kind: 'text', multi: false },
  vehiclePlate: { level: 'declaration', kind: 'text', multi: false },
  routeCountry: { level: 'declaration', kind: 'text', multi: true },
  containerId: { level: 'declaration', kind: 'text', multi: true },
  totalCustomsValue: { level: 'declaration', kind: 'number', multi: false },
  totalGrossMassKg: { level: 'declaration', kind: 'number', multi: false },
  totalValuePerKg: { level: 'declaration', kind: 'number', multi: false },
  perishable: { level: 'declaration', kind: 'flag', multi: false },
  expedited: { level: 'declaration', kind: 'flag', multi: false },
  aeo: { level: 'declaration', kind: 'flag', multi: false },
} as const satisfies Record<string, { level: 'item' | 'declaration'; kind: 'text' | 'number' | 'flag'; multi: boolean }>;

export type RiskField = keyof typeof RISK_FIELDS;
export const RiskField = z.enum(Object.keys(RISK_FIELDS) as [RiskField, ...RiskField[]]);

/** Which operators make sense for which kind of field. */
export const OPERATORS_BY_KIND = {
  text: ['eq', 'ne', 'prefix', 'in', 'regex'],
  number: ['eq', 'ne', 'in', 'range'],
  flag: ['eq', 'ne'],
} as const;

// ---------------------------------------------------------------- regex safety

export const REGEX_MAX_LENGTH = 200;

/**
 * Why a static check and not a timeout: JavaScript regexes run synchronously and
 * cannot be interrupted, so a catastrophic pattern would freeze the engine for
 * every declaration. We reject the constructs that cause exponential
 * backtracking (star height > 1: a quantified group that itself contains a
 * quantifier, e.g. `(a+)+`; alternation inside an unbounded repeated group, e.g.
 * `(a|aa)*`; backreferences), cap the pattern length, and compile with the `u`
 * flag so the syntax is strict. Field values are short (ids, codes, plates), which
 * bounds what is left. Returns the reason, or null when the pattern is accepted.
 */
export function unsafeRegexReason(pattern: string, flags = ''): string | null {
  if (pattern.length === 0) return 'pattern is empty';
  if (pattern.length > REGEX_MAX_LENGTH) return `pattern longer than ${REGEX_MAX_LENGTH} characters`;
  if (!/^i?$/.test(flags)) return 'only the "i" flag is allowed';
  try {
    new RegExp(pattern, `u${flags}`);
  } catch (error) {
    return `does not compile: ${(error as Error).message}`;
  }
  // One frame per open group: does it contain a variable quantifier / an alternation?
  // A variable quantifier marks every enclosing group, so nesting propagates.
  const open: { quantified: boolean; alternation: boolean }[] = [];
  let justClosed: { quantified: boolean; alternation: boolean } | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    const closed = justClosed;
    justClosed = null;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      i++;
    } else if (ch === '[') {
      // A character class is one atom: skip to its end.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (ch === '(') {
      open.push({ quantified: false, alternation: false });
      // Skip the group kind so its "?" is not read as a quantifier: (?: (?= (?! (?<= (?<! (?<name>
      if (pattern[i + 1] === '?') {
        const kind = pattern[i + 2];
        if (kind === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') i = pattern.indexOf('>', i);
        else i += kind === '<' ? 3 : 2;
      }
    } else if (ch === ')') {
      justClosed = open.pop() ?? null;
    } else if (ch === '|') {
      const top = open[open.length - 1];
      if (top) top.alternation = true;
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      const braces = ch === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
      if (ch === '{' && !braces) continue; // a literal brace
      const unbounded = ch === '*' || ch === '+' || (braces !== null && braces[2] !== undefined && braces[3] === '');
      const variable = !(braces !== null && (braces[2] === undefined || braces[3] === braces[1]));
      if (closed && unbounded && closed.quantified) return 'nested quantifier (e.g. (a+)+) can backtrack catastrophically';
      if (closed && unbounded && closed.alternation) {
        return 'alternation inside a repeated group (e.g. (a|aa)*) can backtrack catastrophically; use a character class or the "in" operator';
      }
      if (variable) for (const group of open) group.quantified = true;
      if (braces) i += braces[0].length - 1;
      else if (pattern[i + 1] === '?') i++; // lazy quantifier
    }
  }
  return null;
}

// ---------------------------------------------------------------- conditions

const TextOrNumber = z.union([z.string().min(1).max(200), z.number().finite()]);

export const Condition = z
  .discriminatedUnion('op', [
    z.object({ field: RiskField, op: z.literal('eq'), value: z.union([TextOrNumber, z.boolean()]) }),
    z.object({ field: RiskField, op: z.literal('ne'), value: z.union([TextOrNumber, z.boolean()]) }),
    z.object({ field: RiskField, op: z.literal('prefix'), value: z.string().min(1).max(200) }),
    z.object({ field: RiskField, op: z.literal('in'), values: z.array(TextOrNumber).min(1).max(5000) }),
    z.object({
      field: RiskField,
      op: z.literal('range'),
      /** Inclusive bounds; one of them may be left out. */
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    }),
    z.object({ field: RiskField, op: z.literal('regex'), pattern: z.string(), flags: z.string().max(1).optional() }),
  ])
  .superRefine((c, ctx) => {
    const kind = RISK_FIELDS[c.field].kind;
    const allowed: readonly string[] = OPERATORS_BY_KIND[kind];
    if (!allowed.includes(c.op)) {
      ctx.addIssue({ code: 'custom', message: `operator ${c.op} does not apply to ${kind} field ${c.field}` });
      return;
    }
    if ((c.op === 'eq' || c.op === 'ne') && typeof c.value !== { text: 'string', number: 'number', flag: 'boolean' }[kind]) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} compares with a ${kind} value` });
    }
    if (c.op === 'in' && c.values.some((v) => typeof v !== (kind === 'number' ? 'number' : 'string'))) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `${c.field} compares with ${kind} values` });
    }
    if (c.op === 'range') {
      if (c.min === undefined && c.max === undefined) ctx.addIssue({ code: 'custom', message: 'range needs min or max' });
      if (c.min !== undefined && c.max !== undefined && c.min > c.max)
        ctx.addIssue({ code: 'custom', message: 'range min is above max' });
    }
    if (c.op === 'regex') {
      const reason = unsafeRegexReason(c.pattern, c.flags ?? '');
      if (reason) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `regex rejected: ${reason}` });
    }
  });
export type Condition = z.infer<typeof Condition>;
export type Operator = Condition['op'];

// ---------------------------------------------------------------- versioning

/** Stamped by the repository on every save; a save never overwrites a version. */
const Versioned = {
  version: z.number().int().min(1),
  author: z.string().min(1).max(64),
  updatedAt: IsoTime,
};

/** ISO calendar date, e.g. 2026-03-01. */
export const IsoDate = z.iso.date();

// ---------------------------------------------------------------- profiles

const ProfileFields = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  /** Inclusive, in the office's time zone (RiskConfig.timeZone). */
  validFrom: IsoDate,
  /** Inclusive; null = open-ended. */
  validTo: IsoDate.nullable(),
  active: z.boolean(),
});

function validityOrdered(p: { validFrom: string; validTo: string | null }): boolean {
  return p.validTo === null || p.validTo >= p.validFrom;
}
const validityMessage = { message: 'validTo is before validFrom', path: ['validTo'] };

export const RiskProfileDraft = ProfileFields.refine(validityOrdered, validityMessage);
export type RiskProfileDraft = z.input<typeof RiskProfileDraft>;

export const RiskProfile = ProfileFields.extend(Versioned).refine(validityOrdered, validityMessage);
export type RiskProfile = z.infer<typeof RiskProfile>;

// ---------------------------------------------------------------- rules

export const RiskRuleDraft = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  /** All must hold; item-level ones on the same goods item. */
  conditions: z.array(Condition).min(1).max(20),
  lane: Lane,
  score: z.number().int().min(0).max(1000),
  /** The profile the rule belongs to; null = applies regardless of profiles. */
  profileId: Id.nullable(),
  active: z.boolean(),
});
export type RiskRuleDraft = z.input<typeof RiskRuleDraft>;

export const RiskRule = RiskRuleDraft.extend(Versioned);
export type RiskRule = z.infer<typeof RiskRule>;

// ---------------------------------------------------------------- watchlists

export const WatchlistKind = z.enum(['trader', 'plate', 'container', 'hsPrefix']);
export type WatchlistKind = z.infer<typeof WatchlistKind>;

export const WatchlistEntry = z.object({
  id: Id,
  /** Trader name, plate, container number or HS prefix as written by the supervisor. */
  value: z.string().min(1).max(200),
  /** Trader entries only: a known trader id (EORI, USCI…) also matches exactly. */
  traderId: z.string().min(1).max(64).optional(),
  reason: z.string().min(1).max(500),
});
export type WatchlistEntry = z.infer<typeof WatchlistEntry>;

export const DEFAULT_TRADER_SIMILARITY = 0.9;

export const WatchlistDraft = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  kind: WatchlistKind,
  lane: Lane,
  score: z.number().int().min(0).max(1000),
  profileId: Id.nullable(),
  /** Trader lists: names at or above this similarity (0..1) match. */
  similarityThreshold: z.number().min(0.5).max(1).default(DEFAULT_TRADER_SIMILARITY),
  entries: z.array(WatchlistEntry).max(100_000),
  active: z.boolean(),
});
export type WatchlistDraft = z.input<typeof WatchlistDraft>;

export const Watchlist = WatchlistDraft.extend(Versioned);
export type Watchlist = z.infer<typeof Watchlist>;

// ---------------------------------------------------------------- random selection

const Rate = z.number().min(0).max(1);

export const OfficeRandomRate = z
  .object({
    office: z.string().min(1).max(32),
    /** Share of declarations selected at random at this office. */
    expectedRate: Rate,
    /** Floor: no reduction (AEO) brings the rate below it. */
    minimumRate: Rate,
  })
  .refine((o) => o.minimumRate <= o.expectedRate, { message: 'minimumRate is above expectedRate', path: ['minimumRate'] });
export type OfficeRandomRate = z.infer<typeof OfficeRandomRate>;

export const RandomSelectionDraft = z.object({
  offices: z.array(OfficeRandomRate),
  /** For offices not listed. */
  defaultExpectedRate: Rate,
  defaultMinimumRate: Rate,
  /** Authorised operators' rate is multiplied by this (TFA Art. 7.7), then floored at the minimum. */
  aeoReductionFactor: Rate,
  lane: Lane,
  score: z.number().int().min(0).max(1000),
});
export type RandomSelectionDraft = z.input<typeof RandomSelectionDraft>;

export const RandomSelection = RandomSelectionDraft.extend(Versioned);
export type RandomSelection = z.infer<typeof RandomSelection>;

// ---------------------------------------------------------------- the whole configuration

export const RiskConfig = z
  .object({
    rules: z.array(RiskRule),
    profiles: z.array(RiskProfile),
    watchlists: z.array(Watchlist),
    randomSelection: RandomSelection,
    /** IANA zone in which profile validity dates are read, e.g. Asia/Shanghai. */
    timeZone: z.string().min(1).default('UTC'),
  })
  .superRefine((config, ctx) => {
    const profiles = new Set(config.profiles.map((p) => p.id));
    config.rules.forEach((rule, i) => {
      if (rule.profileId !== null && !profiles.has(rule.profileId)) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'profileId'], message: `unknown profile ${rule.profileId}` });
      }
    });
  });
export type RiskConfig = z.infer<typeof RiskConfig>;

// ---------------------------------------------------------------- assessments

export const ConditionMatch = z.object({
  field: RiskField,
  op: z.enum(['eq', 'ne', 'prefix', 'in', 'range', 'regex']),
  /** What the rule asked for, as text (e.g. "2939", "[CN, HK]", "0..2.5"). */
  expected: z.string(),
  /** The value read from the declaration (the first that satisfied it for multi fields). */
  actual: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** Goods item sequence number, for item-level fields. */
  itemSequence: z.number().int().optional(),
});
export type ConditionMatch = z.infer<typeof ConditionMatch>;

const HitBase = { lane: Lane, score: z.number().int(), profileId: Id.nullable() };

export const RuleHit = z.object({
  kind: z.literal('rule'),
  ruleId: Id,
  ruleVersion: z.number().int(),
  ruleName: z.string(),
  /** Explanation of every condition, on the first item that satisfied them all. */
  matches: z.array(ConditionMatch),
  /** All goods items on which the item-level conditions held (empty for header-only rules). */
  itemSequences: z.array(z.number().int()),
  ...HitBase,
});
export type RuleHit = z.infer<typeof RuleHit>;

export const WatchlistHit = z.object({
  kind: z.literal('watchlist'),
  watchlistId: Id,
  watchlistVersion: z.number().int(),
  watchlistName: z.string(),
  listKind: WatchlistKind,
  entryId: Id,
  entryValue: z.string(),
  reason: z.string(),
  /** Which part of the declaration matched, e.g. exporter, vehiclePlate, item. */
  matchedField: z.string(),
  matchedValue: z.string(),
  itemSequence: z.number().int().optional(),
  /** 1 for exact matches; the name similarity for fuzzy trader matches. */
  similarity: z.number(),
  ...HitBase,
});
export type WatchlistHit = z.infer<typeof WatchlistHit>;

export const RandomHit = z.object({
  kind: z.literal('random'),
  office: z.string(),
  randomSelectionVersion: z.number().int(),
  expectedRate: z.number(),
  minimumRate: z.number(),
  aeo: z.boolean(),
  /** The AEO factor when it was applied, else null. */
  aeoReductionFactor: z.number().nullable(),
  rateApplied: z.number(),
  lane: Lane,
  score: z.number().int(),
});
export type RandomHit = z.infer<typeof RandomHit>;

export const Hit = z.discriminatedUnion('kind', [RuleHit, WatchlistHit, RandomHit]);
export type Hit = z.infer<typeof Hit>;

export const Assessment = z.object({
  /** The strongest lane among the hits; green when nothing hit. */
  lane: Lane,
  /** Sum of the hits' scores. */
  score: z.number().int(),
  hits: z.array(Hit),
});
export type Assessment = z.infer<typeof Assessment>;

// ---------------------------------------------------------------- dry run

export const LaneCounts = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  blue: z.number().int(),
  red: z.number().int(),
});
export type LaneCounts = z.infer<typeof LaneCounts>;

export const DryRunResult = z.object({
  subjects: z.number().int(),
  ruleHits: z.array(
    z.object({ ruleId: Id, ruleVersion: z.number().int(), ruleName: z.string(), declarations: z.number().int() }),
  ),
  watchlistHits: z.array(z.object({ watchlistId: Id, watchlistName: z.string(), declarations: z.number().int() })),
  randomSelections: z.object({ before: z.number().int(), after: z.number().int() }),
  laneMixBefore: LaneCounts,
  laneMixAfter: LaneCounts,
  /** Declarations whose lane differs between the current and the candidate set. */
  laneChanged: z.number().int(),
});
export type DryRunResult = z.infer<typeof DryRunResult>;
