import type { Vec3 } from '../panorama/sphericalMath';

/** A camera pose for orbit controls: where the eye is and what it looks at. */
export interface Pose {
  position: Vec3;
  target: Vec3;
}

export function easeInOutCubic(t: number): number {
  const c = Math.max(0, Math.min(1, t));
  return c < 0.5 ? 4 * c * c * c : 1 - (-2 * c + 2) ** 3 / 2;
}

function lerp(a: Vec3, b: Vec3, t: number): Vec3 {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, z: a.z + (b.z - a.z) * t };
}

/** A smooth camera move between two poses over `durationMs`; sample it with the frame time. */
export class FlyTo {
  constructor(
    private readonly from: Pose,
    private readonly to: Pose,
    private readonly startedAt: number,
    private readonly durationMs = 900,
  ) {
    if (!(durationMs > 0)) throw new Error(`FlyTo: duration must be positive, got ${durationMs}`);
  }

  sample(now: number): Pose & { done: boolean } {
    const t = (now - this.startedAt) / this.durationMs;
    const e = easeInOutCubic(t);
    return {
      position: lerp(this.from.position, this.to.position, e),
      target: lerp(this.from.target, this.to.target, e),
      done: t >= 1,
    };
  }
}

/**
 * The pose that frames an object of `radius` at `center`, seen from the same side
 * the current pose looks from, so a fly-to never swings the view around.
 */
export function framingPose(current: Pose, center: Vec3, radius: number, fovDegrees: number): Pose {
  let dx = current.position.x - current.target.x;
  let dy = current.position.y - current.target.y;
  let dz = current.position.z - current.target.z;
  const length = Math.hypot(dx, dy, dz) || 1;
  dx /= length;
  dy /= length;
  dz /= length;
  // Keep the view at least 25° above the ground so the object is seen from above.
  const minUp = Math.sin((25 * Math.PI) / 180);
  if (dy < minUp) {
    const flat = Math.hypot(dx, dz) || 1;
    const scale = Math.cos(Math.asin(minUp)) / flat;
    dx *= scale;
    dz *= scale;
    dy = minUp;
  }
  const distance = (Math.max(radius, 1) / Math.sin(((fovDegrees / 2) * Math.PI) / 180)) * 1.2;
  return {
    position: { x: center.x + dx * distance, y: center.y + dy * distance, z: center.z + dz * distance },
    target: { ...center },
  };
}
