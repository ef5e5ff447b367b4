import { describe, expect, it } from 'vitest';
import { GATE_THREATS, ThreatProjector } from '../../../main/services/training/threat-projection';
import type { ThreatKind } from '../../../preload/contract/schemas/training';

function run(projector: ThreatProjector, items: number, byRoad = (i: number) => i % 2 === 0) {
  const positions: number[] = [];
  const kinds: ThreatKind[] = [];
  for (let i = 0; i < items; i++) {
    const kind = projector.next({ byRoad: byRoad(i) });
    if (kind !== null) {
      positions.push(i);
      kinds.push(kind);
    }
  }
  return { positions, kinds };
}

describe('threat projection', () => {
  it('is the same for the same seed and differs between seeds', () => {
    const settings = { oneIn: 40, spread: 0.3, mix: { undervaluation: 50, 'hs-mismatch': 50 } };
    expect(run(new ThreatProjector(settings, 7), 2000)).toEqual(run(new ThreatProjector(settings, 7), 2000));
    expect(run(new ThreatProjector(settings, 7), 2000)).not.toEqual(run(new ThreatProjector(settings, 8), 2000));
  });

  it('projects one in N on average over many seeds, each gap within ±spread', () => {
    let threats = 0;
    const items = 4000;
    for (let seed = 1; seed <= 50; seed++) {
      const { positions } = run(
        new ThreatProjector({ oneIn: 40, spread: 0.3, mix: { undervaluation: 100 } }, seed),
        items,
        () => true,
      );
      threats += positions.length;
      const gaps = positions.map((p, i) => p - (i === 0 ? -1 : positions[i - 1]!));
      for (const gap of gaps) {
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(52);
      }
      // Gaps vary: the next threat cannot be predicted from the last.
      expect(new Set(gaps).size).toBeGreaterThan(5);
    }
    const rate = threats / (50 * items);
    expect(rate).toBeGreaterThan(1 / 42);
    expect(rate).toBeLessThan(1 / 38);
  });

  it('follows the mix and shows gate threats only on items that reach a gate', () => {
    const counts = new Map<ThreatKind, number>();
    for (let seed = 1; seed <= 20; seed++) {
      const projector = new ThreatProjector({ oneIn: 5, spread: 0.3, mix: { undervaluation: 70, 'plate-mismatch': 30 } }, seed);
      for (let i = 0; i < 2000; i++) {
        const byRoad = i % 2 === 0;
        const kind = projector.next({ byRoad });
        if (kind === null) continue;
        if (!byRoad) expect(GATE_THREATS.has(kind)).toBe(false);
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    // Plate threats can land only on the half of the items that come by road; on those they keep their 30 % share.
    expect(counts.get('plate-mismatch')! / total).toBeGreaterThan(0.1);
    expect(counts.get('plate-mismatch')! / total).toBeLessThan(0.2);
  });

  it('defers a gate-only threat to the next item that reaches a gate', () => {
    const projector = new ThreatProjector({ oneIn: 2, spread: 0, mix: { 'seal-mismatch': 100 } }, 3);
    const { positions } = run(projector, 20, (i) => i >= 10);
    expect(positions[0]).toBe(10);
  });

  it('starts with a high-prevalence burst, then returns to the scenario rate', () => {
    const projector = new ThreatProjector(
      { oneIn: 50, spread: 0.3, mix: { undervaluation: 100 }, burst: { threats: 5, oneIn: 3 } },
      9,
    );
    expect(projector.inBurst).toBe(true);
    const { positions } = run(projector, 400, () => true);
    expect(positions.slice(0, 5)).toEqual([2, 5, 8, 11, 14]);
    expect(projector.inBurst).toBe(false);
    expect(positions[5]! - positions[4]!).toBeGreaterThanOrEqual(35);
  });
});
