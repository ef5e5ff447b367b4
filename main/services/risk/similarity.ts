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
