import { type PerspectiveCamera, Vector3 } from 'three';
import type { LabelRect } from './labelLayout';

/** Where a label lands on the canvas this frame, and how big it is drawn. */
export interface LabelScreenBox {
  rect: LabelRect;
  /** Distance in front of the camera along its view axis, metres. */
  depth: number;
  /** Height in metres that gives the label its on-screen height. */
  worldHeight: number;
}

export interface LabelSizing {
  /** The label's own height in metres (at which it is drawn when that falls within the pixel range). */
  worldHeight: number;
  /** Width over height of the label's picture. */
  aspect: number;
  /** On-screen height limits in CSS pixels: far labels stay readable, near ones do not cover the view. */
  minPx: number;
  maxPx: number;
}

const view = new Vector3();

/**
 * Projects a label centred on `anchor` (world space) through a perspective camera
 * onto a canvas width × height CSS pixels: its box (origin top-left) with the
 * height clamped to the pixel range, or null when the anchor is not in front of
 * the camera. The camera's matrixWorldInverse must be current.
 */
export function labelScreenBox(
  anchor: Vector3,
  sizing: LabelSizing,
  camera: PerspectiveCamera,
  width: number,
  height: number,
): LabelScreenBox | null {
  view.copy(anchor).applyMatrix4(camera.matrixWorldInverse);
  const depth = -view.z;
  if (!(depth > camera.near)) return null;
  // Pixels per metre at that depth: the projection's vertical scale over half the canvas height.
  const pxPerMetre = ((camera.projectionMatrix.elements[5] as number) * (height / 2)) / depth;
  const px = Math.min(sizing.maxPx, Math.max(sizing.minPx, sizing.worldHeight * pxPerMetre));
  view.applyMatrix4(camera.projectionMatrix);
  const cx = ((view.x + 1) / 2) * width;
  const cy = ((1 - view.y) / 2) * height;
  const w = px * sizing.aspect;
  if (![cx, cy, w, px].every(Number.isFinite)) return null;
  return { rect: { x: cx - w / 2, y: cy - px / 2, width: w, height: px }, depth, worldHeight: px / pxPerMetre };
}
