/**
 * Plate formats: which characters each position of a plate may hold, written as a
 * small subset of regular expressions so a site can configure its own, and the
 * correction that uses them. A read such as "京A·I2B45" is aligned with every
 * format of its length; positions that must be digits turn a confusable letter
 * into its digit (and the other way round), each change costing more the surer
 * the model was of the character it replaces. The cheapest alignment wins.
 *
 * Pattern syntax: `^`/`$` (optional), literal characters, classes `[A-Z0-9京沪]`
 * with ranges, `\d`, and the quantifiers `{n}`, `{n,m}` and `?`. Space, dash, dot
 * and middle dot are separators: they do not match read characters, they only
 * say how the plate is written out.
 */
import type { ReadCharacter } from './ctc-decode';
import { confusablesOf, foldChar, SEPARATORS, SPLIT_LOOKALIKES } from './confusables';

export interface PlateFormat {
  /** Stable id, e.g. `cn-standard`. */
  id: string;
  /** The family it belongs to (`cn`, `eu`, `us`, or a site's own). */
  region: string;
  pattern: string;
}

/** One position of a format variant: the characters allowed there and the separator written before it. */
interface Slot {
  allowed: ReadonlySet<string>;
  separator: string;
}

/** Letters and digits; a position allowing other scripts (a province) chooses from a dictionary's worth. */
const LATIN_UNIVERSE = 36;
const WIDE_UNIVERSE = 4096;

function slotBits(slot: Slot): number {
  const wide = [...slot.allowed].some((c) => c.charCodeAt(0) > 0x7f);
  return Math.max(0, Math.log2((wide ? WIDE_UNIVERSE : LATIN_UNIVERSE) / slot.allowed.size));
}

export interface CompiledPlateFormat extends PlateFormat {
  /** Every fixed-length expansion of the pattern's quantifiers. */
  variants: readonly (readonly Slot[])[];
}

export interface CorrectedPlate {
  /** The plate without separators, e.g. `京A12345`. */
  text: string;
  /** As the format writes it, e.g. `京A·12345`. */
  display: string;
  formatId: string;
  chars: ReadCharacter[];
  /** Positions changed by the correction (indexes into `chars`). */
  corrected: number[];
  /** 0 when the read fitted the format as it was; grows with each change and its confidence. */
  cost: number;
  /**
   * How unlikely it is that text fits the format by chance, in bits: the sum over
   * positions of log2(possible characters / allowed characters). "LANE 3" fits the
   * German format with about 4 bits; a Chinese plate, with its province, has about 10.
   */
  specificity: number;
}

/** The 31 province-level abbreviations on mainland China's plates. */
export const CN_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

const CN_LETTER = 'A-HJ-NP-Z';

/** The shipped presets by family; a site may list its own patterns instead or besides. */
export const PLATE_FORMAT_PRESETS: Readonly<Record<'cn' | 'eu' | 'us', readonly PlateFormat[]>> = {
  cn: [
    { id: 'cn-standard', region: 'cn', pattern: `^[${CN_PROVINCES}][${CN_LETTER}]·[${CN_LETTER}0-9]{5}$` },
    { id: 'cn-new-energy-small', region: 'cn', pattern: `^[${CN_PROVINCES}][${CN_LETTER}]·[DF][${CN_LETTER}0-9]\\d{4}$` },
    { id: 'cn-new-energy-large', region: 'cn', pattern: `^[${CN_PROVINCES}][${CN_LETTER}]·\\d{5}[DF]$` },
  ],
  eu: [
    { id: 'eu-fr', region: 'eu', pattern: '^[A-HJ-NP-TV-Z]{2}-\\d{3}-[A-HJ-NP-TV-Z]{2}$' },
    { id: 'eu-de', region: 'eu', pattern: '^[A-Z]{1,3} [A-Z]{1,2} [1-9]\\d{0,3}$' },
    { id: 'eu-es', region: 'eu', pattern: '^\\d{4} [BCDFGHJKLMNPRSTVWXYZ]{3}$' },
    { id: 'eu-it', region: 'eu', pattern: '^[A-HJ-NPR-TV-Z]{2} \\d{3}[A-HJ-NPR-TV-Z]{2}$' },
    { id: 'eu-nl', region: 'eu', pattern: '^[A-Z]{2}-\\d{3}-[A-Z]$' },
  ],
  us: [
    { id: 'us-abc-1234', region: 'us', pattern: '^[A-Z]{3}-\\d{4}$' },
    { id: 'us-1abc234', region: 'us', pattern: '^\\d[A-Z]{3}\\d{3}$' },
    { id: 'us-ab-12345', region: 'us', pattern: '^[A-Z]{2} \\d{5}$' },
  ],
};

export const ALL_PLATE_FORMATS: readonly PlateFormat[] = [
  ...PLATE_FORMAT_PRESETS.cn,
  ...PLATE_FORMAT_PRESETS.eu,
  ...PLATE_FORMAT_PRESETS.us,
];

const MAX_VARIANTS = 256;

/** Expands a class body such as `A-HJ-NP-Z0-9京` into its characters. */
function classChars(body: string): string[] {
  const chars = [...body];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && chars[i + 1] === 'd') {
      out.push(...'0123456789');
      i++;
    } else if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const from = c.codePointAt(0)!;
      const to = chars[i + 2]!.codePointAt(0)!;
      if (to < from) throw new SyntaxError(`range ${c}-${chars[i + 2]} runs backwards`);
      for (let p = from; p <= to; p++) out.push(String.fromCodePoint(p));
      i += 2;
    } else {
      out.push(c);
    }
  }
  return out;
}

/** Parses a pattern into atoms with their repetition, then expands them into fixed-length variants. */
export function compilePlateFormat(format: PlateFormat): CompiledPlateFormat {
  const chars = [...format.pattern];
  const atoms: { allowed: Set<string> | null; separator: string; min: number; max: number }[] = [];
  let i = 0;
  if (chars[0] === '^') i++;
  const end = chars[chars.length - 1] === '$' ? chars.length - 1 : chars.length;
  while (i < end) {
    const c = chars[i]!;
    let allowed: Set<string> | null;
    let separator = '';
    if (c === '[') {
      const close = chars.indexOf(']', i);
      if (close < 0) throw new SyntaxError(`${format.id}: unclosed class`);
      allowed = new Set(classChars(chars.slice(i + 1, close).join('')).map(foldChar));
      i = close + 1;
    } else if (c === '\\') {
      if (chars[i + 1] !== 'd') throw new SyntaxError(`${format.id}: only \\d is supported, not \\${chars[i + 1] ?? ''}`);
      allowed = new Set('0123456789');
      i += 2;
    } else if (SEPARATORS.test(c)) {
      allowed = null;
      separator = c;
      i++;
    } else if ('(|)*+'.includes(c)) {
      throw new SyntaxError(`${format.id}: "${c}" is not supported in plate patterns (use classes and {n,m})`);
    } else {
      allowed = new Set([foldChar(c)]);
      i++;
    }
    let min = 1;
    let max = 1;
    if (chars[i] === '?') {
      min = 0;
      i++;
    } else if (chars[i] === '{') {
      const close = chars.indexOf('}', i);
      const m = /^(\d+)(?:,(\d+))?$/.exec(chars.slice(i + 1, close).join(''));
      if (close < 0 || m === null) throw new SyntaxError(`${format.id}: bad quantifier`);
      min = Number(m[1]);
      max = m[2] === undefined ? min : Number(m[2]);
      if (max < min || max > 12) throw new SyntaxError(`${format.id}: quantifier {${min},${max}} out of range`);
      i = close + 1;
    }
    atoms.push({ allowed, separator, min, max });
  }

  let variants: Slot[][] = [[]];
  let pendingSeparator = '';
  for (const atom of atoms) {
    if (atom.allowed === null) {
      pendingSeparator = atom.separator;
      continue;
    }
    const next: Slot[][] = [];
    for (const variant of variants) {
      for (let n = atom.min; n <= atom.max; n++) {
        const slots = Array.from({ length: n }, (_, k) => ({
          allowed: atom.allowed!,
          separator: k === 0 ? pendingSeparator : '',
        }));
        next.push([...variant, ...slots]);
      }
    }
    if (next.length > MAX_VARIANTS)
      throw new SyntaxError(`${format.id}: the pattern expands to more than ${MAX_VARIANTS} variants`);
    variants = next;
    pendingSeparator = '';
  }
  return { ...format, variants: variants.filter((v) => v.length > 0) };
}

const compiledCache = new WeakMap<PlateFormat, CompiledPlateFormat>();

function compiled(format: PlateFormat): CompiledPlateFormat {
  let c = compiledCache.get(format);
  if (c === undefined) {
    c = compilePlateFormat(format);
    compiledCache.set(format, c);
  }
  return c;
}

/** The read's characters folded, separators dropped. */
export function plateCharacters(chars: readonly ReadCharacter[]): ReadCharacter[] {
  const out: ReadCharacter[] = [];
  for (const c of chars) {
    for (const f of [...foldChar(c.char)]) if (!SEPARATORS.test(f)) out.push({ char: f, confidence: c.confidence });
  }
  return out;
}

/** What replacing a character costs: at least 0.5, more the surer the model was of it. */
const substitutionCost = (confidence: number) => 0.5 + confidence;
/**
 * Dropping a character (a border or a bolt read as "I") costs more than two
 * substitutions, so a read the format explains by swaps keeps its length.
 */
const deletionCost = (confidence: number) => 3 + confidence;

function align(
  chars: readonly ReadCharacter[],
  slots: readonly Slot[],
): { cost: number; out: ReadCharacter[]; corrected: number[] } | null {
  let cost = 0;
  const out: ReadCharacter[] = [];
  const corrected: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const c = chars[i]!;
    const { allowed } = slots[i]!;
    if (allowed.has(c.char)) {
      out.push(c);
      continue;
    }
    const swap = confusablesOf(c.char).find((s) => allowed.has(s));
    if (swap === undefined) return null;
    cost += substitutionCost(c.confidence);
    corrected.push(i);
    // The model said something else here; the format's choice is only as sure as the swap.
    out.push({ char: swap, confidence: c.confidence * 0.5 });
  }
  return { cost, out, corrected };
}

/**
 * The cheapest reading of `chars` that fits one of the formats, or null when none
 * fits even after swapping confusables and dropping one stray character.
 */
export function correctPlate(
  chars: readonly ReadCharacter[],
  formats: readonly PlateFormat[] = ALL_PLATE_FORMATS,
): CorrectedPlate | null {
  const folded = plateCharacters(chars);
  const candidates: { chars: ReadCharacter[]; cost: number }[] = [{ chars: folded, cost: 0 }];
  for (let k = 0; k < folded.length; k++) {
    candidates.push({ chars: [...folded.slice(0, k), ...folded.slice(k + 1)], cost: deletionCost(folded[k]!.confidence) });
  }
  const text = folded.map((c) => c.char).join('');
  for (const [char, run] of SPLIT_LOOKALIKES) {
    const match = run.exec(text);
    if (match === null) continue;
    const merged = folded.slice(0, match[0].length);
    const confidence = Math.min(...merged.map((c) => c.confidence)) * 0.5;
    candidates.push({
      chars: [{ char, confidence }, ...folded.slice(match[0].length)],
      cost: substitutionCost(confidence) + 0.5,
    });
  }
  let best: CorrectedPlate | null = null;
  for (const format of formats) {
    for (const slots of compiled(format).variants) {
      for (const candidate of candidates) {
        if (candidate.chars.length !== slots.length) continue;
        const fit = align(candidate.chars, slots);
        if (fit === null) continue;
        const cost = candidate.cost + fit.cost;
        if (best !== null && cost >= best.cost) continue;
        best = {
          text: fit.out.map((c) => c.char).join(''),
          display: fit.out.map((c, i) => slots[i]!.separator + c.char).join(''),
          formatId: format.id,
          chars: fit.out,
          corrected: fit.corrected,
          cost,
          specificity: slots.reduce((bits, slot) => bits + slotBits(slot), 0),
        };
      }
    }
  }
  return best;
}
