import { BoxGeometry, MeshBasicMaterial, Texture } from 'three';
import { describe, expect, it } from 'vitest';
import { ResourceTracker } from '../../../renderer/features/port/scene/resourceTracker';

describe('resource tracker', () => {
  it('disposes every tracked geometry, material and texture, by group or all at once', () => {
    const tracker = new ResourceTracker();
    const disposed: string[] = [];
    const watch = <T extends { addEventListener(type: 'dispose', fn: () => void): void }>(name: string, r: T) => {
      r.addEventListener('dispose', () => disposed.push(name));
      return r;
    };
    tracker.track(watch('box', new BoxGeometry()));
    tracker.track(watch('material', new MeshBasicMaterial()));
    tracker.track(watch('vehicle', new BoxGeometry()), 'vehicles');
    tracker.track(watch('label', new Texture()), 'vehicles');
    expect(tracker.count()).toBe(4);
    expect(tracker.count('vehicles')).toBe(2);

    tracker.disposeGroup('vehicles');
    expect(disposed.sort()).toEqual(['label', 'vehicle']);
    expect(tracker.count()).toBe(2);

    tracker.disposeAll();
    expect(disposed.sort()).toEqual(['box', 'label', 'material', 'vehicle']);
    expect(tracker.count()).toBe(0);
    tracker.disposeAll();
    expect(disposed).toHaveLength(4);
  });
});
