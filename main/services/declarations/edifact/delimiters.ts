/**
 * The service characters of an interchange: defaults of syntax level A (ISO 9735)
 * unless a UNA service string advice says otherwise.
 */
export interface Delimiters {
  component: string;
  element: string;
  decimal: string;
  release: string;
  /** Repetition separator (syntax 4) or reserved space (syntax 3). */
  reserved: string;
  segment: string;
}

export const DEFAULT_DELIMITERS: Readonly<Delimiters> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  reserved: ' ',
  segment: "'",
});

/** Reads the six characters after "UNA"; throws when they are not distinct. */
export function parseServiceStringAdvice(six: string): Delimiters {
  if (six.length !== 6) throw new Error('UNA must be followed by exactly six service characters');
  const [component, element, decimal, release, reserved, segment] = [...six] as [string, string, string, string, string, string];
  const d: Delimiters = { component, element, decimal, release, reserved, segment };
  const separators = [component, element, release, segment];
  if (new Set(separators).size !== separators.length) throw new Error(`UNA service characters must be distinct, got "${six}"`);
  if (/[A-Za-z0-9]/.test(separators.join('')))
    throw new Error(`UNA service characters must not be letters or digits, got "${six}"`);
  // A space release character means "no release character" in syntax 3 practice.
  return d;
}

/** Escapes a data value with the release character so it can be written between delimiters. */
export function escapeEdifact(value: string, d: Delimiters = DEFAULT_DELIMITERS): string {
  let out = '';
  for (const ch of value) {
    if (
      ch === d.release ||
      ch === d.component ||
      ch === d.element ||
      ch === d.segment ||
      (d.reserved !== ' ' && ch === d.reserved)
    )
      out += d.release;
    out += ch;
  }
  return out;
}
