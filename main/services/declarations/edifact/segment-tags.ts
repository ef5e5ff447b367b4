/**
 * One string per segment tag. The tokenizer hands out these instead of cutting a
 * new three-character string per segment, and the tags Clearway's readers name are
 * seeded from literals, so comparing a segment's tag with 'CST' compares references.
 */
const SEEDED = [
  // Service segments (ISO 9735).
  'UNA', 'UNB', 'UNG', 'UNH', 'UNS', 'UNT', 'UNE', 'UNZ',
  // CUSDEC and CUSRES segments.
  'BGM', 'CST', 'LOC', 'DTM', 'GIS', 'EQD', 'SEL', 'DOC', 'NAD', 'TDT', 'FTX', 'MEA', 'PAC', 'MOA', 'RFF', 'TAX', 'CNT', 'GEI', 'FII', 'GIR', 'PCI', 'ERP', 'ERC', 'CUX', 'TOD', 'QTY', 'ALC', 'CTA', 'COM', 'IMD', 'DMS',
];

const byKey = new Map<number, string>();
for (const tag of SEEDED) byKey.set(keyOf(tag.charCodeAt(0), tag.charCodeAt(1), tag.charCodeAt(2)), tag);

function keyOf(a: number, b: number, c: number): number {
  return (a << 16) | (b << 8) | c;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The tag made of text[at, at + 3) when it is shaped like one (/^[A-Z][A-Z0-9]{2}$/), else null. */
export function tagAt(text: string, at: number): string | null {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if (!isUpper(a) || !(isUpper(b) || isDigit(b)) || !(isUpper(c) || isDigit(c))) return null;
  const key = keyOf(a, b, c);
  let tag = byKey.get(key);
  if (tag === undefined) {
    tag = text.slice(at, at + 3);
    byKey.set(key, tag); // at most 26 × 36 × 36 entries
  }
  return tag;
}

/** /^[A-Z][A-Z0-9]{2}$/ */
export function isTag(tag: string): boolean {
  return tag.length === 3 && tagAt(tag, 0) !== null;
}
