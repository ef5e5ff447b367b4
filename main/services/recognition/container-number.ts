/**
 * ISO 6346 container numbers: a three-letter owner code, the equipment category
 * (U freight container, J detachable equipment, Z trailer or chassis), a six-digit
 * serial and a check digit. Letters take the values 10–38 skipping multiples of
 * 11; each of the first ten characters is weighted by 2^position, and the sum
 * modulo 11 (10 counting as 0) is the check digit. A read whose check digit does
 * not agree is "uncertain", never silently fixed: it may be the check digit that
 * was misread, or any other character.
 */
import type { ReadCharacter } from './ctc-decode';
import { confusablesOf, foldChar, SEPARATORS } from './confusables';

export type ContainerCategory = 'U' | 'J' | 'Z';

export interface ContainerNumber {
  /** Eleven characters, e.g. `CSQU3054383`. */
  text: string;
  owner: string;
  category: ContainerCategory;
  serial: string;
  checkDigit: number;
  /** The check digit the other ten characters call for. */
  expectedCheckDigit: number;
  /** `valid` when the check digit agrees, `uncertain` when it does not. */
  status: 'valid' | 'uncertain';
  /** Positions whose character was swapped for its letter/digit look-alike. */
  corrected: number[];
}

const letterTable: number[] = (() => {
  const table: number[] = [];
  let value = 10;
  for (let i = 0; i < 26; i++) {
    if (value % 11 === 0) value++;
    table.push(value);
    value++;
  }
  return table;
})();

/** The ISO 6346 value of a letter: A=10, B=12 … Z=38 (11, 22 and 33 are skipped). */
export function containerLetterValue(letter: string): number {
  const index = letter.charCodeAt(0) - 65;
  if (letter.length !== 1 || index < 0 || index > 25) throw new RangeError(`"${letter}" is not a capital letter`);
  return letterTable[index]!;
}

/** The check digit for the first ten characters (owner, category, serial). */
export function containerCheckDigit(firstTen: string): number {
  if (!/^[A-Z]{4}\d{6}$/.test(firstTen)) throw new RangeError(`"${firstTen}" is not four letters and six digits`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = firstTen[i]!;
    const value = i < 4 ? letterTable[c.charCodeAt(0) - 65]! : Number(c);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/**
 * Reads a container number from OCR text (separators and case ignored): letters
 * where letters belong and digits where digits belong, swapping look-alikes, then
 * the check digit. Null when the text cannot be a container number.
 */
export function parseContainerNumber(read: string | readonly ReadCharacter[]): ContainerNumber | null {
  const raw = typeof read === 'string' ? [...read] : read.map((c) => c.char);
  const chars = raw.flatMap((c) => [...foldChar(c)]).filter((c) => !SEPARATORS.test(c));
  if (chars.length !== 11) return null;
  const corrected: number[] = [];
  const out: string[] = [];
  for (let i = 0; i < 11; i++) {
    const c = chars[i]!;
    const wantLetter = i < 4;
    const fits = wantLetter ? /^[A-Z]$/.test(c) : /^\d$/.test(c);
    if (fits) {
      out.push(c);
      continue;
    }
    const swap = confusablesOf(c).find((s) => (wantLetter ? /^[A-Z]$/.test(s) : /^\d$/.test(s)));
    if (swap === undefined) return null;
    out.push(swap);
    corrected.push(i);
  }
  const category = out[3]!;
  if (category !== 'U' && category !== 'J' && category !== 'Z') return null;
  const text = out.join('');
  const checkDigit = Number(text[10]);
  const expectedCheckDigit = containerCheckDigit(text.slice(0, 10));
  return {
    text,
    owner: text.slice(0, 3),
    category,
    serial: text.slice(4, 10),
    checkDigit,
    expectedCheckDigit,
    status: checkDigit === expectedCheckDigit ? 'valid' : 'uncertain',
    corrected,
  };
}
