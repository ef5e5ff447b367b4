/**
 * UN/LOCODE shape: ISO 3166 alpha-2 country plus a three-character location code
 * of letters and the digits 2–9 (0 and 1 are not used, to avoid O/I confusion).
 * Shape only: the code list itself is not shipped.
 */
export function isUnLocode(code: string): boolean {
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(code);
}
