import { describe, expect, it } from 'vitest';
import { type LabelCandidate, LabelLayout, type LabelRect } from '../../../renderer/features/port/scene/labelLayout';

const viewport = { width: 800, height: 600 };
const box = (x: number, y: number, width = 100, height = 24): LabelRect => ({ x, y, width, height });
const label = (id: string, rect: LabelRect | null, priority: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
  id,
  rect,
  priority,
  depth: 50,
  ...extra,
});
const sorted = (shown: ReadonlySet<string>) => [...shown].sort();

describe('label layout', () => {
  it('shows labels that do not overlap, all of them', () => {
    const layout = new LabelLayout();
    const shown = layout.layout(
      [label('gate', box(10, 10), 50), label('lane-1', box(300, 10), 20), label('yard', box(10, 300), 40)],
      viewport,
    );
    expect(sorted(shown)).toEqual(['gate', 'lane-1', 'yard']);
  });

  it('hides the lower priority of two overlapping labels, whichever comes first', () => {
    const lane = label('lane-1', box(100, 100), 20);
    const camera = label('camera:lane-3', box(150, 110), 10);
    const gate = label('area:gate', box(120, 90), 50);
    expect(sorted(new LabelLayout().layout([lane, camera, gate], viewport))).toEqual(['area:gate']);
    expect(sorted(new LabelLayout().layout([camera, lane], viewport))).toEqual(['lane-1']);
    expect(sorted(new LabelLayout().layout([lane, camera], viewport))).toEqual(['lane-1']);
  });

  it('keeps padding between labels: touching boxes count as overlapping', () => {
    const layout = new LabelLayout({ padding: 4, revealMargin: 0 });
    expect(sorted(layout.layout([label('a', box(0, 0), 2), label('b', box(103, 0), 1)], viewport))).toEqual(['a']);
    expect(
      sorted(
        new LabelLayout({ padding: 4, revealMargin: 0 }).layout([label('a', box(0, 0), 2), label('b', box(105, 0), 1)], viewport),
      ),
    ).toEqual(['a', 'b']);
  });

  it('a hidden label does not block others: only shown labels take space', () => {
    // b is hidden under a; c overlaps b but not a, so c shows.
    const shown = new LabelLayout({ padding: 0, revealMargin: 0 }).layout(
      [label('a', box(0, 0), 3), label('b', box(60, 0), 2), label('c', box(130, 0), 1)],
      viewport,
    );
    expect(sorted(shown)).toEqual(['a', 'c']);
  });

  it('among equal priorities the nearer label wins', () => {
    const near = label('vehicle:container-TGHU5060864', box(100, 100), 60, { depth: 20 });
    const far = label('vehicle:container-OOLU4732990', box(140, 105), 60, { depth: 35 });
    expect(sorted(new LabelLayout().layout([far, near], viewport))).toEqual(['vehicle:container-TGHU5060864']);
  });

  it('always shows the pinned label, above a higher priority one, and lets it take the space', () => {
    const layout = new LabelLayout();
    const gate = label('area:gate', box(100, 100), 50);
    const container = label('vehicle:container-OOLU4732990', box(120, 100), 60);
    const camera = label('camera:c1', box(130, 105), 10, { pinned: true });
    expect(sorted(layout.layout([gate, container, camera], viewport))).toEqual(['camera:c1']);
  });

  it('shows two pinned labels (hovered and selected) even where they overlap each other', () => {
    const shown = new LabelLayout().layout(
      [label('hovered', box(100, 100), 10, { pinned: true }), label('selected', box(110, 100), 60, { pinned: true })],
      viewport,
    );
    expect(sorted(shown)).toEqual(['hovered', 'selected']);
  });

  it('gives labels behind the camera or off the canvas no space and does not show them', () => {
    const layout = new LabelLayout({ padding: 0, revealMargin: 0 });
    const shown = layout.layout(
      [
        label('behind', null, 90),
        label('left-of-canvas', box(-150, 100), 90),
        label('cut-by-right-edge', box(750, 100), 90),
        label('below-canvas', box(100, 700), 90),
        label('lane', box(0, 100, 800), 10),
      ],
      viewport,
    );
    expect(sorted(shown)).toEqual(['lane']);
  });

  it('hysteresis: a hidden label comes back only with a clear margin, a shown one keeps its place at the plain padding', () => {
    const layout = new LabelLayout({ padding: 4, revealMargin: 10 });
    const gate = label('gate', box(0, 0), 50);
    // Overlapping: the lane is hidden.
    expect(sorted(layout.layout([gate, label('lane', box(80, 0), 20)], viewport))).toEqual(['gate']);
    // 6 px apart: enough for a shown label (4), not for a hidden one to come back (4 + 10).
    expect(sorted(layout.layout([gate, label('lane', box(106, 0), 20)], viewport))).toEqual(['gate']);
    expect(sorted(layout.layout([gate, label('lane', box(113, 0), 20)], viewport))).toEqual(['gate']);
    // 15 px apart: clear of the margin, it shows again.
    expect(sorted(layout.layout([gate, label('lane', box(115, 0), 20)], viewport))).toEqual(['gate', 'lane']);
    // Now shown, it stays at 6 px…
    expect(sorted(layout.layout([gate, label('lane', box(106, 0), 20)], viewport))).toEqual(['gate', 'lane']);
    // …and goes once it is within the padding.
    expect(sorted(layout.layout([gate, label('lane', box(103, 0), 20)], viewport))).toEqual(['gate']);
  });

  it('hysteresis: a shown label is not displaced by an equal rival only slightly nearer, but is by a much nearer one', () => {
    const layout = new LabelLayout({ keepNearerBy: 0.2 });
    const a = (depth: number) => label('a', box(100, 100), 60, { depth });
    const b = (depth: number) => label('b', box(120, 100), 60, { depth });
    expect(sorted(layout.layout([a(40), b(42)], viewport))).toEqual(['a']);
    // b is 10 % nearer now: a keeps its place.
    expect(sorted(layout.layout([a(40), b(36)], viewport))).toEqual(['a']);
    // b is 30 % nearer: it takes over, and then keeps it when they are level again.
    expect(sorted(layout.layout([a(40), b(28)], viewport))).toEqual(['b']);
    expect(sorted(layout.layout([a(40), b(40)], viewport))).toEqual(['b']);
  });

  it('reset forgets the last layout', () => {
    const layout = new LabelLayout({ keepNearerBy: 0.5 });
    layout.layout([label('a', box(100, 100), 60, { depth: 40 }), label('b', box(120, 100), 60, { depth: 42 })], viewport);
    layout.reset();
    expect(
      sorted(
        layout.layout([label('a', box(100, 100), 60, { depth: 40 }), label('b', box(120, 100), 60, { depth: 30 })], viewport),
      ),
    ).toEqual(['b']);
  });

  it('is deterministic: the same candidates in any order give the same result, ties broken by id', () => {
    const candidates: LabelCandidate[] = [];
    for (let i = 0; i < 40; i++)
      candidates.push(label(`l${String(i).padStart(2, '0')}`, box((i * 37) % 700, (i * 53) % 560, 90, 22), i % 4, { depth: 50 }));
    const first = sorted(new LabelLayout().layout(candidates, viewport));
    for (let round = 0; round < 5; round++) {
      // A fixed shuffle per round, so a failure can be replayed.
      const shuffled = [...candidates].sort(
        (x, y) =>
          ((x.id.charCodeAt(2) * (round + 3)) % 11) - ((y.id.charCodeAt(2) * (round + 3)) % 11) ||
          (round % 2 ? 1 : -1) * x.id.localeCompare(y.id),
      );
      expect(sorted(new LabelLayout().layout(shuffled, viewport))).toEqual(first);
    }
    // Two identical boxes of equal priority and depth: the smaller id shows.
    expect(sorted(new LabelLayout().layout([label('b', box(10, 10), 1), label('a', box(10, 10), 1)], viewport))).toEqual(['a']);
  });

  it('no two shown labels overlap in a crowded scene', () => {
    const candidates: LabelCandidate[] = [];
    for (let i = 0; i < 200; i++)
      candidates.push(
        label(`l${i}`, box((i * 97) % 720, (i * 61) % 570, 60 + (i % 5) * 10, 22), i % 6, { depth: 10 + (i % 13) }),
      );
    const shown = new LabelLayout({ padding: 4 }).layout(candidates, viewport);
    const rects = candidates.filter((c) => shown.has(c.id)).map((c) => c.rect as LabelRect);
    expect(rects.length).toBeGreaterThan(5);
    expect(rects.length).toBeLessThan(200);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i] as LabelRect;
        const b = rects[j] as LabelRect;
        const apart =
          a.x + a.width + 4 <= b.x || b.x + b.width + 4 <= a.x || a.y + a.height + 4 <= b.y || b.y + b.height + 4 <= a.y;
        expect(apart, `shown labels ${i} and ${j} overlap`).toBe(true);
      }
    }
  });

  it('rejects bad input with an error naming the label', () => {
    const layout = new LabelLayout();
    expect(() => layout.layout([label('x', box(0, 0), 1), label('x', box(200, 0), 1)], viewport)).toThrow(/"x" was given twice/);
    expect(() => layout.layout([label('lane-2', box(Number.NaN, 0), 1)], viewport)).toThrow(
      /"lane-2" has a box with a non-finite/,
    );
    expect(() => layout.layout([label('gate', box(0, 0), Number.POSITIVE_INFINITY)], viewport)).toThrow(/"gate" has priority/);
    expect(() => new LabelLayout({ padding: -1 })).toThrow(/"padding"/);
  });
});
