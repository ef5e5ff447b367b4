/** Officer-facing number and time formats for the queue (local time, tabular figures). */
const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(id, f);
  }
  return f;
}

/** "03-01 14:05" — compact, for table cells. */
export function shortTime(iso: string | null, locale: string): string {
  if (!iso) return '–';
  return dateFormat(locale, 'short', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "2026-03-01 14:05:09 GMT+8" — the detail pane shows the zone. */
export function fullTime(iso: string | null, locale: string): string {
  if (!iso) return '–';
  return dateFormat(locale, 'full', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

export function formatMass(kg: number, locale: string): string {
  return `${formatNumber(kg, locale, kg % 1 === 0 ? 0 : 1)} kg`;
}

/** Money always with its ISO currency code, e.g. "12,500.00 USD". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return `${formatNumber(amount, locale, 2)} ${currency}`;
}
