/**
 * Characters an OCR model confuses on plates and container doors, in both
 * directions. A plate format says whether a position holds a letter or a digit;
 * these are the substitutions it may make to honour that.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['O', '0'],
  ['D', '0'],
  ['Q', '0'],
  ['U', '0'],
  ['I', '1'],
  ['L', '1'],
  ['J', '1'],
  ['Z', '2'],
  ['B', '8'],
  ['S', '5'],
  ['G', '6'],
  ['T', '7'],
  ['A', '4'],
  ['I', '|'],
  ['1', '|'],
  ['J', ']'],
];

/**
 * Characters the recogniser reads as Latin strokes: 川 (Sichuan's province
 * character, three vertical strokes) comes out as "JII", "III", "Jl|" or a lone
 * "I". Each entry is the character and a pattern for the run it is misread as, at
 * the start of a read; formats decide whether the character may stand there.
 */
export const SPLIT_LOOKALIKES: readonly (readonly [string, RegExp])[] = [['川', /^[JIL1|]{1,3}/]];

const TABLE = new Map<string, string[]>();
for (const [a, b] of PAIRS) {
  TABLE.set(a, [...(TABLE.get(a) ?? []), b]);
  TABLE.set(b, [...(TABLE.get(b) ?? []), a]);
}

/** The characters `char` is commonly misread for (and from), most likely first; empty when none. */
export function confusablesOf(char: string): readonly string[] {
  return TABLE.get(char) ?? [];
}

/** Characters a plate reader treats as separators, never as part of the plate. */
export const SEPARATORS = /[\s\-‐‑‒–—―−_.·•・･:]/u;

/** Upper case, full-width forms folded (NFKC), so a read compares with a format. */
export function foldChar(char: string): string {
  return char.normalize('NFKC').toUpperCase();
}
