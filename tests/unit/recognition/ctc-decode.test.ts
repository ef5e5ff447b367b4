import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode } from '../../../main/services/recognition/ctc-decode';

/** One row per step: probability 0.9 (or `p`) on `cls`, the rest spread over the others. */
function steps(rows: readonly (readonly [number, number?])[], classes: number): Float32Array {
  const out = new Float32Array(rows.length * classes);
  rows.forEach(([cls, p = 0.9], t) => {
    for (let c = 0; c < classes; c++) out[t * classes + c] = c === cls ? p : (1 - p) / (classes - 1);
  });
  return out;
}

describe('ctcGreedyDecode', () => {
  const alphabet = ['A', 'B', '1', ' '];
  const classes = alphabet.length + 1;

  it('collapses repeats, drops blanks and keeps a repeat split by a blank', () => {
    const read = ctcGreedyDecode(steps([[1], [1], [0], [1], [2], [2], [0], [3]], classes), 8, classes, alphabet);
    expect(read.text).toBe('AAB1');
    expect(read.chars).toHaveLength(4);
  });

  it("keeps each character's best step probability and averages them", () => {
    const read = ctcGreedyDecode(steps([[1, 0.6], [1, 0.95], [0], [2, 0.7]], classes), 4, classes, alphabet);
    expect(read.chars.map((c) => c.confidence)).toEqual([expect.closeTo(0.95, 5), expect.closeTo(0.7, 5)]);
    expect(read.confidence).toBeCloseTo(0.825, 5);
  });

  it('reads nothing from blanks only, with confidence 0', () => {
    const read = ctcGreedyDecode(steps([[0], [0]], classes), 2, classes, alphabet);
    expect(read).toEqual({ text: '', chars: [], confidence: 0 });
  });

  it('refuses a buffer shorter than steps × classes', () => {
    expect(() => ctcGreedyDecode(new Float32Array(3), 2, classes, alphabet)).toThrow(RangeError);
  });
});
