import { describe, expect, it } from 'vitest';
import { isCountryCode } from '../../../preload/contract/schemas/validators/country-code';
import { isCurrencyCode } from '../../../preload/contract/schemas/validators/currency-code';
import { hsChapter, isHsCode } from '../../../preload/contract/schemas/validators/hs-code';
import {
  iso6346CheckDigit,
  isValidContainerId,
  normalizeContainerId,
} from '../../../preload/contract/schemas/validators/iso6346';
import { isUnLocode } from '../../../preload/contract/schemas/validators/unlocode';

describe('ISO 6346 container numbers', () => {
  // Check digits verified by hand with the letter table (A=10, B=12 … skipping multiples of 11).
  it.each([
    ['CSQU3054383', true],
    ['MSKU6011672', true],
    ['MSCU1234566', true],
    ['MAEU7654320', true],
    ['COSU3456783', true],
    ['OOLU4567896', true],
    ['TGHU1122335', true],
    ['CSQU3054384', false], // wrong check digit
    ['MSKU6011671', false],
    ['csqu3054383', false], // lower case is not the standard form
    ['CSQX3054383', false], // category must be U, J or Z
    ['CSQU305438', false], // too short
    ['CSQU30543833', false],
  ])('%s → %s', (id, valid) => {
    expect(isValidContainerId(id)).toBe(valid);
  });

  it('computes the check digit, writing remainder 10 as 0', () => {
    expect(iso6346CheckDigit('CSQU305438')).toBe(3);
    expect(iso6346CheckDigit('MAEU765432')).toBe(0);
    expect(iso6346CheckDigit('bad')).toBeNull();
  });

  it('normalizes document spellings', () => {
    expect(normalizeContainerId('mscu 123456-6')).toBe('MSCU1234566');
  });
});

describe('UN/LOCODE shape', () => {
  it.each([
    ['CNSZX', true],
    ['NLRTM', true],
    ['DEHAM', true],
    ['GB2LD', true],
    ['CNSZ1', false], // 0 and 1 are not used
    ['cnszx', false],
    ['CN SZX', false],
    ['CNSZ', false],
  ])('%s → %s', (code, ok) => expect(isUnLocode(code)).toBe(ok));
});

describe('HS code shape', () => {
  it.each([
    ['080610', true],
    ['08061000', true],
    ['0806100010', true],
    ['0806100', true],
    ['08061', false],
    ['08061000101', false],
    ['0806.10', false],
    ['000000', false],
  ])('%s → %s', (code, ok) => expect(isHsCode(code)).toBe(ok));
  it('gives the chapter', () => expect(hsChapter('030617')).toBe('03'));
});

describe('country and currency shapes', () => {
  it('accepts ISO 3166 alpha-2 and refuses others', () => {
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('CHN')).toBe(false);
    expect(isCountryCode('cn')).toBe(false);
  });
  it('accepts ISO 4217 alphabetic codes and refuses others', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('US$')).toBe(false);
    expect(isCurrencyCode('usd')).toBe(false);
  });
});
