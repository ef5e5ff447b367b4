import { type Camera, Vector3 } from 'three';

export interface ScreenPoint {
  x: number;
  y: number;
  /** False when the point is behind the camera or outside the view. */
  visible: boolean;
}

const scratch = new Vector3();

/**
 * Where a world point lands on a canvas width × height pixels (origin top-left),
 * for HTML overlays (panorama markers, labels) positioned every frame.
 */
export function projectToScreen(
  point: { x: number; y: number; z: number },
  camera: Camera,
  width: number,
  height: number,
): ScreenPoint {
  camera.updateMatrixWorld();
  scratch.set(point.x, point.y, point.z).project(camera);
  const inFront = scratch.z > -1 && scratch.z < 1;
  const x = ((scratch.x + 1) / 2) * width;
  const y = ((1 - scratch.y) / 2) * height;
  const inside = Math.abs(scratch.x) <= 1 && Math.abs(scratch.y) <= 1;
  return { x, y, visible: inFront && inside };
}
