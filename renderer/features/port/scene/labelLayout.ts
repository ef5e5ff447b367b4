/** A label's box on the canvas in pixels, origin top-left. */
export interface LabelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One label competing for space on the canvas. */
export interface LabelCandidate {
  id: string;
  /** Where the label is drawn this frame; null when its anchor is behind the camera. */
  rect: LabelRect | null;
  /** Higher wins (see labelPriority). */
  priority: number;
  /** Distance from the camera along its view axis: among equal priorities the nearer label wins. */
  depth: number;
  /** The hovered or selected object's label: always shown, whatever it covers. */
  pinned?: boolean;
}

export interface LabelLayoutOptions {
  /** Free pixels kept around every shown label. */
  padding?: number;
  /** Extra pixels a hidden label needs all round before it comes back (hysteresis: no flicker at the edge of an overlap). */
  revealMargin?: number;
  /** A shown label keeps its place over an equal-priority rival unless the rival is this much nearer (0.2 = 20 %). */
  keepNearerBy?: number;
}

const defaults: Required<LabelLayoutOptions> = { padding: 4, revealMargin: 10, keepNearerBy: 0.2 };

interface Ranked {
  candidate: LabelCandidate;
  rect: LabelRect | null;
  wasShown: boolean;
  /** Depth scaled down for a label shown last time, so it is not displaced by a rival only marginally nearer. */
  rankDepth: number;
}

/**
 * Label decluttering as map tools do it: labels are placed in order of importance
 * and one that would overlap an already placed label (with padding) is hidden. The
 * pinned label (hovered or selected) is placed first and always shows. Labels whose
 * box is not wholly on the canvas, or whose anchor is behind the camera, take no space.
 *
 * The layout remembers which labels it showed, for hysteresis: a hidden label needs
 * a clear margin before it is shown again, and a shown label is not displaced by an
 * equal-priority rival that is only slightly nearer. The result depends only on the
 * candidates and that memory, not on their order.
 */
export class LabelLayout {
  private readonly options: Required<LabelLayoutOptions>;
  private shown = new Set<string>();

  constructor(options: LabelLayoutOptions = {}) {
    this.options = { ...defaults, ...options };
    for (const [name, value] of Object.entries(this.options)) {
      if (!Number.isFinite(value) || value < 0)
        throw new Error(`LabelLayout: option "${name}" must be a finite number ≥ 0, got ${String(value)}`);
    }
  }

  /** Decides which labels show on a canvas width × height pixels; returns their ids. */
  layout(candidates: readonly LabelCandidate[], viewport: { width: number; height: number }): ReadonlySet<string> {
    const { padding, revealMargin, keepNearerBy } = this.options;
    const ranked: Ranked[] = [];
    const seen = new Set<string>();
    for (const candidate of candidates) {
      check(candidate, seen);
      const wasShown = this.shown.has(candidate.id);
      const rect = candidate.rect && insideViewport(candidate.rect, viewport) ? candidate.rect : null;
      ranked.push({ candidate, rect, wasShown, rankDepth: wasShown ? candidate.depth * (1 - keepNearerBy) : candidate.depth });
    }
    ranked.sort(compareRanked);

    const placed: LabelRect[] = [];
    const shown = new Set<string>();
    for (const { candidate, rect, wasShown } of ranked) {
      if (candidate.pinned) {
        shown.add(candidate.id);
        // Even partly off the canvas it keeps the space it covers on it.
        if (candidate.rect) placed.push(candidate.rect);
        continue;
      }
      if (!rect) continue;
      const clearance = wasShown ? padding : padding + revealMargin;
      if (placed.some((other) => overlaps(rect, other, clearance))) continue;
      placed.push(rect);
      shown.add(candidate.id);
    }
    this.shown = shown;
    return shown;
  }

  /** Forgets the previous layout (a new site, a new set of labels). */
  reset(): void {
    this.shown = new Set();
  }
}

function compareRanked(a: Ranked, b: Ranked): number {
  const pinned = Number(b.candidate.pinned ?? false) - Number(a.candidate.pinned ?? false);
  if (pinned !== 0) return pinned;
  if (a.candidate.priority !== b.candidate.priority) return b.candidate.priority - a.candidate.priority;
  if (a.rankDepth !== b.rankDepth) return a.rankDepth - b.rankDepth;
  return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
}

function overlaps(a: LabelRect, b: LabelRect, clearance: number): boolean {
  return (
    a.x < b.x + b.width + clearance &&
    b.x < a.x + a.width + clearance &&
    a.y < b.y + b.height + clearance &&
    b.y < a.y + a.height + clearance
  );
}

/** Wholly on the canvas: a label cut by the edge cannot be read. */
function insideViewport(rect: LabelRect, viewport: { width: number; height: number }): boolean {
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= viewport.width && rect.y + rect.height <= viewport.height;
}

function check(candidate: LabelCandidate, seen: Set<string>): void {
  if (seen.has(candidate.id))
    throw new Error(`LabelLayout: label "${candidate.id}" was given twice; each label needs its own id`);
  seen.add(candidate.id);
  if (!Number.isFinite(candidate.priority))
    throw new Error(
      `LabelLayout: label "${candidate.id}" has priority ${String(candidate.priority)}; it must be a finite number`,
    );
  if (!Number.isFinite(candidate.depth))
    throw new Error(`LabelLayout: label "${candidate.id}" has depth ${String(candidate.depth)}; it must be a finite number`);
  const rect = candidate.rect;
  if (rect && ![rect.x, rect.y, rect.width, rect.height].every(Number.isFinite)) {
    throw new Error(
      `LabelLayout: label "${candidate.id}" has a box with a non-finite coordinate (${rect.x}, ${rect.y}, ${rect.width} × ${rect.height})`,
    );
  }
  if (rect && (rect.width < 0 || rect.height < 0))
    throw new Error(`LabelLayout: label "${candidate.id}" has a negative size ${rect.width} × ${rect.height}`);
}
