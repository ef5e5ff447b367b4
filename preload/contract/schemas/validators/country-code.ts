/** ISO 3166-1 alpha-2 shape (two capital letters). The list itself is not checked. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code);
}
