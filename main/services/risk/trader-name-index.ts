import { boundedEditDistance, editBudget, ratioOf } from './similarity';
import { traderNameTokens } from './normalize';

export interface TraderNameMatch<T> {
  entry: T;
  similarity: number;
}

/** Trigrams held by more than this share of the names are common (TRA, ING, 有限…): kept as bitsets too. */
const COMMON_SHARE = 1 / 64;
/** Posting lists up to this long are scanned whole rather than binary-searched for the length window. */
const SHORT_LIST = 48;

function hasBit(bits: Uint32Array, offset: number, id: number): boolean {
  return ((bits[offset + (id >>> 5)] as number) & (1 << (id & 31))) !== 0;
}

/**
 * Trigrams as numbers: every UTF-16 code unit of the watchlisted names gets a
 * small id, and a trigram is the three ids in base (alphabet + 1). Numbers hash
 * and compare faster than three-character strings, and a query character that
 * no listed name contains (id 0) rules its trigrams out without a lookup.
 */
class Alphabet {
  private readonly ids = new Map<number, number>();

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!this.ids.has(code)) this.ids.set(code, this.ids.size + 1);
    }
  }

  get base(): number {
    return this.ids.size + 1;
  }

  /** The trigram keys of `text` into `out` (0 for a trigram with an unknown character); returns how many. */
  trigrams(text: string, out: number[]): number {
    const base = this.base;
    let count = 0;
    let previous = 0;
    let current = 0;
    for (let i = 0; i < text.length; i++) {
      const id = this.ids.get(text.charCodeAt(i)) ?? 0;
      if (i >= 2) out[count++] = previous === 0 || current === 0 || id === 0 ? 0 : (previous * base + current) * base + id;
      previous = current;
      current = id;
    }
    return count;
  }
}

/**
 * Trigram key → trigram number, open addressing with linear probing over two
 * typed arrays: the lookup that every query trigram makes, kept to one or two
 * contiguous reads (a Map costs several pointer hops per lookup here).
 */
class SlotTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  /** 32 − log2(capacity): multiplicative hashing keeps the well-mixed high bits. */
  private shift: number;
  private count = 0;

  constructor() {
    this.keys = new Float64Array(1024).fill(-1);
    this.values = new Int32Array(1024);
    this.mask = 1023;
    this.shift = 22;
  }

  private hash(key: number): number {
    // Keys reach base³ (more than 32 bits for large alphabets): mix both halves.
    return Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1) >>> this.shift;
  }

  get(key: number): number {
    const keys = this.keys;
    for (let i = this.hash(key); ; i = (i + 1) & this.mask) {
      const held = keys[i] as number;
      if (held === key) return this.values[i] as number;
      if (held === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    for (let i = this.hash(key); ; i = (i + 1) & this.mask) {
      const held = this.keys[i] as number;
      if (held === key || held === -1) {
        if (held === -1) this.count++;
        this.keys[i] = key;
        this.values[i] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.shift--;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if ((keys[i] as number) !== -1) this.set(keys[i] as number, values[i] as number);
  }
}

/**
 * One way of writing every watchlisted name (as written, or with tokens sorted)
 * with a trigram index over it. nameSimilarity compares the query's form with
 * the entry's same form, so each form has its own index.
 *
 * Laid out flat (one array for all posting lists, indexed by trigram number)
 * rather than as an object per trigram: a lookup touches a few contiguous
 * arrays instead of chasing pointers, which is most of its cost. Each list
 * holds ids ordered by name length (a length window is two binary searches),
 * and common trigrams also get a bitset over ids, so a candidate can be
 * checked for one without reading its long list.
 */
class FormIndex {
  /** Trigram key → trigram number (−1: no listed name holds it). */
  readonly slots = new SlotTable();
  /** The search that last met trigram g: a query's repeated trigram is counted once. */
  readonly seen: Int32Array;
  /** List of trigram g: ids[starts[g] … starts[g + 1]), with the names' lengths alongside in `lengths`. */
  readonly starts: Int32Array;
  readonly ids: Int32Array;
  readonly lengths: Int32Array;
  /** Offset of trigram g's bitset in `bits`, or −1 when it is not common. */
  readonly bitOffsets: Int32Array;
  readonly bits: Uint32Array;
  /** Distinct trigrams per name. */
  readonly gramCounts: Int32Array;

  constructor(
    readonly texts: readonly string[],
    order: readonly number[],
    alphabet: Alphabet,
  ) {
    this.gramCounts = new Int32Array(texts.length);
    const lists: number[][] = [];
    const keys: number[] = [];
    // Filled in length order, so every posting list comes out sorted by length.
    for (const id of order) {
      const count = alphabet.trigrams(texts[id] as string, keys);
      let distinct = 0;
      for (let k = 0; k < count; k++) {
        const key = keys[k] as number;
        const slot = this.slots.get(key);
        if (slot === -1) {
          this.slots.set(key, lists.length);
          lists.push([id]);
        } else {
          const list = lists[slot] as number[];
          if (list[list.length - 1] === id) continue;
          list.push(id);
        }
        distinct++;
      }
      this.gramCounts[id] = distinct;
    }
    const total = lists.reduce((sum, list) => sum + list.length, 0);
    this.starts = new Int32Array(lists.length + 1);
    this.ids = new Int32Array(total);
    this.lengths = new Int32Array(total);
    this.bitOffsets = new Int32Array(lists.length).fill(-1);
    const common = Math.max(8, texts.length * COMMON_SHARE);
    const words = (texts.length + 31) >>> 5;
    const commonCount = lists.filter((list) => list.length > common).length;
    this.bits = new Uint32Array(commonCount * words);
    let at = 0;
    let bitAt = 0;
    lists.forEach((list, g) => {
      this.starts[g] = at;
      for (const id of list) {
        this.ids[at] = id;
        this.lengths[at] = (texts[id] as string).length;
        at++;
      }
      if (list.length > common) {
        this.bitOffsets[g] = bitAt;
        for (const id of list) this.bits[bitAt + (id >>> 5)] = (this.bits[bitAt + (id >>> 5)] as number) | (1 << (id & 31));
        bitAt += words;
      }
    });
    this.starts[lists.length] = at;
    this.seen = new Int32Array(lists.length);
  }
}

/**
 * Fuzzy lookup of trader names in a watchlist of thousands, finding exactly the
 * names nameSimilarity scores at or above the threshold, without comparing
 * every name. Three filters, each exact:
 *
 * 1. Length: similarity ≥ t needs |len a − len b| ≤ the edit budget of the longer
 *    (editBudget); only names in that length window are considered.
 * 2. Trigrams, rarest first: one edit destroys at most 3 trigrams, so a name
 *    within d edits shares at least max(|grams a|, |grams b|) − 3d of them. A
 *    name that must share k of the query's g trigrams shares one of its
 *    g − k + 1 rarest: only those posting lists are read (the common ones, from
 *    words like TRADING, LOGISTICS or 电子, are exactly the lists skipped),
 *    and a name that cannot reach k even if it shared every unread trigram is
 *    dropped without comparing.
 * 3. Bounded edit distance: the rest are compared only up to their edit budget
 *    (boundedEditDistance stops once it is exceeded).
 *
 * Blocking on whole rare tokens instead would miss typos in the rare word
 * ("ACNE TRADING" for "ACME TRADING" is 0.92 similar and shares no rare token).
 * Results are memoized per name (traders recur across declarations).
 */
export class TraderNameIndex<T> {
  private readonly entries: T[] = [];
  private readonly lengths: number[] = [];
  private readonly direct: FormIndex;
  private readonly sorted: FormIndex;
  /** All ids by name length: the candidates when a query is too short for trigrams to filter. */
  private readonly byLength: Int32Array;
  private readonly budgets: number[] = [];
  private readonly counts: Int32Array;
  private readonly best: Int32Array;
  private readonly touched: Int32Array;
  private readonly alphabet = new Alphabet();
  // Scratch space reused by every search (lookups are synchronous).
  private readonly keys: number[] = [];
  private readonly slotsFound: number[] = [];
  private readonly order: number[] = [];
  private readonly checked: number[] = [];
  private searches = 0;
  private readonly memo = new Map<string, TraderNameMatch<T>[]>();
  private readonly memoByTokens = new Map<string, TraderNameMatch<T>[]>();

  constructor(
    entries: Iterable<{ name: string; entry: T }>,
    private readonly threshold: number,
  ) {
    const directTexts: string[] = [];
    const sortedTexts: string[] = [];
    for (const { name, entry } of entries) {
      const tokens = traderNameTokens(name);
      if (tokens.length === 0) continue;
      this.entries.push(entry);
      directTexts.push(tokens.join(' '));
      sortedTexts.push([...tokens].sort().join(' '));
      this.lengths.push((directTexts[directTexts.length - 1] as string).length);
    }
    const order = this.entries.map((_, id) => id).sort((a, b) => (this.lengths[a] as number) - (this.lengths[b] as number));
    this.byLength = Int32Array.from(order);
    for (const text of directTexts) this.alphabet.add(text);
    this.direct = new FormIndex(directTexts, order, this.alphabet);
    this.sorted = new FormIndex(sortedTexts, order, this.alphabet);
    this.counts = new Int32Array(this.entries.length);
    this.best = new Int32Array(this.entries.length);
    this.touched = new Int32Array(this.entries.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Every entry whose name is at least `threshold` similar, best first. */
  match(name: string): TraderNameMatch<T>[] {
    const cached = this.memo.get(name);
    if (cached) return cached;
    // Declarants write one trader many ways ("ACME TRADING CO LTD", "Acme Trading Co., Ltd."):
    // the answer depends only on the normalized tokens, so it is memoized under those too.
    const tokens = traderNameTokens(name);
    const key = tokens.join(' ');
    let result = this.memoByTokens.get(key);
    if (!result) {
      result = this.lookup(tokens);
      remember(this.memoByTokens, key, result);
    }
    remember(this.memo, name, result);
    return result;
  }

  private budget(longer: number): number {
    let budget = this.budgets[longer];
    if (budget === undefined) {
      budget = editBudget(longer, this.threshold);
      this.budgets[longer] = budget;
    }
    return budget;
  }

  private lookup(tokens: string[]): TraderNameMatch<T>[] {
    if (tokens.length === 0 || this.entries.length === 0) return [];
    const direct = tokens.join(' ');
    const length = direct.length;
    // Length window: shorter names down to length − budget(length); longer ones while their own budget allows.
    const minLength = length - this.budget(length);
    let maxLength = length;
    while (maxLength + 1 - length <= this.budget(maxLength + 1)) maxLength++;

    // best[id] = smallest distance found + 1 (0: not found), over both forms.
    const found: number[] = [];
    this.search(this.direct, direct, minLength, maxLength, found);
    this.search(this.sorted, [...tokens].sort().join(' '), minLength, maxLength, found);

    const matches: TraderNameMatch<T>[] = [];
    for (const id of found) {
      const distance = (this.best[id] as number) - 1;
      this.best[id] = 0;
      matches.push({ entry: this.entries[id] as T, similarity: ratioOf(distance, Math.max(length, this.lengths[id] as number)) });
    }
    return matches.sort((a, b) => b.similarity - a.similarity);
  }

  /** Finds the names of one form within their edit budget of `query`, recording each one's distance in `best`. */
  private search(form: FormIndex, query: string, minLength: number, maxLength: number, found: number[]): void {
    const length = query.length;
    // The query's distinct trigrams that some listed name holds; `grams` also counts those none holds.
    const keys = this.keys;
    const keyCount = this.alphabet.trigrams(query, keys);
    const search = ++this.searches;
    const slotOf = this.slotsFound;
    const order = this.order;
    const starts = form.starts;
    let held = 0;
    let missing = 0;
    let missingGrams: Set<string> | null = null;
    for (let k = 0; k < keyCount; k++) {
      const key = keys[k] as number;
      const slot = key === 0 ? -1 : form.slots.get(key);
      if (slot === -1) {
        // No listed name holds it: it counts towards the query's trigrams but shares nothing.
        missingGrams ??= new Set<string>();
        const gram = query.slice(k, k + 3);
        if (!missingGrams.has(gram)) {
          missingGrams.add(gram);
          missing++;
        }
        continue;
      }
      if (form.seen[slot] === search) continue; // a repeated trigram counts once
      form.seen[slot] = search;
      slotOf[held] = slot;
      order[held] = held;
      held++;
    }
    const grams = held + missing;
    // The fewest trigrams any name in the window must share (the longest names may differ most).
    const mustShare = grams - 3 * this.budget(Math.max(length, maxLength));

    if (mustShare <= 0) {
      // Too short for trigrams to rule anything out: compare with every name in the length window.
      const lengths = this.lengths;
      const from = lowerBoundIds(this.byLength, lengths, minLength);
      for (let k = from; k < this.byLength.length && (lengths[this.byLength[k] as number] as number) <= maxLength; k++) {
        this.verify(form, query, this.byLength[k] as number, found);
      }
      return;
    }

    // Rarest first: by how many listed names hold each trigram (its document frequency; an insertion sort, ~20 items).
    for (let i = 1; i < held; i++) {
      const p = order[i] as number;
      const g = slotOf[p] as number;
      const size = (starts[g + 1] as number) - (starts[g] as number);
      let j = i - 1;
      for (; j >= 0; j--) {
        const h = slotOf[order[j] as number] as number;
        if ((starts[h + 1] as number) - (starts[h] as number) <= size) break;
        order[j + 1] = order[j] as number;
      }
      order[j + 1] = p;
    }

    // A name sharing mustShare of the query's trigrams shares one of the (grams − mustShare + 1) rarest
    // (the missing ones are the rarest of all): only their lists, and other short ones, are read;
    // common trigrams are then checked per candidate on their bitsets.
    const mustRead = grams - mustShare + 1 - missing;
    if (mustRead <= 0) return; // too many of its trigrams are held by no listed name
    const counts = this.counts;
    const touched = this.touched;
    const checked = this.checked;
    checked.length = 0;
    let touchedCount = 0;
    for (let o = 0; o < held; o++) {
      const p = order[o] as number;
      const g = slotOf[p] as number;
      const bitOffset = form.bitOffsets[g] as number;
      if (o >= mustRead && bitOffset >= 0) {
        checked.push(bitOffset);
        continue;
      }
      const ids = form.ids;
      const lengths = form.lengths;
      const from = starts[g] as number;
      const end = starts[g + 1] as number;
      if (end - from <= SHORT_LIST) {
        // Short list: a straight scan with the length check beats two binary searches.
        for (let k = from; k < end; k++) {
          const nameLength = lengths[k] as number;
          if (nameLength < minLength || nameLength > maxLength) continue;
          const id = ids[k] as number;
          if ((counts[id] as number)++ === 0) touched[touchedCount++] = id;
        }
        continue;
      }
      const to = lowerBound(lengths, from, end, maxLength + 1);
      for (let k = lowerBound(lengths, from, end, minLength); k < to; k++) {
        const id = ids[k] as number;
        if ((counts[id] as number)++ === 0) touched[touchedCount++] = id;
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t] as number;
      let shared = counts[id] as number;
      counts[id] = 0;
      // Stop checking once even sharing every remaining trigram could not reach mustShare.
      for (let c = 0; c < checked.length && shared + checked.length - c >= mustShare; c++)
        if (hasBit(form.bits, checked[c] as number, id)) shared++;
      if (shared < mustShare) continue;
      const budget = this.budget(Math.max(length, this.lengths[id] as number));
      if (shared >= Math.max(grams, form.gramCounts[id] as number) - 3 * budget) this.verify(form, query, id, found);
    }
  }

  private verify(form: FormIndex, query: string, id: number, found: number[]): void {
    const text = form.texts[id] as string;
    const longer = Math.max(query.length, text.length);
    const budget = this.budget(longer);
    const previous = this.best[id] as number;
    // Only a closer match than the other form's is worth computing.
    const bound = previous === 0 ? budget : Math.min(budget, previous - 2);
    if (bound < 0) return;
    const distance = boundedEditDistance(query, text, bound);
    if (distance > bound) return;
    if (previous === 0) found.push(id);
    this.best[id] = distance + 1;
  }
}

const MEMO_LIMIT = 100_000;

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/** First position in `ids` (ordered by name length) whose name is ≥ `length` long. */
function lowerBoundIds(ids: Int32Array, lengths: readonly number[], length: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lengths[ids[mid] as number] as number) < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in lengths[from, to) (ascending) whose value is ≥ `length`. */
function lowerBound(lengths: Int32Array, from: number, to: number, length: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lengths[mid] as number) < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
