/**
 * Harmonized System commodity code: the 6-digit international subheading,
 * optionally extended to a national tariff line (8 or 10 digits; some
 * administrations use 7 or 9). Written without dots.
 */
export function isHsCode(code: string): boolean {
  return /^\d{6,10}$/.test(code) && code.slice(0, 2) !== '00';
}

/** HS chapter (first two digits), e.g. "08" for fruit and nuts. */
export function hsChapter(code: string): string {
  return code.slice(0, 2);
}
