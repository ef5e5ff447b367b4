import { SphereGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { panoramaSphere } from '../../../renderer/features/port/panorama/panoramaSphere';
import {
  clampFov,
  compassHeading,
  compassPoint,
  dragLook,
  vectorToYawPitch,
  wheelZoom,
  wrapDegrees,
  yawPitchToVector,
} from '../../../renderer/features/port/panorama/sphericalMath';
import { ResourceTracker } from '../../../renderer/features/port/scene/resourceTracker';

const close = (a: number, b: number, digits = 6) => expect(a).toBeCloseTo(b, digits);

describe('yaw/pitch ↔ vector', () => {
  it('maps the compass points onto the scene axes', () => {
    const north = yawPitchToVector({ yaw: 0, pitch: 0 });
    close(north.x, 0);
    close(north.z, -1);
    const east = yawPitchToVector({ yaw: 90, pitch: 0 });
    close(east.x, 1);
    close(east.z, 0);
    const up = yawPitchToVector({ yaw: 33, pitch: 90 });
    close(up.y, 1);
  });

  it('round-trips any direction', () => {
    for (const yaw of [-179, -90, -12.5, 0, 45, 135, 180]) {
      for (const pitch of [-80, -10, 0, 30, 89]) {
        const back = vectorToYawPitch(yawPitchToVector({ yaw, pitch }));
        close(back.yaw, yaw, 5);
        close(back.pitch, pitch, 5);
      }
    }
  });

  it('refuses the zero vector', () => {
    expect(() => vectorToYawPitch({ x: 0, y: 0, z: 0 })).toThrow(/zero vector/);
  });
});

describe('panorama sphere orientation', () => {
  /** The direction from the centre to the vertex at texture coordinate (u, v) after the mesh's own transform. */
  function directionAt(u: number, v: number) {
    const tracker = new ResourceTracker();
    const sphere = panoramaSphere(null, tracker, 'test');
    sphere.updateMatrixWorld();
    const geometry = sphere.geometry as SphereGeometry;
    const uv = geometry.getAttribute('uv');
    const position = geometry.getAttribute('position');
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < uv.count; i++) {
      const d = Math.hypot(uv.getX(i) - u, uv.getY(i) - v);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    const p = { x: position.getX(best), y: position.getY(best), z: position.getZ(best) };
    const world = sphere.localToWorld(
      new (sphere.position.constructor as new (x: number, y: number, z: number) => typeof sphere.position)(p.x, p.y, p.z),
    );
    tracker.disposeAll();
    return vectorToYawPitch(world);
  }

  it('puts the image centre straight ahead and a quarter to the right at yaw 90', () => {
    const centre = directionAt(0.5, 0.5);
    close(centre.yaw, 0, 4);
    close(centre.pitch, 0, 4);
    const right = directionAt(0.75, 0.5);
    close(right.yaw, 90, 4);
    const upper = directionAt(0.5, 0.75);
    close(upper.pitch, 45, 0);
  });
});

describe('panorama controls', () => {
  it('dragging right turns the view left, and pitch stays within limits', () => {
    const view = dragLook({ yaw: 0, pitch: 0 }, 100, 0, 60, 600);
    close(view.yaw, -10);
    expect(dragLook({ yaw: 0, pitch: 80 }, 0, 600, 60, 600).pitch).toBe(85);
  });

  it('wraps yaw across the back', () => {
    close(dragLook({ yaw: 175, pitch: 0 }, -100, 0, 60, 600).yaw, -175);
  });

  it('clamps the zoom', () => {
    expect(clampFov(5)).toBe(30);
    expect(clampFov(500)).toBe(100);
    expect(wheelZoom(60, -100)).toBeLessThan(60);
    expect(wheelZoom(60, 100)).toBeGreaterThan(60);
  });

  it('reads the compass', () => {
    expect(wrapDegrees(-90)).toBe(270);
    expect(compassHeading(350, 20)).toBe(10);
    expect(compassPoint(0)).toBe('N');
    expect(compassPoint(100)).toBe('E');
    expect(compassPoint(225)).toBe('SW');
    expect(compassPoint(359)).toBe('N');
  });
});
