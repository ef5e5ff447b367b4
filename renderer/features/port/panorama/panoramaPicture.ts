import type { SourceHealthState } from '../sources/cameraSource';

/** What the panorama sphere shows: the live video, the camera's equirectangular still, or nothing yet. */
export type PanoramaPicture = 'video' | 'still' | 'none';

export interface PanoramaPictureInput {
  /** The still has loaded and decoded (false when the camera has none, or it failed to load). */
  stillReady: boolean;
  /** The video source's health state. */
  videoState: SourceHealthState;
  /** Whether the video ever delivered a frame to the sphere's texture. */
  videoHasFrame: boolean;
}

/**
 * The live video wins whenever it is live; until its first frame, and whenever it
 * is stalled or failed, the still stands in (an old frame frozen on screen would
 * pass for live, a still is visibly a still: the badge says the stream's state).
 */
export function panoramaPicture({ stillReady, videoState, videoHasFrame }: PanoramaPictureInput): PanoramaPicture {
  if (videoHasFrame && videoState === 'live') return 'video';
  if (stillReady) return 'still';
  return videoHasFrame ? 'video' : 'none';
}
