/**
 * HS codes are stored and searched raw (8501520000) but read grouped as the
 * tariff prints them: chapter+heading (4), subheading (2), then national pairs.
 */
export function groupHsCode(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length <= 4) return digits;
  const groups = [digits.slice(0, 4)];
  for (let i = 4; i < digits.length; i += 2) groups.push(digits.slice(i, i + 2));
  return groups.join('.');
}

/** What an officer types into the HS filter (dots, spaces) reduced to the raw prefix. */
export function hsSearchPrefix(input: string): string {
  return input.replace(/[\s.]/g, '');
}
