import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WatchlistHit } from '../../../preload/contract/schemas/risk';
import { assess } from '../../../main/services/risk/engine';
import { normalisePlate } from '../../../preload/contract/schemas/gate';
import { normalizeTraderName } from '../../../main/services/risk/normalize';
import { nameSimilarity } from '../../../main/services/risk/similarity';
import { traderNameTokens } from '../../../main/services/risk/normalize';
import { TraderNameIndex } from '../../../main/services/risk/trader-name-index';
import { config, item, NEVER, NOW, subject, watchlist } from './fixtures';

const traders = watchlist('trader', [
  { id: 'golden', value: 'Golden Dragon Import & Export Co., Ltd.', reason: 'precursor case' },
  { id: 'acme', value: 'ACME Trading Company Limited', reason: 'undervaluation' },
  { id: 'societe', value: 'Société Générale d’Import SARL', reason: 'origin fraud' },
  { id: 'huaqiang', value: '深圳市华强电子有限公司', reason: '走私线索' },
  { id: 'bright', value: 'Hangzhou Bright Textile Co., Ltd.', reason: 'false origin' },
  { id: 'by-id', value: 'Quiet Holdings', traderId: 'CN91440300X', reason: 'known id' },
]);
const cfg = config({ watchlists: [traders] });

function traderHits(exporterName: string, overrides: Parameters<typeof subject>[0] = {}): WatchlistHit[] {
  return assess(subject({ exporterName, ...overrides }), cfg, { now: NOW, random: NEVER }).hits as WatchlistHit[];
}

describe('trader names', () => {
  it.each([
    ['legal form and punctuation', 'ACME TRADING CO. LTD', 'acme'],
    ['word order', 'Trading Acme Ltd', 'acme'],
    ['abbreviations', 'Golden Dragon Imp. & Exp. Co', 'golden'],
    ['a typo', 'Acme Tradng Ltd', 'acme'],
    ['diacritics', 'SOCIETE GENERALE D IMPORT', 'societe'],
    ['plural and spelling variant', 'Hangzhou Brite Textiles Co., Ltd.', 'bright'],
    ['Chinese without 市', '深圳华强电子有限公司', 'huaqiang'],
    ['Chinese with province and another legal form', '广东省深圳市华强电子股份有限公司', 'huaqiang'],
    ['Chinese fullwidth brackets and spaces', '深圳市 华强电子（有限公司）', 'huaqiang'],
  ])('matches %s', (_name, name, entryId) => {
    const hits = traderHits(name);
    expect(hits.map((h) => h.entryId)).toEqual([entryId]);
    expect(hits[0]?.similarity).toBeGreaterThanOrEqual(0.86);
    expect(hits[0]?.matchedField).toBe('exporterName');
    expect(hits[0]?.matchedValue).toBe(name);
  });

  it.each([
    ['a different company with a shared word', 'Golden Harvest Foods'],
    ['a different trade', 'Global Tech Partners'],
    ['a single shared token', 'ACME'],
    ['another Chinese company', '广州市白云化工有限公司'],
    ['a Chinese company differing in its business', '深圳市华强物流有限公司'],
    ['a different city, same business name', 'Ningbo Bright Textile Co Ltd'],
  ])('does not match %s', (_name, name) => {
    expect(traderHits(name)).toEqual([]);
  });

  it('matches by trader id regardless of the name', () => {
    const hits = traderHits('Something Else', { consigneeId: 'cn91440300x' });
    expect(hits.map((h) => [h.entryId, h.matchedField, h.similarity])).toEqual([['by-id', 'consigneeId', 1]]);
  });

  it('counts one hit per entry even when several parties match', () => {
    const hits = traderHits('ACME Trading Co', { declarantName: 'Acme Trading Ltd', consigneeName: 'Acme Tradng' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      entryId: 'acme',
      similarity: 1,
      lane: 'red',
      score: 50,
      watchlistVersion: 1,
      reason: 'undervaluation',
    });
  });

  it('normalizes names', () => {
    expect(normalizeTraderName('Société Générale, S.A.')).toBe('SOCIETE GENERALE');
    expect(normalizeTraderName('深圳市华强电子有限公司')).toBe('深圳华强电子');
    expect(normalizeTraderName('ＡＣＭＥ　Ｔｒａｄｉｎｇ')).toBe('ACME TRADING');
  });

  it('property: the index finds exactly what comparing with every name finds', () => {
    const word = fc.stringMatching(/^[A-Z]{2,8}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 30 }),
        fc.array(name, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(0.7, 0.8, 0.86, 0.95),
        (listed, queries, threshold) => {
          const index = new TraderNameIndex(
            listed.map((n, i) => ({ name: n, entry: i })),
            threshold,
          );
          for (const query of [...queries, ...listed.slice(0, 3).map((n) => n.slice(1))]) {
            const brute = listed
              .map((n, i) => ({ i, s: nameSimilarity(traderNameTokens(query), traderNameTokens(n)) }))
              .filter((m) => traderNameTokens(listed[m.i] as string).length > 0 && m.s >= threshold)
              .map((m) => m.i)
              .sort((a, b) => a - b);
            expect(
              index
                .match(query)
                .map((m) => m.entry)
                .sort((a, b) => a - b),
            ).toEqual(brute);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('plates, containers and HS prefixes', () => {
  it.each([
    ['粤B·12345', '粤B12345'],
    ['粤B 123.45', '粤B12345'],
    ['wx-67-ab', 'WX67AB'],
    ['B–AB 1234', 'BAB1234'],
    ['ＡＢ１２３', 'AB123'],
  ])('normalizes plate %s → %s', (raw, normalized) => {
    expect(normalisePlate(raw)).toBe(normalized);
  });

  it('matches plates written differently', () => {
    const c = config({ watchlists: [watchlist('plate', [{ id: 'p1', value: '粤B·12345', reason: 'concealment' }])] });
    const [hit] = assess(subject({ vehiclePlate: '粤b 123-45' }), c, { now: NOW, random: NEVER }).hits as WatchlistHit[];
    expect(hit).toMatchObject({
      kind: 'watchlist',
      listKind: 'plate',
      entryId: 'p1',
      matchedField: 'vehiclePlate',
      matchedValue: '粤B12345',
      similarity: 1,
    });
    expect(assess(subject({ vehiclePlate: '粤B12346' }), c, { now: NOW, random: NEVER }).hits).toEqual([]);
  });

  it('matches containers on any of the declaration', () => {
    const c = config({ watchlists: [watchlist('container', [{ id: 'c1', value: 'MSCU 123456 5', reason: 'tip-off' }])] });
    const hits = assess(subject({ containerIds: ['TGHU1234560', 'mscu1234565'] }), c, { now: NOW, random: NEVER }).hits;
    expect(hits).toMatchObject([{ entryId: 'c1', matchedValue: 'MSCU1234565' }]);
  });

  it('matches HS prefixes per item, naming the item', () => {
    const c = config({
      watchlists: [watchlist('hsPrefix', [{ id: 'ivory', value: '0507.10', reason: 'CITES' }], { lane: 'yellow' })],
    });
    const s = subject({ items: [item({ sequence: 1, hsCode: '8471' }), item({ sequence: 2, hsCode: '0507.10.00' })] });
    const result = assess(s, c, { now: NOW, random: NEVER });
    expect(result.lane).toBe('yellow');
    expect(result.hits).toMatchObject([{ entryId: 'ivory', matchedField: 'hsCode', matchedValue: '05071000', itemSequence: 2 }]);
  });

  it('ignores inactive watchlists', () => {
    const c = config({ watchlists: [watchlist('plate', [{ id: 'p1', value: 'AB1', reason: 'x' }], { active: false })] });
    expect(assess(subject({ vehiclePlate: 'AB1' }), c, { now: NOW, random: NEVER }).hits).toEqual([]);
  });
});
