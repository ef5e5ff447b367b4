import { Group, PerspectiveCamera, Sprite, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { labelScreenBox } from '../../../renderer/features/port/scene/labelScreenBox';
import { type SceneLabelTag, SceneLabels } from '../../../renderer/features/port/scene/sceneLabels';

const width = 1000;
const height = 600;

/** A camera at (0, 0, distance) looking down −z at the origin, with current matrices. */
function cameraAt(distance: number, x = 0): PerspectiveCamera {
  const camera = new PerspectiveCamera(60, width / height, 0.5, 5000);
  camera.position.set(x, 0, distance);
  camera.lookAt(x, 0, 0);
  camera.updateMatrixWorld();
  return camera;
}

function tagged(owner: string, kind: SceneLabelTag['kind'], at: Vector3, worldHeight = 2, aspect = 4): Sprite {
  const sprite = new Sprite();
  sprite.scale.set(worldHeight * aspect, worldHeight, 1);
  sprite.position.copy(at);
  sprite.userData.sceneLabel = { owner, kind } satisfies SceneLabelTag;
  return sprite;
}

describe('label screen box', () => {
  it('centres a label at its anchor and sizes it by its distance within the pixel range', () => {
    const sizing = { worldHeight: 2, aspect: 4, minPx: 10, maxPx: 1000 };
    const near = labelScreenBox(new Vector3(0, 0, 0), sizing, cameraAt(20), width, height);
    const far = labelScreenBox(new Vector3(0, 0, 0), sizing, cameraAt(40), width, height);
    if (!near || !far) throw new Error('the anchor in front of the camera gave no box');
    expect(near.rect.x + near.rect.width / 2).toBeCloseTo(500, 6);
    expect(near.rect.y + near.rect.height / 2).toBeCloseTo(300, 6);
    // 60° vertical view at 20 m spans 2·20·tan 30° = 23.09 m over 600 px: 2 m is 51.96 px.
    expect(near.rect.height).toBeCloseTo(51.96, 1);
    expect(near.rect.width).toBeCloseTo(near.rect.height * 4, 6);
    expect(far.rect.height).toBeCloseTo(near.rect.height / 2, 6);
    expect(near.depth).toBeCloseTo(20, 6);
    expect(near.worldHeight).toBeCloseTo(2, 6);
  });

  it('clamps the on-screen height and gives the world height that draws it so', () => {
    const sizing = { worldHeight: 2, aspect: 3, minPx: 22, maxPx: 30 };
    const close = labelScreenBox(new Vector3(0, 0, 0), sizing, cameraAt(10), width, height);
    const distant = labelScreenBox(new Vector3(0, 0, 0), sizing, cameraAt(400), width, height);
    if (!close || !distant) throw new Error('the anchor in front of the camera gave no box');
    expect(close.rect.height).toBeCloseTo(30, 6);
    expect(close.worldHeight).toBeLessThan(2);
    expect(distant.rect.height).toBeCloseTo(22, 6);
    expect(distant.worldHeight).toBeGreaterThan(2);
    // The returned world height, projected back, is the clamped pixel height.
    const check = labelScreenBox(
      new Vector3(0, 0, 0),
      { ...sizing, worldHeight: distant.worldHeight, minPx: 0, maxPx: 1e6 },
      cameraAt(400),
      width,
      height,
    );
    expect(check?.rect.height).toBeCloseTo(22, 6);
  });

  it('gives no box for an anchor behind the camera', () => {
    const sizing = { worldHeight: 2, aspect: 4, minPx: 22, maxPx: 30 };
    expect(labelScreenBox(new Vector3(0, 0, 50), sizing, cameraAt(20), width, height)).toBeNull();
  });
});

describe('scene labels', () => {
  function scene() {
    const root = new Group();
    const gate = tagged('area:gate', 'gate', new Vector3(0, 0, 0));
    const lane = tagged('area:lane-1', 'lane', new Vector3(3, 1, 0));
    const camera = tagged('camera:lane-1-plate', 'camera', new Vector3(-3, -1, 0));
    const yard = tagged('area:yard-a', 'yard', new Vector3(0, 12, 0));
    root.add(gate, lane, camera, yard);
    const labels = new SceneLabels();
    labels.collect(root, 'scene');
    return { labels, gate, lane, camera, yard };
  }

  it('hides the labels a more important one covers, and sizes every label to a readable height', () => {
    const { labels, gate, lane, camera, yard } = scene();
    labels.update(cameraAt(120), width, height);
    expect(labels.shownIds().sort()).toEqual(['area:gate', 'area:yard-a']);
    expect([gate.visible, lane.visible, camera.visible, yard.visible]).toEqual([true, false, false, true]);
    // At 120 m a 2 m label would be 8.7 px tall; it is drawn at the 22 px minimum.
    const pxPerMetre = height / 2 / Math.tan(Math.PI / 6) / 120;
    expect(gate.scale.y * pxPerMetre).toBeCloseTo(22, 3);
  });

  it('always shows the selected and the hovered object’s label', () => {
    const { labels } = scene();
    labels.pin('selected', 'camera:lane-1-plate');
    labels.update(cameraAt(120), width, height);
    expect(labels.shownIds()).toContain('camera:lane-1-plate');
    expect(labels.shownIds()).not.toContain('area:gate');
    labels.pin('selected', null);
    labels.pin('hover', 'area:lane-1');
    labels.update(cameraAt(120), width, height);
    expect(labels.shownIds()).toContain('area:lane-1');
    expect(labels.shownIds()).not.toContain('camera:lane-1-plate');
  });

  it('lays out again only when the view, the labels or the pins changed', () => {
    const { labels, lane } = scene();
    const view = cameraAt(120);
    labels.update(view, width, height);
    expect(lane.visible).toBe(false);
    // Something else flipped the sprite: an update with an unchanged view leaves it be.
    lane.visible = true;
    labels.update(view, width, height);
    expect(lane.visible).toBe(true);
    // A camera move re-evaluates.
    view.position.z = 121;
    labels.update(view, width, height);
    expect(lane.visible).toBe(false);
    lane.visible = true;
    labels.update(view, width, height + 1);
    expect(lane.visible).toBe(false);
    lane.visible = true;
    expect(labels.pin('hover', 'area:yard-a')).toBe(true);
    expect(labels.pin('hover', 'area:yard-a')).toBe(false);
    labels.update(view, width, height + 1);
    expect(lane.visible).toBe(false);
  });

  it('shows every label when close enough for them to be apart (the yard label is then off the canvas), and none of a cleared group', () => {
    const { labels } = scene();
    labels.update(cameraAt(8), width, height);
    expect(labels.shownIds().sort()).toEqual(['area:gate', 'area:lane-1', 'camera:lane-1-plate']);
    labels.clear('scene');
    labels.update(cameraAt(9), width, height);
    expect(labels.shownIds()).toEqual([]);
  });

  it('gives a second label of the same owner its own id', () => {
    const root = new Group();
    root.add(
      tagged('vehicle:container-MSCU1234565', 'vehicle', new Vector3(-20, 0, 0)),
      tagged('vehicle:container-MSCU1234565', 'vehicle', new Vector3(20, 0, 0)),
    );
    const labels = new SceneLabels();
    labels.collect(root, 'vehicles');
    labels.update(cameraAt(60), width, height);
    expect(labels.shownIds().sort()).toEqual(['vehicle:container-MSCU1234565', 'vehicle:container-MSCU1234565#2']);
  });
});
