/**
 * ISO 6346 freight container identification: owner code (3 letters), equipment
 * category (U, J or Z), serial (6 digits) and a check digit computed over the
 * first ten characters. Letters take the values 10..38 skipping multiples of 11.
 */
const SHAPE = /^[A-Z]{3}[UJZ]\d{7}$/;

function letterValue(code: number): number {
  // A=10; every multiple of 11 is skipped, so B..K shift by one, L..U by two, V..Z by three.
  const raw = code - 65 + 10;
  return raw + Math.floor((raw - 1) / 10);
}

const FIRST_TEN = /^[A-Z]{3}[UJZ]\d{6}$/;

/** Check digit (0–9) for the first ten characters, or null when they are not owner+category+serial. */
export function iso6346CheckDigit(firstTen: string): number | null {
  if (!FIRST_TEN.test(firstTen)) return null;
  return checkDigitOf(firstTen);
}

/** The check digit over characters 0–9 of a string already known to be shaped right. */
function checkDigitOf(id: string): number {
  let sum = 0;
  for (let i = 0, weight = 1; i < 10; i++, weight *= 2) {
    const c = id.charCodeAt(i);
    sum += (c >= 65 ? letterValue(c) : c - 48) * weight;
  }
  // Remainder 10 is written as 0 (the standard advises against issuing such serials).
  return (sum % 11) % 10;
}

/** True when `id` is a well-formed ISO 6346 container number with the right check digit. */
export function isValidContainerId(id: string): boolean {
  // Every container number of every declaration passes here: one shape test, no slicing.
  if (!SHAPE.test(id)) return false;
  return checkDigitOf(id) === id.charCodeAt(10) - 48;
}

/** Upper-cases and strips spaces and dashes as written on documents ("MSCU 123456-6"). */
export function normalizeContainerId(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}
