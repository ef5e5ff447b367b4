import { describe, expect, it } from 'vitest';
import { Condition } from '../../../preload/contract/schemas/risk';
import { assess } from '../../../main/services/risk/engine';
import type { RiskSubject } from '../../../main/services/risk/subject';
import { config, item, NEVER, NOW, rule, subject } from './fixtures';

type Case = [name: string, condition: Condition, subject: RiskSubject, hits: boolean];

const base = subject({
  vehiclePlate: '粤B·123 45',
  transportMode: 'road',
  routeCountries: ['CN', 'HK'],
  containerIds: ['mscu 123456-5', 'TGHU1234560'],
  perishable: true,
  items: [item({ hsCode: '8517.12.00', originCountry: 'cn', customsValue: 60_000, grossMassKg: 200 })],
});
const unknownValues = subject({ totalCustomsValue: null, items: [item({ customsValue: null, originCountry: null })] });

const cases: Case[] = [
  ['eq text, case-insensitive', { field: 'originCountry', op: 'eq', value: 'CN' }, base, true],
  ['eq text miss', { field: 'originCountry', op: 'eq', value: 'VN' }, base, false],
  ['eq HS code ignores dots', { field: 'hsCode', op: 'eq', value: '85171200' }, base, true],
  ['eq plate normalized both sides', { field: 'vehiclePlate', op: 'eq', value: '粤B-12345' }, base, true],
  ['eq number', { field: 'itemCustomsValue', op: 'eq', value: 60_000 }, base, true],
  ['eq flag', { field: 'perishable', op: 'eq', value: true }, base, true],
  ['eq flag miss', { field: 'expedited', op: 'eq', value: true }, base, false],
  ['ne text', { field: 'transportMode', op: 'ne', value: 'sea' }, base, true],
  ['ne text miss', { field: 'transportMode', op: 'ne', value: 'road' }, base, false],
  ['ne on several values holds only when none equals', { field: 'routeCountry', op: 'ne', value: 'HK' }, base, false],
  ['ne on several values', { field: 'routeCountry', op: 'ne', value: 'AE' }, base, true],
  ['ne on unknown never holds', { field: 'originCountry', op: 'ne', value: 'VN' }, unknownValues, false],
  ['ne number', { field: 'itemCustomsValue', op: 'ne', value: 1 }, base, true],
  ['prefix HS', { field: 'hsCode', op: 'prefix', value: '8517' }, base, true],
  ['prefix HS with dot', { field: 'hsCode', op: 'prefix', value: '8517.1' }, base, true],
  ['prefix miss', { field: 'hsCode', op: 'prefix', value: '8518' }, base, false],
  ['prefix container', { field: 'containerId', op: 'prefix', value: 'TGHU' }, base, true],
  ['in text', { field: 'routeCountry', op: 'in', values: ['AE', 'HK'] }, base, true],
  ['in text miss', { field: 'routeCountry', op: 'in', values: ['AE', 'PA'] }, base, false],
  ['in number', { field: 'itemCustomsValue', op: 'in', values: [1, 60_000] }, base, true],
  ['in container normalized', { field: 'containerId', op: 'in', values: ['MSCU1234565'] }, base, true],
  ['range inside', { field: 'itemCustomsValue', op: 'range', min: 50_000, max: 70_000 }, base, true],
  ['range min inclusive', { field: 'itemCustomsValue', op: 'range', min: 60_000 }, base, true],
  ['range max inclusive', { field: 'itemCustomsValue', op: 'range', max: 60_000 }, base, true],
  ['range below', { field: 'itemCustomsValue', op: 'range', min: 60_000.01 }, base, false],
  ['range value per kg (60000/200 = 300)', { field: 'itemValuePerKg', op: 'range', min: 299, max: 301 }, base, true],
  ['range total value per kg (10000/500 = 20)', { field: 'totalValuePerKg', op: 'range', max: 20 }, base, true],
  ['range on unknown never holds', { field: 'itemCustomsValue', op: 'range', min: 0 }, unknownValues, false],
  [
    'range value per kg with zero mass',
    { field: 'itemValuePerKg', op: 'range', min: 0 },
    subject({ items: [item({ grossMassKg: 0 })] }),
    false,
  ],
  ['regex', { field: 'hsCode', op: 'regex', pattern: '^85(17|25)' }, base, true],
  ['regex miss', { field: 'hsCode', op: 'regex', pattern: '^84' }, base, false],
  ['regex case flag', { field: 'exporterId', op: 'regex', pattern: '^exp-', flags: 'i' }, base, true],
  ['regex without flag sees normalized (upper-case) values', { field: 'exporterId', op: 'regex', pattern: '^exp-' }, base, false],
];

describe('operators', () => {
  it.each(cases)('%s', (_name, condition, s, hits) => {
    const parsed = Condition.parse(condition);
    const result = assess(s, config({ rules: [rule('r', [parsed])] }), { now: NOW, random: NEVER });
    expect(result.hits.length > 0).toBe(hits);
    expect(result.lane).toBe(hits ? 'yellow' : 'green');
  });

  it.each([
    ['prefix on a number field', { field: 'itemCustomsValue', op: 'prefix', value: '6' }],
    ['range on a text field', { field: 'hsCode', op: 'range', min: 1 }],
    ['eq text field with a number', { field: 'originCountry', op: 'eq', value: 5 }],
    ['in number field with text', { field: 'itemGrossMassKg', op: 'in', values: ['a'] }],
    ['range without bounds', { field: 'itemCustomsValue', op: 'range' }],
    ['range min above max', { field: 'itemCustomsValue', op: 'range', min: 5, max: 1 }],
    ['regex on a flag', { field: 'aeo', op: 'regex', pattern: 'x' }],
    ['unknown field', { field: 'colour', op: 'eq', value: 'red' }],
  ])('rejects %s', (_name, condition) => {
    expect(Condition.safeParse(condition).success).toBe(false);
  });
});
