import { describe, expect, it } from 'vitest';
import { panoramaPicture } from '../../../renderer/features/port/panorama/panoramaPicture';
import type { SourceHealthState } from '../../../renderer/features/port/sources/cameraSource';

describe('what the panorama sphere shows', () => {
  it('shows the still until the video delivers its first frame', () => {
    expect(panoramaPicture({ stillReady: true, videoState: 'connecting', videoHasFrame: false })).toBe('still');
    expect(panoramaPicture({ stillReady: true, videoState: 'live', videoHasFrame: true })).toBe('video');
  });

  it('falls back to the still when the live video stalls or fails, and back to video when it recovers', () => {
    for (const videoState of ['stalled', 'failed', 'connecting'] as SourceHealthState[]) {
      expect(panoramaPicture({ stillReady: true, videoState, videoHasFrame: true })).toBe('still');
    }
    expect(panoramaPicture({ stillReady: true, videoState: 'live', videoHasFrame: true })).toBe('video');
  });

  it('keeps the last video frame when there is no still, and nothing before any picture', () => {
    expect(panoramaPicture({ stillReady: false, videoState: 'stalled', videoHasFrame: true })).toBe('video');
    expect(panoramaPicture({ stillReady: false, videoState: 'connecting', videoHasFrame: false })).toBe('none');
    expect(panoramaPicture({ stillReady: false, videoState: 'failed', videoHasFrame: false })).toBe('none');
  });
});
