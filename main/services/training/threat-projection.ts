/**
 * Threat projection as TIP systems do it: on average one threat in `oneIn` items,
 * each gap drawn within ±spread of that so the next threat cannot be predicted,
 * the kind drawn from the scenario's mix, and optionally a short high-prevalence
 * burst at the start. Seeded: the same seed gives the same threats on every machine.
 */
import type { ThreatKind } from '../../../preload/contract/schemas/training';
import { Prng } from '../declarations/demo/prng';

/** Kinds that can only be shown on an item that reaches a gate lane. */
export const GATE_THREATS: ReadonlySet<ThreatKind> = new Set([
  'plate-mismatch',
  'watchlist-vehicle',
  'container-check-digit',
  'seal-mismatch',
  'quantity-mismatch',
  'weight-mismatch',
  'face-mismatch',
]);

export interface ProjectionSettings {
  oneIn: number;
  spread: number;
  mix: Partial<Record<ThreatKind, number>>;
  burst?: { threats: number; oneIn: number } | undefined;
}

export interface ProjectedItem {
  /** The item reaches a gate lane (a truck), so gate threats can be shown on it. */
  byRoad: boolean;
}

export class ThreatProjector {
  private readonly rng: Prng;
  private readonly kinds: readonly (readonly [ThreatKind, number])[];
  private untilNext: number;
  private projected = 0;

  constructor(
    private readonly settings: ProjectionSettings,
    seed: number,
  ) {
    this.rng = new Prng(seed);
    this.kinds = Object.entries(settings.mix).filter((e): e is [ThreatKind, number] => (e[1] ?? 0) > 0);
    this.untilNext = this.gap();
  }

  /** Whether the burst is still running (its threats carry immediate feedback). */
  get inBurst(): boolean {
    return this.settings.burst !== undefined && this.projected < this.settings.burst.threats;
  }

  /** The threat to inject into this item, or null; call once per item, in order. */
  next(item: ProjectedItem): ThreatKind | null {
    this.untilNext -= 1;
    if (this.untilNext > 0) return null;
    const kind = this.pickKind(item);
    // An item that cannot show any kind in the mix (e.g. only gate kinds, item by sea) defers the threat to the next item.
    if (kind === null) {
      this.untilNext = 1;
      return null;
    }
    this.projected += 1;
    this.untilNext = this.gap();
    return kind;
  }

  private gap(): number {
    const mean = this.inBurst ? this.settings.burst!.oneIn : this.settings.oneIn;
    const spread = this.inBurst ? 0 : this.settings.spread;
    const low = Math.max(1, Math.round(mean * (1 - spread)));
    const high = Math.max(low, Math.round(mean * (1 + spread)));
    return this.rng.int(low, high);
  }

  private pickKind(item: ProjectedItem): ThreatKind | null {
    const possible = this.kinds.filter(([kind]) => item.byRoad || !GATE_THREATS.has(kind));
    const total = possible.reduce((sum, [, share]) => sum + share, 0);
    if (total === 0) return null;
    let draw = this.rng.next() * total;
    for (const [kind, share] of possible) {
      draw -= share;
      if (draw < 0) return kind;
    }
    return possible[possible.length - 1]![0];
  }
}
