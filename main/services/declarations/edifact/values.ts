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

/**
 * DTM value in format 102 (CCYYMMDD), 203 (CCYYMMDDHHMM) or 204 (…SS) to an ISO
 * instant. The message carries no zone, so Clearway's convention is UTC.
 */
export function parseDtm(value: string, format: string, what: string): string {
  const f = format || '203';
  const shapes: Record<string, RegExp> = {
    '102': /^(\d{4})(\d{2})(\d{2})$/,
    '203': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/,
    '204': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/,
  };
  const shape = shapes[f];
  if (!shape) throw new Error(`${what}: date/time format ${f} is not supported (use 102, 203 or 204)`);
  const m = shape.exec(value);
  if (!m) throw new Error(`${what} "${value}" does not match format ${f}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== iso) throw new Error(`${what} "${value}" is not a real date/time`);
  return iso;
}

/** ISO instant to DTM format 203 (UTC, minutes). */
export function formatDtm203(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:T]/g, '').slice(0, 12);
}
