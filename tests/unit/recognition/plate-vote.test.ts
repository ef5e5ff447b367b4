import { describe, expect, it } from 'vitest';
import { votePlate } from '../../../main/services/recognition/plate-vote';

const read = (text: string, confidences: number | number[] = 0.9) => ({
  chars: [...text].map((char, i) => ({ char, confidence: Array.isArray(confidences) ? confidences[i]! : confidences })),
});

describe('votePlate', () => {
  it('takes each position from the reads that agree, weighted by confidence', () => {
    const vote = votePlate([read('京A12345'), read('京A12845', [0.9, 0.9, 0.9, 0.9, 0.4, 0.9, 0.9]), read('京A1Z345')])!;
    expect(vote.text).toBe('京A12345');
    expect(vote.support).toBe(3);
    expect(vote.outvoted).toBe(0);
  });

  it('lets one sure read outweigh two unsure ones', () => {
    const vote = votePlate([read('AB8', [0.9, 0.9, 0.2]), read('AB8', [0.9, 0.9, 0.2]), read('ABB', [0.9, 0.9, 0.95])])!;
    expect(vote.text).toBe('ABB');
    // B's share of the position's weight (0.95 / 1.35) times its mean confidence.
    expect(vote.chars[2]!.confidence).toBeCloseTo((0.95 / 1.35) * 0.95, 5);
    expect(vote.confidence).toBe(vote.chars[2]!.confidence);
  });

  it('votes among reads of the winning length only', () => {
    const vote = votePlate([read('ABC1234'), read('ABC1234'), read('IABC1234', 0.5)])!;
    expect(vote).toMatchObject({ text: 'ABC1234', support: 2, outvoted: 1 });
  });

  it('is unanimous and as sure as its reads when every read agrees', () => {
    const vote = votePlate([read('XY120', 0.8), read('XY120', 0.8)])!;
    expect(vote.text).toBe('XY120');
    expect(vote.confidence).toBeCloseTo(0.8, 5);
  });

  it('has no vote without reads', () => {
    expect(votePlate([])).toBeNull();
    expect(votePlate([read('')])).toBeNull();
  });
});
