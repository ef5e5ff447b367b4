import { PerspectiveCamera } from 'three';
import { describe, expect, it } from 'vitest';
import { yawPitchToVector } from '../../../renderer/features/port/panorama/sphericalMath';
import { projectToScreen } from '../../../renderer/features/port/scene/projectMarker';

function lookingAt(yaw: number, pitch: number): PerspectiveCamera {
  const camera = new PerspectiveCamera(60, 2, 0.1, 100);
  const d = yawPitchToVector({ yaw, pitch });
  camera.lookAt(d.x, d.y, d.z);
  return camera;
}

const at = (yaw: number, pitch: number) => {
  const d = yawPitchToVector({ yaw, pitch });
  return { x: d.x * 40, y: d.y * 40, z: d.z * 40 };
};

describe('marker projection', () => {
  it('puts a marker straight ahead in the middle of the canvas', () => {
    const p = projectToScreen(at(30, 10), lookingAt(30, 10), 800, 400);
    expect(p.visible).toBe(true);
    expect(p.x).toBeCloseTo(400, 3);
    expect(p.y).toBeCloseTo(200, 3);
  });

  it('puts a marker to the right and above where it belongs', () => {
    const p = projectToScreen(at(20, 10), lookingAt(0, 0), 800, 400);
    expect(p.visible).toBe(true);
    expect(p.x).toBeGreaterThan(400);
    expect(p.y).toBeLessThan(200);
  });

  it('hides a marker behind the viewer or outside the view', () => {
    expect(projectToScreen(at(180, 0), lookingAt(0, 0), 800, 400).visible).toBe(false);
    expect(projectToScreen(at(0, 50), lookingAt(0, 0), 800, 400).visible).toBe(false);
  });
});
