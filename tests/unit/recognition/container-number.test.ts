import { describe, expect, it } from 'vitest';
import {
  containerCheckDigit,
  containerLetterValue,
  parseContainerNumber,
} from '../../../main/services/recognition/container-number';

describe('ISO 6346 container numbers', () => {
  it('values letters from 10, skipping multiples of 11', () => {
    expect(['A', 'B', 'J', 'K', 'U', 'V', 'Z'].map(containerLetterValue)).toEqual([10, 12, 20, 21, 32, 34, 38]);
    expect(() => containerLetterValue('a')).toThrow(RangeError);
  });

  it('computes the check digit (the standard’s example CSQU 305438 3, and 10 counting as 0)', () => {
    expect(containerCheckDigit('CSQU305438')).toBe(3);
    // A=10 B=12 C=13 U=32 and 1 2 3 4 0 1, weighted 1, 2, 4 … 512, sum to 1638 = 148 × 11 + 10: check digit 0.
    expect(containerCheckDigit('ABCU123401')).toBe(0);
    expect(parseContainerNumber('ABCU1234010')?.status).toBe('valid');
  });

  it('accepts a valid number in any spelling', () => {
    expect(parseContainerNumber('CSQU 305438-3')).toMatchObject({
      text: 'CSQU3054383',
      owner: 'CSQ',
      category: 'U',
      serial: '305438',
      checkDigit: 3,
      status: 'valid',
      corrected: [],
    });
    expect(parseContainerNumber('csqu3054383')?.status).toBe('valid');
  });

  it('reports a failed check digit as uncertain, never correcting it', () => {
    expect(parseContainerNumber('CSQU3054384')).toMatchObject({ status: 'uncertain', checkDigit: 4, expectedCheckDigit: 3 });
    // One misread serial digit is caught the same way.
    expect(parseContainerNumber('CSQU3057383')?.status).toBe('uncertain');
  });

  it('swaps look-alikes by position: letters in the prefix, digits after it', () => {
    expect(parseContainerNumber('C5QU3O54383')).toMatchObject({ text: 'CSQU3054383', status: 'valid', corrected: [1, 5] });
  });

  it('knows the categories U, J and Z only, and eleven characters only', () => {
    expect(parseContainerNumber('CSQX3054383')).toBeNull();
    expect(parseContainerNumber('CSQJ3054383')?.category).toBe('J');
    expect(parseContainerNumber('CSQU305438')).toBeNull();
    expect(parseContainerNumber('CSQU30543833')).toBeNull();
  });

  it('takes read characters as the OCR gives them', () => {
    const chars = [...'CSQU3054383'].map((char) => ({ char, confidence: 0.9 }));
    expect(parseContainerNumber(chars)?.status).toBe('valid');
  });
});
