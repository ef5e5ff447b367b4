import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  component,
  componentIn,
  componentIs,
  components,
  joinedComponents,
  type Segment,
} from '../../../main/services/declarations/edifact/segment';
import { EdifactTokenizer, isTokenizerError, type Token } from '../../../main/services/declarations/edifact/tokenizer';
import { parseDecimal, parseDtm, parseInteger } from '../../../main/services/declarations/edifact/values';

function segmentsOf(text: string): Segment[] {
  const t = new EdifactTokenizer();
  const tokens: Token[] = [...t.push(text), ...t.end()];
  return tokens.filter((x): x is Segment => !isTokenizerError(x));
}

const piece = fc.constantFrom('+', ':', '?', ' ', 'A', 'B', '1', '9', '.', ',', '-', '粤', "?'", '??', '++', '::');
const body = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

describe('EDIFACT component readers', () => {
  it('compare and join components exactly as reading them out does', () => {
    fc.assert(
      fc.property(
        fc.array(body, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom('', 'A', 'AB', '1', '9', 'B1', 'x'), { maxLength: 3 }),
        (bodies, probes) => {
          const segments = segmentsOf(`UNB+UNOC:3'${bodies.map((b) => `NAD${b}`).join("'")}'`);
          for (const seg of segments) {
            for (let e = 1; e <= 6; e++) {
              const all = components(seg, e);
              // Reading one segment, then another, then this one again must not mix up their layouts.
              expect(joinedComponents(seg, e)).toBe(all.filter(Boolean).join(' '));
              for (let c = 0; c <= all.length; c++) {
                const value = component(seg, e, c);
                expect(componentIs(seg, e, c, value)).toBe(true);
                for (const probe of probes) {
                  expect(componentIs(seg, e, c, probe)).toBe(value === probe);
                  expect(componentIn(segments[0]!, 1, 0, [probe, 'UNOC'])).toBe(true);
                  expect(componentIn(seg, e, c, [probe, value])).toBe(true);
                  expect(componentIn(seg, e, c, [probe])).toBe(value === probe);
                }
              }
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('EDIFACT value readers', () => {
  const DECIMAL = /^-?(\d+([.,]\d*)?|[.,]\d+)$/;
  const symbol = fc.constantFrom('.', ',', '-', '+', 'e', ' ', '٣');
  const digit = fc.constantFrom('0', '1', '3', '5', '7', '9');
  // Mostly digits, up to 30 of them: past 2^53 or 10^22 the reader takes another path.
  const number = fc
    .array(fc.oneof({ arbitrary: digit, weight: 6 }, { arbitrary: symbol, weight: 1 }), { maxLength: 30 })
    .map((p) => p.join(''));

  it('read decimals and whole numbers as the patterns say', () => {
    fc.assert(
      fc.property(number, (raw) => {
        if (DECIMAL.test(raw)) expect(parseDecimal(raw, 'v')).toBe(Number(raw.replace(',', '.')));
        else expect(() => parseDecimal(raw, 'v')).toThrow(`v "${raw}" is not a number`);
        if (/^\d+$/.test(raw)) expect(parseInteger(raw, 'n')).toBe(Number(raw));
        else expect(() => parseInteger(raw, 'n')).toThrow(`n "${raw}" is not a whole number`);
      }),
      { numRuns: 5000 },
    );
  });

  it('read long and signed decimals exactly as Number() does', () => {
    for (const raw of [
      '-0',
      '-.0',
      '0.1',
      '0,3',
      '9007199254740993',
      '9007199254740991.5',
      '1.0000000000000000000000001',
      '123456789012345678901234567890',
      '.0000000000000000000000001',
      '5.',
    ])
      expect(parseDecimal(raw, 'v')).toBe(Number(raw.replace(',', '.')));
  });

  it('read DTM values in formats 102, 203, 204, 303 and 304 with a calendar check', () => {
    expect(parseDtm('20240229', '102', 'd')).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDtm('202611251230', '', 'd')).toBe('2026-11-25T12:30:00.000Z');
    expect(parseDtm('20261125123059', '204', 'd')).toBe('2026-11-25T12:30:59.000Z');
    expect(() => parseDtm('20230229', '102', 'd')).toThrow('d "20230229" is not a real date/time');
    // 303 and 304 end in their zone; the instant is converted to UTC.
    expect(parseDtm('202611250830+08', '303', 'd')).toBe('2026-11-25T00:30:00.000Z');
    expect(parseDtm('20261125003000-0530', '304', 'd')).toBe('2026-11-25T06:00:00.000Z');
    expect(parseDtm('20261125003000+05:30', '304', 'd')).toBe('2026-11-24T19:00:00.000Z');
    expect(parseDtm('202611250830UTC', '303', 'd')).toBe('2026-11-25T08:30:00.000Z');
    expect(() => parseDtm('202611250830', '303', 'd')).toThrow('does not match format 303');
    expect(() => parseDtm('202611250830+8', '303', 'd')).toThrow('does not match format 303');
    expect(() => parseDtm('202611250830+15', '303', 'd')).toThrow('beyond ±14 hours');
    expect(() => parseDtm('202602300830+01', '303', 'd')).toThrow('is not a real date/time');
    expect(() => parseDtm('202611252400', '203', 'd')).toThrow('is not a real date/time');
    expect(() => parseDtm('2026112512', '203', 'd')).toThrow('d "2026112512" does not match format 203');
    expect(() => parseDtm('2026-1-25', '102', 'd')).toThrow('does not match format 102');
    expect(() => parseDtm('20261125', '101', 'd')).toThrow(
      'd: date/time format 101 is not supported (use 102, 203, 204, 303 or 304)',
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().replace(/\.\d{3}Z$/, '.000Z');
          const digits = iso.replace(/[-:T]|\.000Z/g, '');
          expect(parseDtm(digits, '204', 'd')).toBe(iso);
          expect(parseDtm(digits.slice(0, 8), '102', 'd')).toBe(`${iso.slice(0, 10)}T00:00:00.000Z`);
        },
      ),
      { numRuns: 500 },
    );
  });
});
