/**
 * Directions in a 360° camera's panorama.
 * yaw: degrees to the right of the image's centre column (clockwise seen from above);
 * pitch: degrees above the horizon. The scene's forward is −Z, right is +X, up is +Y,
 * so yaw 0 / pitch 0 looks down −Z and yaw 90 looks down +X.
 */
export interface YawPitch {
  yaw: number;
  pitch: number;
}

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

const toRad = Math.PI / 180;

export function yawPitchToVector({ yaw, pitch }: YawPitch): Vec3 {
  const y = yaw * toRad;
  const p = pitch * toRad;
  return { x: Math.cos(p) * Math.sin(y), y: Math.sin(p), z: -Math.cos(p) * Math.cos(y) };
}

/** The inverse of yawPitchToVector; yaw in (−180, 180], pitch in [−90, 90]. */
export function vectorToYawPitch(v: Vec3): YawPitch {
  const length = Math.hypot(v.x, v.y, v.z);
  if (length === 0) throw new Error('vectorToYawPitch: the zero vector has no direction');
  const pitch = Math.asin(Math.max(-1, Math.min(1, v.y / length))) / toRad;
  const yaw = Math.atan2(v.x, -v.z) / toRad;
  return { yaw: yaw === -180 ? 180 : yaw, pitch };
}

/** Wraps an angle in degrees to [0, 360). */
export function wrapDegrees(angle: number): number {
  const wrapped = angle % 360;
  return wrapped < 0 ? wrapped + 360 : wrapped;
}

/** Compass heading of the view: the camera's mounting heading plus where the officer looks. */
export function compassHeading(cameraHeading: number, viewYaw: number): number {
  return wrapDegrees(cameraHeading + viewYaw);
}

/** Eight-point compass letter for a heading, for the compass label. */
export function compassPoint(heading: number): 'N' | 'NE' | 'E' | 'SE' | 'S' | 'SW' | 'W' | 'NW' {
  const points = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
  return points[Math.round(wrapDegrees(heading) / 45) % 8] ?? 'N';
}

export const panoramaLimits = { minFov: 30, maxFov: 100, maxPitch: 85 } as const;

export function clampFov(fov: number): number {
  return Math.max(panoramaLimits.minFov, Math.min(panoramaLimits.maxFov, fov));
}

export function clampPitch(pitch: number): number {
  return Math.max(-panoramaLimits.maxPitch, Math.min(panoramaLimits.maxPitch, pitch));
}

/**
 * A drag of dx, dy pixels on a view `height` pixels tall with vertical field of view `fov`:
 * the picture follows the pointer, so dragging right turns the view left.
 */
export function dragLook(view: YawPitch, dx: number, dy: number, fov: number, height: number): YawPitch {
  const degreesPerPixel = fov / Math.max(1, height);
  const yaw = view.yaw - dx * degreesPerPixel;
  return { yaw: ((((yaw + 180) % 360) + 360) % 360) - 180, pitch: clampPitch(view.pitch + dy * degreesPerPixel) };
}

/** Wheel zoom: positive deltaY (scrolling down) widens the view. */
export function wheelZoom(fov: number, deltaY: number): number {
  return clampFov(fov * Math.exp(deltaY * 0.001));
}
