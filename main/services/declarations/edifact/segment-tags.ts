/**
 * One string per segment tag. The tokenizer hands out these instead of cutting a
 * new three-character string per segment, and the tags Clearway's readers name are
 * seeded from literals, so comparing a segment's tag with 'CST' compares references.
 */
const SEEDED = [
  // Service segments (ISO 9735).
  'UNA',
  'UNB',
  'UNG',
  'UNH',
  'UNS',
  'UNT',
  'UNE',
  'UNZ',
  // CUSDEC and CUSRES segments.
  'BGM',
  'CST',
  'LOC',
  'DTM',
  'GIS',
  'EQD',
  'SEL',
  'DOC',
  'NAD',
  'TDT',
  'FTX',
  'MEA',
  'PAC',
  'MOA',
  'RFF',
  'TAX',
  'CNT',
  'GEI',
  'FII',
  'GIR',
  'PCI',
  'ERP',
  'ERC',
  'CUX',
  'TOD',
  'QTY',
  'ALC',
  'CTA',
  'COM',
  'IMD',
  'DMS',
];

/** A tag's slot: [A-Z] × [A-Z0-9] × [A-Z0-9], 26 × 36 × 36 of them, so a plain array replaces a hash lookup. */
function keyOf(a: number, b: number, c: number): number {
  return ((a - 65) * 36 + digitOrLetter(b)) * 36 + digitOrLetter(c);
}

/** 0–9 for digits, 10–35 for capitals. */
const digitOrLetter = (c: number): number => (c <= 57 ? c - 48 : c - 55);

const byKey: (string | undefined)[] = new Array<string | undefined>(26 * 36 * 36).fill(undefined);
for (const tag of SEEDED) byKey[keyOf(tag.charCodeAt(0), tag.charCodeAt(1), tag.charCodeAt(2))] = tag;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The tag made of text[at, at + 3) when it is shaped like one (/^[A-Z][A-Z0-9]{2}$/), else null. */
export function tagAt(text: string, at: number): string | null {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if (!isUpper(a) || !(isUpper(b) || isDigit(b)) || !(isUpper(c) || isDigit(c))) return null;
  const key = keyOf(a, b, c);
  let tag = byKey[key];
  if (tag === undefined) {
    tag = text.slice(at, at + 3);
    byKey[key] = tag;
  }
  return tag;
}

/** /^[A-Z][A-Z0-9]{2}$/ */
export function isTag(tag: string): boolean {
  return tag.length === 3 && tagAt(tag, 0) !== null;
}
