/**
 * Greedy CTC decoding of the recogniser's output: the most likely class per time
 * step, repeats collapsed, blanks dropped. Each character keeps the probability of
 * its best step, so later stages (format correction, the vote) know which
 * characters the model was unsure of.
 */

export interface ReadCharacter {
  char: string;
  /** The highest per-step probability among the steps that produced this character, 0–1. */
  confidence: number;
}

export interface ReadText {
  text: string;
  chars: ReadCharacter[];
  /** The mean character confidence (0 for empty text). */
  confidence: number;
}

/**
 * Decodes [steps × classes] probabilities (row-major). Class 0 is the CTC blank;
 * class i ≥ 1 is `alphabet[i - 1]`, the PaddleOCR layout (its dictionary, then a space).
 */
export function ctcGreedyDecode(
  probabilities: Float32Array | readonly number[],
  steps: number,
  classes: number,
  alphabet: readonly string[],
): ReadText {
  if (probabilities.length < steps * classes)
    throw new RangeError(`expected ${steps}×${classes} probabilities, got ${probabilities.length}`);
  const chars: ReadCharacter[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const offset = t * classes;
    let best = 0;
    let bestP = probabilities[offset]!;
    for (let c = 1; c < classes; c++) {
      const p = probabilities[offset + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === previous) {
      const last = chars[chars.length - 1]!;
      last.confidence = Math.max(last.confidence, bestP);
    } else if (best !== 0) {
      chars.push({ char: alphabet[best - 1] ?? '', confidence: bestP });
    }
    previous = best;
  }
  const kept = chars.filter((c) => c.char !== '');
  return {
    text: kept.map((c) => c.char).join(''),
    chars: kept,
    confidence: kept.length === 0 ? 0 : kept.reduce((sum, c) => sum + c.confidence, 0) / kept.length,
  };
}
