import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, ConditionMatch, Hit, RiskConfig } from '../../../preload/contract/schemas/risk';
import { compileCondition } from '../../../main/services/risk/compiled-condition';
import { compiledFor } from '../../../main/services/risk/compiled-config';
import { assess, laneOf } from '../../../main/services/risk/engine';
import { prepareSubject } from '../../../main/services/risk/prepared-subject';
import { profileInForce } from '../../../main/services/risk/profile-validity';
import type { RiskSubject } from '../../../main/services/risk/subject';
import { config, item, NEVER, NOW, profile, rule, subject } from './fixtures';

/**
 * The engine only evaluates rules whose HS code starts one of the declaration's
 * codes, and only on those items. This checks it against the plain definition:
 * every active rule in force, every item, in configured order.
 */
function reference(s: RiskSubject, cfg: RiskConfig, today: string): { lane: string; score: number; hits: Hit[] } {
  const prepared = prepareSubject(s);
  const hits: Hit[] = [];
  for (const r of cfg.rules.filter((x) => x.active)) {
    const p = r.profileId === null ? null : cfg.profiles.find((x) => x.id === r.profileId);
    if (r.profileId !== null && (!p || !profileInForce(p, today))) continue;
    const conditions = r.conditions.map(compileCondition);
    const header = conditions.filter((c) => c.level === 'declaration');
    const itemLevel = conditions.filter((c) => c.level === 'item');
    const headerActuals = header.map((c) => c.satisfiedBy(prepared.header[c.field] ?? []));
    if (headerActuals.some((a) => a === undefined)) continue;
    const matching =
      itemLevel.length === 0
        ? []
        : prepared.items.filter((g) => itemLevel.every((c) => c.satisfiedBy(g.values[c.field] ?? []) !== undefined));
    if (itemLevel.length > 0 && matching.length === 0) continue;
    const matches: ConditionMatch[] = header.map((c, i) => ({
      field: c.field,
      op: c.condition.op,
      expected: c.expected,
      actual: headerActuals[i] ?? null,
    }));
    const firstItem = matching[0];
    if (firstItem) {
      for (const c of itemLevel) {
        matches.push({
          field: c.field,
          op: c.condition.op,
          expected: c.expected,
          actual: c.satisfiedBy(firstItem.values[c.field] ?? []) ?? null,
          itemSequence: firstItem.sequence,
        });
      }
    }
    hits.push({
      kind: 'rule',
      ruleId: r.id,
      ruleVersion: r.version,
      ruleName: r.name,
      matches,
      itemSequences: matching.map((g) => g.sequence),
      lane: r.lane,
      score: r.score,
      profileId: r.profileId,
    });
  }
  return { lane: laneOf(hits), score: hits.reduce((sum, h) => sum + h.score, 0), hits };
}

const HS = ['0302', '030389', '2939', '293941', '8517', '851712', '851762', '6109', '610910', '61', '85'];
const COUNTRIES = ['CN', 'AE', 'SG', 'DE'];

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    field: fc.constant('hsCode' as const),
    op: fc.constant('prefix' as const),
    value: fc.constantFrom(...HS, '85.17', '6109 10'),
  }),
  fc.record({ field: fc.constant('hsCode' as const), op: fc.constant('eq' as const), value: fc.constantFrom(...HS) }),
  fc.record({
    field: fc.constant('hsCode' as const),
    op: fc.constant('regex' as const),
    pattern: fc.constantFrom('^85', '^0[23]', '12$'),
  }),
  fc.record({ field: fc.constant('hsCode' as const), op: fc.constant('in' as const), values: fc.subarray(HS, { minLength: 1 }) }),
  fc.record({
    field: fc.constant('originCountry' as const),
    op: fc.constant('in' as const),
    values: fc.subarray(COUNTRIES, { minLength: 1 }),
  }),
  fc.record({
    field: fc.constant('itemValuePerKg' as const),
    op: fc.constant('range' as const),
    max: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    field: fc.constant('routeCountry' as const),
    op: fc.constant('eq' as const),
    value: fc.constantFrom(...COUNTRIES),
  }),
  fc.record({
    field: fc.constant('routeCountry' as const),
    op: fc.constant('ne' as const),
    value: fc.constantFrom(...COUNTRIES),
  }),
  fc.record({ field: fc.constant('perishable' as const), op: fc.constant('eq' as const), value: fc.boolean() }),
);

const rulesArb = fc.array(
  fc.tuple(
    fc.array(condition, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('yellow', 'blue', 'red') as fc.Arbitrary<'yellow' | 'blue' | 'red'>,
    fc.constantFrom(null, 'now', 'expired'),
    fc.boolean(),
  ),
  { maxLength: 25 },
);

const subjectArb = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('0302.11', '030389', '2939.41', '851712', '8517.62', '610910', '6110.20', '8471.30', ''),
        fc.constantFrom(...COUNTRIES),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 2_000 }),
      ),
      { minLength: 1, maxLength: 12 },
    ),
    fc.subarray(COUNTRIES),
    fc.boolean(),
  )
  .map(([items, route, perishable]) =>
    subject({
      routeCountries: route,
      perishable,
      items: items.map(([hsCode, originCountry, customsValue, grossMassKg], i) =>
        item({ sequence: i + 1, hsCode, originCountry, customsValue, grossMassKg }),
      ),
    }),
  );

describe('rule selection by HS code', () => {
  it('property: gives the same assessment as evaluating every rule on every item', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(subjectArb, { minLength: 1, maxLength: 5 }), (specs, subjects) => {
        const cfg = config({
          rules: specs.map(([conditions, lane, prof, active], i) => rule(`r${i}`, conditions, lane, { profileId: prof, active })),
          profiles: [profile('now', '2026-01-01', null), profile('expired', '2025-01-01', '2025-12-31')],
        });
        for (const s of subjects) expect(assess(s, cfg, { now: NOW, random: NEVER })).toEqual(reference(s, cfg, '2026-03-15'));
      }),
      { numRuns: 400 },
    );
  });

  it('evaluates an HS rule only on the items under its code, still naming them all', () => {
    const r = rule('phones', [
      { field: 'hsCode', op: 'prefix', value: '8517' },
      { field: 'originCountry', op: 'eq', value: 'AE' },
    ]);
    const s = subject({
      items: [
        item({ sequence: 1, hsCode: '851712', originCountry: 'AE' }),
        item({ sequence: 2, hsCode: '847130', originCountry: 'AE' }),
        item({ sequence: 3, hsCode: '8517.62', originCountry: 'AE' }),
      ],
    });
    const cfg = config({ rules: [r] });
    expect(compiledFor(cfg).rules[0]?.hsCode).toBe('8517');
    expect(assess(s, cfg, { now: NOW, random: NEVER }).hits).toMatchObject([{ ruleId: 'phones', itemSequences: [1, 3] }]);
  });

  it('reads the profile validity for each date, not only the first one asked', () => {
    const cfg = config({
      rules: [rule('r', [{ field: 'hsCode', op: 'prefix', value: '85' }], 'red', { profileId: 'p' })],
      profiles: [profile('p', '2026-03-15', '2026-03-15')],
    });
    const s = subject({ items: [item({ hsCode: '851712' })] });
    expect(assess(s, cfg, { now: NOW, random: NEVER }).lane).toBe('red');
    expect(assess(s, cfg, { now: new Date('2026-03-16T10:00:00Z'), random: NEVER }).lane).toBe('green');
    expect(assess(s, cfg, { now: NOW, random: NEVER }).lane).toBe('red');
  });
});
