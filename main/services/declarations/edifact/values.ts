/** Typed readings of EDIFACT data values; each throws a message fit for a reject reason. */

/** Decimal number with either decimal mark (ISO 9735 allows '.' or ','), optional sign. */
export function parseDecimal(raw: string, what: string): number {
  // One character loop checks the shape /^-?(\d+([.,]\d*)?|[.,]\d+)$/ and reads the digits.
  const n = raw.length;
  const negative = raw.charCodeAt(0) === 45; // '-'
  let mantissa = 0;
  let digits = 0;
  let decimals = -1; // digits after the decimal mark; -1 before one
  for (let i = negative ? 1 : 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === DOT || c === COMMA) && decimals === -1) decimals = 0;
    else throw notANumber(raw, what);
  }
  if (digits === 0) throw notANumber(raw, what);
  const scale = decimals > 0 ? decimals : 0;
  // Clinger's fast path: with the digits exact in a double and an exact power of ten, the one
  // division is correctly rounded, which is what Number() gives. Anything longer goes to Number().
  if (mantissa <= Number.MAX_SAFE_INTEGER && scale < POWERS_OF_TEN.length) {
    const value = mantissa / POWERS_OF_TEN[scale]!;
    return negative ? -value : value;
  }
  return Number(raw.replace(',', '.'));
}

const notANumber = (raw: string, what: string): Error => new Error(`${what} "${raw}" is not a number`);

const DOT = 46;
const COMMA = 44;
/** 10^0 … 10^22, every one exact in a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

export function parseInteger(raw: string, what: string): number {
  if (!isDigits(raw)) throw new Error(`${what} "${raw}" is not a whole number`);
  return Number(raw);
}

/** /^\d+$/ */
function isDigits(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** DTM formats by 2379 code: the number of digits each takes. */
const DTM_DIGITS: Record<string, number> = { '102': 8, '203': 12, '204': 14 };
/** 2379 formats that end in a time zone (ZZZ): 303 CCYYMMDDHHMMZZZ and 304 CCYYMMDDHHMMSSZZZ. */
const DTM_ZONED_DIGITS: Record<string, number> = { '303': 12, '304': 14 };

/**
 * DTM value in format 102 (CCYYMMDD), 203 (CCYYMMDDHHMM) or 204 (…SS) to an ISO
 * instant; these carry no zone, so Clearway's convention is UTC. Formats 303 and
 * 304 end in their zone and are converted to UTC.
 */
export function parseDtm(value: string, format: string, what: string): string {
  const f = format || '203';
  const zonedDigits = DTM_ZONED_DIGITS[f];
  if (zonedDigits !== undefined) return parseZonedDtm(value, f, zonedDigits, what);
  const digits = DTM_DIGITS[f];
  if (digits === undefined) throw new Error(`${what}: date/time format ${f} is not supported (use 102, 203, 204, 303 or 304)`);
  if (value.length !== digits || !isDigits(value)) throw new Error(`${what} "${value}" does not match format ${f}`);
  const year = digitsAt(value, 0, 4);
  const hms = digits > 8;
  if (
    !isRealDateTime(
      year,
      digitsAt(value, 4, 2),
      digitsAt(value, 6, 2),
      hms ? digitsAt(value, 8, 2) : 0,
      hms ? digitsAt(value, 10, 2) : 0,
      digits > 12 ? digitsAt(value, 12, 2) : 0,
    )
  ) {
    throw new Error(`${what} "${value}" is not a real date/time`);
  }
  const y = value.slice(0, 4);
  const mo = value.slice(4, 6);
  const d = value.slice(6, 8);
  const h = hms ? value.slice(8, 10) : '00';
  const mi = hms ? value.slice(10, 12) : '00';
  const s = digits > 12 ? value.slice(12, 14) : '00';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
}

/**
 * ZZZ is written as an offset from UTC (`+01`, `-0530`, `+05:30`) or as `Z`, `UTC`
 * or `GMT`; ISO 9735 leaves its spelling open, so each of these is taken.
 */
const DTM_ZONE = /^(?:(Z|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)$/;

function parseZonedDtm(value: string, format: string, digits: number, what: string): string {
  const zone = DTM_ZONE.exec(value.slice(digits));
  if (value.length <= digits || !zone)
    throw new Error(`${what} "${value}" does not match format ${format} (date and time, then a zone such as +08 or UTC)`);
  const local = parseDtm(value.slice(0, digits), digits === 12 ? '203' : '204', what);
  if (zone[1]) return local;
  const offsetMinutes = (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4] ?? '0'));
  if (Math.abs(offsetMinutes) > 14 * 60) throw new Error(`${what} "${value}" has a zone offset beyond ±14 hours`);
  return new Date(Date.parse(local) - offsetMinutes * 60_000).toISOString();
}

/** The number written by `count` digits of `text` from `at` (already known to be digits). */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
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
