import { type Object3D, type PerspectiveCamera, Sprite, Vector3 } from 'three';
import { type LabelCandidate, LabelLayout } from './labelLayout';
import { type LabelKind, labelPriority } from './labelPriority';
import { labelScreenBox, type LabelSizing } from './labelScreenBox';

/** Put on a label sprite's userData.sceneLabel by whoever builds it: which object it names. */
export interface SceneLabelTag {
  /** The named object's scene name (`area:<id>`, `camera:<id>`, `vehicle:<id>`), as hover, pick and fly-to know it. */
  owner: string;
  kind: LabelKind;
}

/** Every label is drawn between these heights on screen (CSS px), whatever its distance. */
const minPx = 22;
const maxPx = 30;

interface Entry {
  id: string;
  owner: string;
  group: string;
  sprite: Sprite;
  anchor: Vector3;
  priority: number;
  sizing: LabelSizing;
  candidate: LabelCandidate;
}

/**
 * Keeps the overview's text labels readable: each label is drawn at a readable
 * on-screen size, and labels that would overlap are hidden by priority
 * (LabelLayout), the hovered and selected object's label always showing.
 * The layout runs only when the view changed (camera, canvas size, labels or
 * pins), so frames that only bring new video cost a comparison of 20 numbers.
 */
export class SceneLabels {
  private readonly layout = new LabelLayout();
  private entries: Entry[] = [];
  private readonly pins = new Map<'hover' | 'selected', string>();
  private readonly lastView = new Float64Array(20);
  private stale = true;

  /** Finds the tagged label sprites under root (already placed in the scene) and manages them as `group`. */
  collect(root: Object3D, group: string): void {
    root.updateMatrixWorld(true);
    const taken = new Set(this.entries.map((e) => e.id));
    root.traverse((object) => {
      const tag = object.userData.sceneLabel as SceneLabelTag | undefined;
      if (!tag || !(object instanceof Sprite)) return;
      let id = tag.owner;
      for (let n = 2; taken.has(id); n++) id = `${tag.owner}#${n}`;
      taken.add(id);
      const worldHeight = object.scale.y;
      const sizing: LabelSizing = { worldHeight, aspect: object.scale.x / worldHeight, minPx, maxPx };
      const priority = labelPriority[tag.kind];
      this.entries.push({
        id,
        owner: tag.owner,
        group,
        sprite: object,
        anchor: object.getWorldPosition(new Vector3()),
        priority,
        sizing,
        candidate: { id, rect: null, priority, depth: 0 },
      });
    });
    this.stale = true;
  }

  /** Stops managing the labels of `group` (their sprites are being removed), or all. */
  clear(group?: string): void {
    this.entries = group === undefined ? [] : this.entries.filter((e) => e.group !== group);
    if (group === undefined) this.layout.reset();
    this.stale = true;
  }

  /** The hovered or selected object's scene name, whose label always shows; returns whether that changed. */
  pin(reason: 'hover' | 'selected', owner: string | null): boolean {
    if ((this.pins.get(reason) ?? null) === owner) return false;
    if (owner === null) this.pins.delete(reason);
    else this.pins.set(reason, owner);
    this.stale = true;
    return true;
  }

  /** Before a render: sizes and declutters the labels if the view changed since the last time. */
  update(camera: PerspectiveCamera, width: number, height: number): void {
    camera.updateMatrixWorld();
    if (!this.viewChanged(camera, width, height) && !this.stale) return;
    this.stale = false;
    const candidates: LabelCandidate[] = [];
    for (const entry of this.entries) {
      const box = labelScreenBox(entry.anchor, entry.sizing, camera, width, height);
      const candidate = entry.candidate;
      candidate.rect = box?.rect ?? null;
      candidate.depth = box?.depth ?? 0;
      candidate.pinned = this.isPinned(entry.owner);
      if (box) entry.sprite.scale.set(box.worldHeight * entry.sizing.aspect, box.worldHeight, 1);
      candidates.push(candidate);
    }
    const shown = this.layout.layout(candidates, { width, height });
    for (const entry of this.entries) entry.sprite.visible = shown.has(entry.id);
  }

  /** Which labels show now, by id (the owner's name, `#2`… for a second label of the same owner). */
  shownIds(): string[] {
    return this.entries.filter((e) => e.sprite.visible).map((e) => e.id);
  }

  private isPinned(owner: string): boolean {
    for (const pinned of this.pins.values()) if (pinned === owner) return true;
    return false;
  }

  private viewChanged(camera: PerspectiveCamera, width: number, height: number): boolean {
    const last = this.lastView;
    const matrix = camera.matrixWorld.elements;
    const projection = camera.projectionMatrix.elements;
    let changed = false;
    for (let i = 0; i < 16; i++) {
      const value = matrix[i] as number;
      if (last[i] !== value) changed = true;
      last[i] = value;
    }
    changed = note(last, 16, projection[0] as number) || changed;
    changed = note(last, 17, projection[5] as number) || changed;
    changed = note(last, 18, width) || changed;
    changed = note(last, 19, height) || changed;
    return changed;
  }
}

/** Stores value at index; true when it differs from what was there. */
function note(store: Float64Array, index: number, value: number): boolean {
  if (store[index] === value) return false;
  store[index] = value;
  return true;
}
