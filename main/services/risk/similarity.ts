import { distance } from 'fastest-levenshtein';

/**
 * Name similarity for trader watchlists, 0..1: 1 − edit distance ÷ longer length,
 * on the normalized names as written and with their tokens sorted (so word order
 * does not matter: "Trading Acme" = "Acme Trading"); the better of the two.
 *
 * Why edit distance and not Jaro-Winkler: Jaro-Winkler rewards a shared prefix,
 * and trader names share prefixes all the time ("Zenith Imports" / "Zenith
 * Exports" score 0.94 and would flag the wrong company). The edit ratio counts
 * every differing character, which is what tells two companies apart.
 *
 * This is the reference definition: the watchlist index (trader-name-index.ts)
 * must find exactly the names this function scores at or above a threshold.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  const direct = editRatio(a.join(' '), b.join(' '));
  if (direct === 1 || (a.length < 2 && b.length < 2)) return direct;
  return Math.max(direct, editRatio([...a].sort().join(' '), [...b].sort().join(' ')));
}

export function editRatio(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/** The similarity editRatio gives two different strings `distance` edits apart, the longer `longer` long. */
export function ratioOf(distance: number, longer: number): number {
  return distance === 0 ? 1 : 1 - distance / longer;
}

/**
 * The most edits two strings, the longer `longer` code units long, may differ by
 * and still be `threshold` similar. Computed with the same floating-point
 * expression as editRatio, so a distance within the budget always passes the
 * threshold check and one past it never does.
 */
export function editBudget(longer: number, threshold: number): number {
  if (longer === 0) return 0;
  let budget = Math.max(0, Math.floor((1 - threshold) * longer));
  while (budget < longer && ratioOf(budget + 1, longer) >= threshold) budget++;
  while (budget > 0 && ratioOf(budget, longer) < threshold) budget--;
  return budget;
}

let row = new Int32Array(64);
/** Myers' match masks, one per UTF-16 code unit; cleared after every use. */
const peq = new Uint32Array(0x10000);

/**
 * Levenshtein distance on UTF-16 code units (as fastest-levenshtein counts), but
 * only up to `bound`: returns the exact distance when it is ≤ bound, otherwise
 * bound + 1. The watchlist only needs to know whether two names are within a few
 * edits. After the length check and trimming the common prefix and suffix (they
 * never change the distance), names of up to 32 units go through Myers'
 * bit-parallel algorithm (one machine word per column, as fastest-levenshtein
 * does); longer ones fill a diagonal band of 2·bound + 1 cells per row instead of
 * the whole table (an optimal path within the bound never leaves that band) and
 * stop as soon as a whole row exceeds the bound (row minima never decrease).
 * fastest-levenshtein has no bound and npm has no maintained bounded one that
 * counts code units the same way, hence this small one; tests check it against
 * fastest-levenshtein.
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (a === b) return 0;
  const over = bound + 1;
  if (Math.abs(a.length - b.length) > bound) return over;
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Rows run over the shorter remainder, columns over the longer.
  const aShorter = endA - start <= endB - start;
  const short = aShorter ? a : b;
  const long = aShorter ? b : a;
  const n = (aShorter ? endA : endB) - start;
  const m = (aShorter ? endB : endA) - start;
  if (n === 0) return m <= bound ? m : over;
  const result = m <= 32 ? myers32(long, start, m, short, n) : banded(short, long, start, n, m, bound);
  return result <= bound ? result : over;
}

/** Myers (1999): distance between pattern[from, from+m) (m ≤ 32) and text[from, from+n). */
function myers32(pattern: string, from: number, m: number, text: string, n: number): number {
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(from + i);
    peq[code] = (peq[code] as number) | (1 << i);
  }
  for (let j = 0; j < n; j++) {
    let eq = peq[text.charCodeAt(from + j)] as number;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(from + i)] = 0;
  return score;
}

/** Banded dynamic programming with early exit; returns bound + 1 once the bound is exceeded. */
function banded(short: string, long: string, from: number, n: number, m: number, bound: number): number {
  const over = bound + 1;
  if (row.length < m + 1) row = new Int32Array(2 * (m + 1));
  // row[j] holds D(i, j); cells outside the band hold `over` (treated as unreachable).
  for (let j = 0; j <= m; j++) row[j] = j <= bound ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(m, i + bound);
    let diagonal = row[lo - 1] as number; // D(i−1, lo−1)
    let left = lo === 1 && i <= bound ? i : over; // D(i, lo−1): only column 0 is inside the band
    row[lo - 1] = left;
    let rowMin = left;
    const code = short.charCodeAt(from + i - 1);
    for (let j = lo; j <= hi; j++) {
      const up = row[j] as number; // D(i−1, j)
      let value = diagonal + (code === long.charCodeAt(from + j - 1) ? 0 : 1);
      if (up + 1 < value) value = up + 1;
      if (left + 1 < value) value = left + 1;
      if (value > over) value = over;
      diagonal = up;
      row[j] = value;
      left = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return over;
  }
  return row[m] as number;
}
