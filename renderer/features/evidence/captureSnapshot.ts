/**
 * A camera frame saved as evidence (cw:evidence.saveSnapshot: full-size PNG,
 * SHA-256, audited) with a small preview for the add-to-case dialog. The frame is
 * taken at the officer's click, before any case is chosen, so the picture is the
 * moment that mattered and not the one after the dialog.
 */
import type { SavedSnapshot } from '../../../preload/contract/schemas/evidence';
import type { SiteCamera } from '../../../preload/contract/schemas/site';
import { createSiteSource } from '../port/sourceFactory';
import type { CameraSource } from '../port/sources/cameraSource';
import { frameSize } from '../port/sources/frameSize';
import { captureFrame, previewOf, saveFrame, SnapshotError } from '../port/sources/snapshot';

export interface CapturedSnapshot extends SavedSnapshot {
  cameraId: string;
  cameraName: string;
  takenAt: string;
  /** A data: URL of a small JPEG for the screen; the evidence is the saved PNG. */
  preview: string;
}

/** Captures and saves the current frame of a running source. */
export async function snapshotOf(
  source: Pick<CameraSource, 'element' | 'cameraId'>,
  cameraName: string,
): Promise<CapturedSnapshot> {
  const takenAt = new Date();
  const canvas = captureFrame(source);
  const saved = await saveFrame(canvas, source.cameraId, takenAt);
  return { ...saved, cameraId: source.cameraId, cameraName, takenAt: takenAt.toISOString(), preview: previewOf(canvas) };
}

/** How long a camera not on screen (the gate's lane camera) may take to deliver its first frame. */
export const FIRST_FRAME_TIMEOUT_MS = 20_000;

/**
 * Captures a camera the screen does not show: connects to it, takes its first
 * frame, disconnects. Fails with the camera's own failure (unreachable, no
 * permission) or after FIRST_FRAME_TIMEOUT_MS without a frame.
 */
export async function snapshotOfCamera(camera: SiteCamera, timeoutMs = FIRST_FRAME_TIMEOUT_MS): Promise<CapturedSnapshot> {
  const source = createSiteSource(camera);
  try {
    await source.start();
    await firstFrame(source, camera.name, timeoutMs);
    return await snapshotOf(source, camera.name);
  } finally {
    source.dispose();
  }
}

function firstFrame(source: CameraSource, name: string, timeoutMs: number): Promise<void> {
  if (frameSize(source)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      window.clearTimeout(timer);
      offFrame();
      offHealth();
      if (error) reject(error);
      else resolve();
    };
    const timer = window.setTimeout(
      () =>
        done(
          new SnapshotError(
            `Camera ${name} sent no picture within ${Math.round(timeoutMs / 1000)} s; check it on the camera wall`,
          ),
        ),
      timeoutMs,
    );
    const offFrame = source.onFrame(() => {
      if (frameSize(source)) done();
    });
    const offHealth = source.onHealth((health) => {
      if (health.state === 'failed') done(new SnapshotError(`Camera ${name}: ${health.error ?? 'the stream failed'}`));
    });
  });
}
