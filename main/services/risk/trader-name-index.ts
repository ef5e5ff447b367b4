import { nameSimilarity } from './similarity';
import { traderNameTokens } from './normalize';

export interface TraderNameMatch<T> {
  entry: T;
  similarity: number;
}

interface IndexedName<T> {
  entry: T;
  tokens: string[];
}

/** Names at or above the threshold can differ by at most this many edits (from ratio ≥ t and |A| ≤ |B| + d). */
function maxEdits(length: number, threshold: number): number {
  return Math.floor(((1 - threshold) * length) / threshold + 1e-9); // epsilon: exact integers must not round down
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

/**
 * Fuzzy lookup of trader names in a watchlist of thousands, without comparing
 * every name. Names are normalized once at build. A lookup uses a trigram index
 * with prefix filtering: one edit destroys at most 3 trigrams, so a name within
 * d edits shares at least |trigrams| − 3d of them, and must therefore share one
 * of the |trigrams| − (that bound) + 1 rarest; only names in those posting lists
 * are compared. Results are memoized per name (traders recur across declarations).
 */
export class TraderNameIndex<T> {
  private readonly names: IndexedName<T>[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly postings = new Map<string, number[]>();
  private readonly memo = new Map<string, TraderNameMatch<T>[]>();
  private static readonly MEMO_LIMIT = 100_000;

  constructor(
    entries: Iterable<{ name: string; entry: T }>,
    private readonly threshold: number,
  ) {
    for (const { name, entry } of entries) {
      const tokens = traderNameTokens(name);
      if (tokens.length === 0) continue;
      const index = this.names.push({ entry, tokens }) - 1;
      for (const form of forms(tokens)) {
        push(this.exact, form, index);
        for (const gram of trigrams(form)) push(this.postings, gram, index);
      }
    }
  }

  get size(): number {
    return this.names.length;
  }

  /** Every entry whose name is at least `threshold` similar, best first. */
  match(name: string): TraderNameMatch<T>[] {
    const cached = this.memo.get(name);
    if (cached) return cached;
    const result = this.lookup(traderNameTokens(name));
    if (this.memo.size >= TraderNameIndex.MEMO_LIMIT) this.memo.clear();
    this.memo.set(name, result);
    return result;
  }

  private lookup(tokens: string[]): TraderNameMatch<T>[] {
    if (tokens.length === 0) return [];
    const candidates = new Set<number>();
    for (const form of forms(tokens)) {
      for (const index of this.exact.get(form) ?? []) candidates.add(index);
      this.addCandidates(form, candidates);
    }
    const matches: TraderNameMatch<T>[] = [];
    for (const index of candidates) {
      const indexed = this.names[index] as IndexedName<T>;
      const similarity = nameSimilarity(tokens, indexed.tokens);
      if (similarity >= this.threshold) matches.push({ entry: indexed.entry, similarity });
    }
    return matches.sort((a, b) => b.similarity - a.similarity);
  }

  private addCandidates(form: string, candidates: Set<number>): void {
    const grams = [...trigrams(form)];
    const mustShare = grams.length - 3 * maxEdits(form.length, this.threshold);
    if (mustShare <= 0) {
      // Too short to filter on trigrams: compare with every name (rare: very short names).
      for (let i = 0; i < this.names.length; i++) candidates.add(i);
      return;
    }
    const lists = grams.map((gram) => this.postings.get(gram) ?? []).sort((a, b) => a.length - b.length);
    for (const list of lists.slice(0, grams.length - mustShare + 1)) for (const index of list) candidates.add(index);
  }
}

/** The two forms compared by nameSimilarity: as written and tokens sorted. */
function forms(tokens: readonly string[]): string[] {
  const direct = tokens.join(' ');
  const sorted = [...tokens].sort().join(' ');
  return sorted === direct ? [direct] : [direct, sorted];
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
