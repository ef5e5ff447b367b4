import { describe, expect, it } from 'vitest';
import type { CameraSource, SourceHealth } from '../../../renderer/features/port/sources/cameraSource';
import { FrameTexture } from '../../../renderer/features/port/scene/frameTexture';

/** A source whose frames the test delivers by hand; paused sources deliver none, as the interface promises. */
function fakeSource() {
  const listeners = new Set<(now: number) => void>();
  let paused = false;
  const health: SourceHealth = { state: 'live', fps: 0, lastFrameAt: null, error: null, reason: null, restarts: 0 };
  const source: CameraSource = {
    cameraId: 'gate-1',
    element: { width: 64, height: 36 } as unknown as CameraSource['element'],
    start: async () => undefined,
    retry: () => undefined,
    setPaused: (p) => {
      paused = p;
    },
    health: () => health,
    onHealth: () => () => undefined,
    onFrame: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => listeners.clear(),
  };
  const deliver = () => {
    if (!paused) for (const l of listeners) l(0);
  };
  return { source, deliver, listeners };
}

describe('frame texture', () => {
  it('uploads once per new frame, never on renders without one', () => {
    const { source, deliver } = fakeSource();
    let invalidations = 0;
    const frame = new FrameTexture(source, () => invalidations++);
    for (let i = 0; i < 5; i++) frame.noteRender();
    expect(frame.uploads).toBe(0);

    deliver();
    frame.noteRender();
    frame.noteRender();
    deliver();
    frame.noteRender();
    expect(frame.frames).toBe(2);
    expect(frame.uploads).toBe(2);
    expect(invalidations).toBe(2);
  });

  it('a paused stream causes no texture uploads', () => {
    const { source, deliver } = fakeSource();
    const frame = new FrameTexture(source, () => undefined);
    deliver();
    frame.noteRender();
    source.setPaused(true);
    for (let i = 0; i < 30; i++) {
      deliver();
      frame.noteRender();
    }
    expect(frame.uploads).toBe(1);
    expect(frame.frames).toBe(1);
  });

  it('stops listening when disposed', () => {
    const { source, listeners } = fakeSource();
    const frame = new FrameTexture(source, () => undefined);
    expect(listeners.size).toBe(1);
    frame.dispose();
    expect(listeners.size).toBe(0);
  });
});
