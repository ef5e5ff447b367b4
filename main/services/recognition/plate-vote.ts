/**
 * The vote across frames: a vehicle passing a gate camera is read several times,
 * and each read may get a different character wrong. Reads are grouped by length
 * (the length with the most confidence behind it wins); then each position takes
 * the character with the largest summed confidence. A character's confidence in
 * the result is its share of the position's weight times its mean confidence.
 */
import type { ReadCharacter } from './ctc-decode';

export interface PlateVoteInput {
  /** Characters without separators (a corrected plate's `chars`). */
  chars: readonly ReadCharacter[];
}

export interface PlateVote {
  text: string;
  chars: ReadCharacter[];
  /** The lowest character confidence: a plate is as sure as its least sure character. */
  confidence: number;
  /** Reads that took part (of the winning length). */
  support: number;
  /** Reads left out because their length lost. */
  outvoted: number;
}

export function votePlate(reads: readonly PlateVoteInput[]): PlateVote | null {
  const byLength = new Map<number, { weight: number; reads: PlateVoteInput[] }>();
  for (const read of reads) {
    if (read.chars.length === 0) continue;
    const group = byLength.get(read.chars.length) ?? { weight: 0, reads: [] };
    group.weight += read.chars.reduce((sum, c) => sum + c.confidence, 0) / read.chars.length;
    group.reads.push(read);
    byLength.set(read.chars.length, group);
  }
  let winner: { weight: number; reads: PlateVoteInput[] } | undefined;
  for (const group of byLength.values()) if (winner === undefined || group.weight > winner.weight) winner = group;
  if (winner === undefined) return null;

  const length = winner.reads[0]!.chars.length;
  const chars: ReadCharacter[] = [];
  for (let i = 0; i < length; i++) {
    const tally = new Map<string, { weight: number; count: number }>();
    let total = 0;
    for (const read of winner.reads) {
      const c = read.chars[i]!;
      const t = tally.get(c.char) ?? { weight: 0, count: 0 };
      t.weight += c.confidence;
      t.count++;
      tally.set(c.char, t);
      total += c.confidence;
    }
    let bestChar = '';
    let best = { weight: -1, count: 0 };
    for (const [char, t] of tally) if (t.weight > best.weight) [bestChar, best] = [char, t];
    const share = total > 0 ? best.weight / total : 0;
    chars.push({ char: bestChar, confidence: share * (best.weight / best.count) });
  }
  return {
    text: chars.map((c) => c.char).join(''),
    chars,
    confidence: Math.min(...chars.map((c) => c.confidence)),
    support: winner.reads.length,
    outvoted: reads.length - winner.reads.length,
  };
}
