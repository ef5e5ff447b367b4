import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANE_PRECEDENCE, Lane, type RuleHit } from '../../../preload/contract/schemas/risk';
import { assess, laneOf } from '../../../main/services/risk/engine';
import { config, item, NEVER, NOW, profile, rule, subject, watchlist } from './fixtures';

const at = (iso: string) => ({ now: new Date(iso), random: NEVER });

describe('item-level conditions hold on the same goods item', () => {
  const phonesFromUae = rule('phones-ae', [
    { field: 'hsCode', op: 'prefix', value: '8517' },
    { field: 'originCountry', op: 'eq', value: 'AE' },
  ]);
  const cfg = config({ rules: [phonesFromUae] });

  it('does not hit when the conditions hold on different items', () => {
    const split = subject({
      items: [
        item({ sequence: 1, hsCode: '851712', originCountry: 'CN' }),
        item({ sequence: 2, hsCode: '847130', originCountry: 'AE' }),
      ],
    });
    expect(assess(split, cfg, { now: NOW, random: NEVER }).hits).toEqual([]);
  });

  it('hits, naming every matching item and explaining the first', () => {
    const s = subject({
      items: [
        item({ sequence: 1, hsCode: '847130', originCountry: 'AE' }),
        item({ sequence: 2, hsCode: '851712', originCountry: 'AE' }),
        item({ sequence: 3, hsCode: '851762', originCountry: 'AE' }),
      ],
    });
    const [hit] = assess(s, cfg, { now: NOW, random: NEVER }).hits as RuleHit[];
    expect(hit?.itemSequences).toEqual([2, 3]);
    expect(hit?.matches).toEqual([
      { field: 'hsCode', op: 'prefix', expected: '8517…', actual: '851712', itemSequence: 2 },
      { field: 'originCountry', op: 'eq', expected: 'AE', actual: 'AE', itemSequence: 2 },
    ]);
  });

  it('mixes header and item conditions', () => {
    const r = rule('mixed', [
      { field: 'routeCountry', op: 'in', values: ['PA'] },
      { field: 'hsCode', op: 'prefix', value: '24' },
    ]);
    const s = subject({ routeCountries: ['CN', 'PA'], items: [item({ hsCode: '240220' })] });
    const [hit] = assess(s, config({ rules: [r] }), { now: NOW, random: NEVER }).hits as RuleHit[];
    expect(hit?.matches.map((m) => [m.field, m.actual, m.itemSequence])).toEqual([
      ['routeCountry', 'PA', undefined],
      ['hsCode', '240220', 1],
    ]);
    expect(hit?.itemSequences).toEqual([1]);
    expect(
      assess(subject({ items: [item({ hsCode: '240220' })] }), config({ rules: [r] }), { now: NOW, random: NEVER }).hits,
    ).toEqual([]);
  });
});

describe('explanations', () => {
  it('names the rule, its version, profile, lane and score', () => {
    const r = rule('precursor', [{ field: 'hsCode', op: 'prefix', value: '2939' }], 'red', {
      version: 4,
      score: 90,
      profileId: 'narcotics',
      name: 'Precursors',
    });
    const cfg = config({ rules: [r], profiles: [profile('narcotics', '2026-01-01', null)] });
    const result = assess(subject({ items: [item({ hsCode: '2939.41' })] }), cfg, { now: NOW, random: NEVER });
    expect(result).toEqual({
      lane: 'red',
      score: 90,
      hits: [
        {
          kind: 'rule',
          ruleId: 'precursor',
          ruleVersion: 4,
          ruleName: 'Precursors',
          matches: [{ field: 'hsCode', op: 'prefix', expected: '2939…', actual: '293941', itemSequence: 1 }],
          itemSequences: [1],
          lane: 'red',
          score: 90,
          profileId: 'narcotics',
        },
      ],
    });
  });

  it('skips inactive rules', () => {
    const r = rule('off', [{ field: 'office', op: 'eq', value: 'CNSZX001' }], 'red', { active: false });
    expect(assess(subject(), config({ rules: [r] }), { now: NOW, random: NEVER }).lane).toBe('green');
  });
});

describe('lane precedence red > yellow > blue > green', () => {
  const always = (id: string, lane: Lane) => rule(id, [{ field: 'office', op: 'eq', value: 'CNSZX001' }], lane);

  it.each([
    [['blue', 'yellow'], 'yellow'],
    [['yellow', 'red', 'blue'], 'red'],
    [['blue', 'green'], 'blue'],
    [['green'], 'green'],
    [[], 'green'],
  ] as [Lane[], Lane][])('%j → %s', (lanes, expected) => {
    const cfg = config({ rules: lanes.map((lane, i) => always(`r${i}`, lane)) });
    expect(assess(subject(), cfg, { now: NOW, random: NEVER }).lane).toBe(expected);
  });

  it('property: the lane is the highest-precedence lane among the hits, and the score their sum', () => {
    const ruleArb = fc.record({
      lane: fc.constantFrom(...Lane.options),
      score: fc.integer({ min: 0, max: 100 }),
      hsPrefix: fc.constantFrom('85', '8517', '61', '6109', '29'),
    });
    const itemArb = fc.constantFrom('851712', '610910', '293941', '847130');
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 12 }), fc.array(itemArb, { minLength: 1, maxLength: 5 }), (rules, hsCodes) => {
        const cfg = config({
          rules: rules.map((r, i) =>
            rule(`r${i}`, [{ field: 'hsCode', op: 'prefix', value: r.hsPrefix }], r.lane, { score: r.score }),
          ),
        });
        const s = subject({ items: hsCodes.map((hsCode, i) => item({ sequence: i + 1, hsCode })) });
        const result = assess(s, cfg, { now: NOW, random: NEVER });
        const expectedHits = rules.filter((r) => hsCodes.some((hs) => hs.startsWith(r.hsPrefix)));
        expect(result.hits).toHaveLength(expectedHits.length);
        const strongest = expectedHits.reduce(
          (lane, r) => (LANE_PRECEDENCE[r.lane] > LANE_PRECEDENCE[lane] ? r.lane : lane),
          'green' as Lane,
        );
        expect(result.lane).toBe(strongest);
        expect(laneOf(result.hits)).toBe(strongest);
        expect(result.score).toBe(expectedHits.reduce((sum, r) => sum + r.score, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('profile validity window', () => {
  const r = rule('seasonal', [{ field: 'office', op: 'eq', value: 'CNSZX001' }], 'yellow', { profileId: 'season' });
  const cfg = (validFrom: string, validTo: string | null, extra: { active?: boolean; timeZone?: string } = {}) =>
    config({
      rules: [r],
      profiles: [profile('season', validFrom, validTo, { active: extra.active ?? true })],
      timeZone: extra.timeZone ?? 'UTC',
    });

  it.each([
    ['before validFrom', '2026-02-28T23:59:59Z', false],
    ['on validFrom (inclusive)', '2026-03-01T00:00:00Z', true],
    ['inside', '2026-03-15T12:00:00Z', true],
    ['on validTo (inclusive, whole day)', '2026-03-31T23:59:59Z', true],
    ['after validTo', '2026-04-01T00:00:00Z', false],
  ])('%s', (_name, now, applies) => {
    expect(assess(subject(), cfg('2026-03-01', '2026-03-31'), at(now)).hits.length > 0).toBe(applies);
  });

  it('open-ended profiles apply from validFrom on', () => {
    expect(assess(subject(), cfg('2026-03-01', null), at('2030-01-01T00:00:00Z')).lane).toBe('yellow');
  });

  it('inactive profiles do not apply', () => {
    expect(assess(subject(), cfg('2026-01-01', null, { active: false }), at('2026-03-15T00:00:00Z')).lane).toBe('green');
  });

  it('reads dates in the office time zone', () => {
    // 16:30 UTC on 28 Feb is already 1 March in Shanghai (UTC+8).
    const now = '2026-02-28T16:30:00Z';
    expect(assess(subject(), cfg('2026-03-01', null), at(now)).lane).toBe('green');
    expect(assess(subject(), cfg('2026-03-01', null, { timeZone: 'Asia/Shanghai' }), at(now)).lane).toBe('yellow');
  });

  it('also governs watchlists', () => {
    const list = watchlist('plate', [{ id: 'p', value: 'AB123', reason: 'tip' }], { profileId: 'season' });
    const c = config({ watchlists: [list], profiles: [profile('season', '2026-03-01', '2026-03-31')] });
    const s = subject({ vehiclePlate: 'AB 123' });
    expect(assess(s, c, at('2026-03-10T00:00:00Z')).lane).toBe('red');
    expect(assess(s, c, at('2026-04-10T00:00:00Z')).lane).toBe('green');
  });

  it('rejects a rule naming an unknown profile', () => {
    expect(() => config({ rules: [r] })).toThrow(/unknown profile season/);
  });
});

describe('determinism', () => {
  it('gives the same assessment for the same inputs', () => {
    const cfg = config({ rules: [rule('a', [{ field: 'hsCode', op: 'prefix', value: '84' }])] });
    const s = subject();
    expect(assess(s, cfg, { now: NOW, random: () => 0.5 })).toEqual(assess(s, cfg, { now: NOW, random: () => 0.5 }));
  });
});
