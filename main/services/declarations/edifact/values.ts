/** Typed readings of EDIFACT data values; each throws a message fit for a reject reason. */

/** Decimal number with either decimal mark (ISO 9735 allows '.' or ','), optional sign. */
export function parseDecimal(raw: string, what: string): number {
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(raw)) throw new Error(`${what} "${raw}" is not a number`);
  return Number(raw.replace(',', '.'));
}

export function parseInteger(raw: string, what: string): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${what} "${raw}" is not a whole number`);
  return Number(raw);
}

/** DTM formats by 2379 code, built once rather than per value read. */
const DTM_SHAPES: Record<string, RegExp> = {
  '102': /^(\d{4})(\d{2})(\d{2})$/,
  '203': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  '204': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
};

/**
 * DTM value in format 102 (CCYYMMDD), 203 (CCYYMMDDHHMM) or 204 (…SS) to an ISO
 * instant. The message carries no zone, so Clearway's convention is UTC.
 */
export function parseDtm(value: string, format: string, what: string): string {
  const f = format || '203';
  const shape = DTM_SHAPES[f];
  if (!shape) throw new Error(`${what}: date/time format ${f} is not supported (use 102, 203 or 204)`);
  const m = shape.exec(value);
  if (!m) throw new Error(`${what} "${value}" does not match format ${f}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  if (!isRealDateTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) throw new Error(`${what} "${value}" is not a real date/time`);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
}

/**
 * The calendar check a Date round trip would make (proleptic Gregorian, no hour 24,
 * no leap second), done with arithmetic: parsing a Date string per value was the
 * slowest part of reading a CUSDEC header.
 */
function isRealDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** ISO instant to DTM format 203 (UTC, minutes). */
export function formatDtm203(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:T]/g, '').slice(0, 12);
}
