import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { traderNameTokens } from '../../../main/services/risk/normalize';
import { boundedEditDistance, editBudget, nameSimilarity, ratioOf } from '../../../main/services/risk/similarity';
import { TraderNameIndex } from '../../../main/services/risk/trader-name-index';

/** Letters that make edits collide often (small alphabet), plus Han, kana, a surrogate pair and a space. */
const alphabet = fc.constantFrom('A', 'B', 'C', 'D', ' ', '华', '强', '電', 'カ', '𠀋');
// Up to 70 units: both the bit-parallel path (≤ 32 after trimming) and the banded one.
const text = fc.array(alphabet, { maxLength: 70 }).map((chars) => chars.join(''));
/** A string and a few edits of it: distances near the bound, where mistakes would hide. */
const nearPair = fc
  .tuple(text, fc.array(fc.tuple(fc.nat(), alphabet, fc.boolean()), { maxLength: 8 }))
  .map(
    ([a, edits]) =>
      [
        a,
        edits.reduce(
          (s, [at, ch, insert]) =>
            s.length === 0 ? ch : s.slice(0, at % s.length) + ch + s.slice((at % s.length) + (insert ? 0 : 1)),
          a,
        ),
      ] as const,
  );

describe('boundedEditDistance', () => {
  it('property: equals the full distance when within the bound, and bound + 1 beyond it', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 12 }), (a, b, bound) => {
        const full = distance(a, b);
        expect(boundedEditDistance(a, b, bound)).toBe(full <= bound ? full : bound + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: near pairs, long and short, agree with the full distance too', () => {
    fc.assert(
      fc.property(nearPair, fc.integer({ min: 0, max: 10 }), ([a, b], bound) => {
        const full = distance(a, b);
        expect(boundedEditDistance(a, b, bound)).toBe(full <= bound ? full : bound + 1);
        expect(boundedEditDistance(b, a, bound)).toBe(full <= bound ? full : bound + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['KITTEN', 'SITTING', 3, 3],
    ['GOLDEN DRAGON INTERNATIONAL LOGISTICS SHIPPING', 'GOLDEN DRAGONS INTERNATIONAL LOGISTIC SHIPING', 3, 3],
    ['GOLDEN DRAGON INTERNATIONAL LOGISTICS SHIPPING', 'GOLDEN DRAGONS INTERNATIONAL LOGISTIC SHIPING', 2, 3],
    ['XGOLDEN DRAGON INTERNATIONAL LOGISTICS SHIPPINGX', 'YGOLDEN DRAGONS INTERNATIONAL LOGISTIC SHIPINGY', 5, 5],
    ['KITTEN', 'SITTING', 2, 3],
    ['ACME TRADING', 'ACNE TRADING', 0, 1],
    ['', 'ABC', 5, 3],
    ['深圳华强电子', '深圳华强物流', 2, 2],
    ['ABCDEFGH', 'HGFEDCBA', 3, 4],
  ])('%s → %s within %i: %i', (a, b, bound, expected) => {
    expect(boundedEditDistance(a, b, bound)).toBe(expected);
  });
});

describe('editBudget', () => {
  it('is the largest distance that still passes the threshold, for every length and common threshold', () => {
    for (const threshold of [0.5, 0.7, 0.8, 0.85, 0.86, 0.9, 0.95, 1]) {
      for (let longer = 1; longer <= 300; longer++) {
        const budget = editBudget(longer, threshold);
        expect(ratioOf(budget, longer)).toBeGreaterThanOrEqual(threshold);
        if (budget < longer) expect(ratioOf(budget + 1, longer)).toBeLessThan(threshold);
      }
    }
  });
});

// Name sets shaped like real watchlists: many names sharing legal forms and trade words, Latin and Chinese.
const COMMON = [
  'TRADING',
  'LOGISTICS',
  'ELECTRONICS',
  'IMPORT EXPORT',
  'INTERNATIONAL',
  'TEXTILE',
  'FOODS',
  'Co., Ltd.',
  'LIMITED',
  'GmbH',
];
const CITIES = ['深圳市', '广州市', '广东省东莞市', '上海', '宁波市', '义乌'];
const HAN_INDUSTRY = ['电子', '贸易', '物流', '进出口', '科技', '纺织'];
const HAN_FORMS = ['有限公司', '股份有限公司', '集团有限公司', ''];
const latinWord = fc.stringMatching(/^[A-Z]{1,9}$/);
const hanWord = fc
  .array(fc.constantFrom(...'华强恒通达金龙鑫源盛泰兴丰宏富凯'), { minLength: 1, maxLength: 4 })
  .map((c) => c.join(''));
const latinName = fc
  .tuple(fc.array(latinWord, { minLength: 1, maxLength: 3 }), fc.subarray(COMMON, { maxLength: 3 }))
  .map(([words, common]) => [...words, ...common].join(' '));
const chineseName = fc
  .tuple(fc.constantFrom(...CITIES), hanWord, fc.constantFrom(...HAN_INDUSTRY), fc.constantFrom(...HAN_FORMS))
  .map((parts) => parts.join(''));
const mixedName = fc.tuple(chineseName, latinName).map(([han, latin]) => `${han} ${latin}`);
const anyName = fc.oneof(
  { arbitrary: latinName, weight: 4 },
  { arbitrary: chineseName, weight: 3 },
  { arbitrary: mixedName, weight: 1 },
);

/** A listed name as a declarant might misspell it: a few inserted, dropped or changed characters, or words swapped. */
function mutated(name: string): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.nat(),
    fc.constantFrom('insert', 'delete', 'change', 'swap'),
    fc.constantFrom('X', 'E', ' ', '华', 'S'),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((current, [at, kind, char]) => {
      const i = current.length === 0 ? 0 : at % current.length;
      if (kind === 'insert') return current.slice(0, i) + char + current.slice(i);
      if (kind === 'delete') return current.slice(0, i) + current.slice(i + 1);
      if (kind === 'change') return current.slice(0, i) + char + current.slice(i + 1);
      const words = current.split(' ');
      return [...words.slice(1), ...words.slice(0, 1)].join(' ');
    }, name),
  );
}

function bruteForce(listed: readonly string[], query: string, threshold: number): { entry: number; similarity: number }[] {
  const tokens = traderNameTokens(query);
  if (tokens.length === 0) return [];
  return listed
    .map((name, entry) => ({ entry, listedTokens: traderNameTokens(name) }))
    .filter(({ listedTokens }) => listedTokens.length > 0)
    .map(({ entry, listedTokens }) => ({ entry, similarity: nameSimilarity(tokens, listedTokens) }))
    .filter((m) => m.similarity >= threshold);
}

const byEntry = (a: { entry: number }, b: { entry: number }) => a.entry - b.entry;

describe('TraderNameIndex', () => {
  const scenario = fc
    .tuple(
      fc.array(anyName, { minLength: 1, maxLength: 60 }),
      fc.oneof(fc.constantFrom(0.5, 0.7, 0.8, 0.86, 0.9, 0.95, 1), fc.double({ min: 0.5, max: 1, noNaN: true })),
    )
    .chain(([listed, threshold]) =>
      fc.record({
        listed: fc.constant(listed),
        threshold: fc.constant(threshold),
        queries: fc.array(fc.oneof(anyName, fc.constantFrom(...listed).chain(mutated), fc.constantFrom(...listed)), {
          minLength: 1,
          maxLength: 12,
        }),
      }),
    );

  it('property: finds exactly the entries, and similarities, that comparing with every name finds (Latin and Chinese)', () => {
    let hits = 0;
    fc.assert(
      fc.property(scenario, ({ listed, threshold, queries }) => {
        const index = new TraderNameIndex(
          listed.map((name, entry) => ({ name, entry })),
          threshold,
        );
        for (const query of queries) {
          const expected = bruteForce(listed, query, threshold).sort(byEntry);
          hits += expected.length;
          expect([...index.match(query)].sort(byEntry)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
    // The generated misspellings must exercise matches, not only misses.
    expect(hits).toBeGreaterThan(300);
  });

  it('property: large lists (thousands of trigrams, the slot table grown several times) are searched exactly too', () => {
    fc.assert(
      fc.property(fc.array(anyName, { minLength: 300, maxLength: 500 }), fc.constantFrom(0.7, 0.86, 0.9), (listed, threshold) => {
        const index = new TraderNameIndex(
          listed.map((name, entry) => ({ name, entry })),
          threshold,
        );
        for (const query of [
          ...listed.slice(0, 5),
          ...listed.slice(5, 10).map((n) => n.slice(1)),
          listed.slice(10, 12).join(' '),
        ]) {
          expect([...index.match(query)].sort(byEntry)).toEqual(bruteForce(listed, query, threshold).sort(byEntry));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('property: short and one-word names, where trigrams cannot filter, are found exactly too', () => {
    const short = fc.stringMatching(/^[A-C]{1,4}( [A-C]{1,3})?$/);
    fc.assert(
      fc.property(
        fc.array(short, { minLength: 1, maxLength: 30 }),
        fc.array(short, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(0.5, 0.6, 0.86),
        (listed, queries, threshold) => {
          const index = new TraderNameIndex(
            listed.map((name, entry) => ({ name, entry })),
            threshold,
          );
          for (const query of queries)
            expect([...index.match(query)].sort(byEntry)).toEqual(bruteForce(listed, query, threshold).sort(byEntry));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders matches best first and repeats a lookup from its memo with the same answer', () => {
    const index = new TraderNameIndex(
      ['Acme Tradng', 'ACME Trading Co., Ltd.', 'ACME Tradings', 'Acme Trade', 'Zenith Logistics'].map((name, entry) => ({
        name,
        entry,
      })),
      0.8,
    );
    const first = index.match('Acme Trading Limited');
    expect(first.map((m) => m.entry).sort()).toEqual([0, 1, 2]);
    expect(first[2]).toEqual({ entry: 0, similarity: 1 - 1 / 12 });
    expect(first.map((m) => m.similarity)).toEqual([...first.map((m) => m.similarity)].sort((a, b) => b - a));
    expect(index.match('Acme Trading Limited')).toEqual(first);
  });

  it('finds a misspelled rare word among many names sharing the common words', () => {
    const listed = Array.from({ length: 2_000 }, (_, i) => `Trader${i} International Logistics Co., Ltd.`);
    listed.push('Acme International Logistics Co., Ltd.');
    const index = new TraderNameIndex(
      listed.map((name, entry) => ({ name, entry })),
      0.9,
    );
    expect(index.match('ACNE INTERNATIONAL LOGISTICS LIMITED').map((m) => m.entry)).toContain(2_000);
    expect(index.match('Quite Another Company')).toEqual([]);
  });
});
