import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VideoSource } from '../../../renderer/features/port/sources/videoSource';

type FrameCallback = (now: number, metadata: VideoFrameCallbackMetadata) => void;

/** The parts of a <video> VideoSource uses; the test presents frames by hand. */
class FakeVideo {
  callback: FrameCallback | null = null;
  presentedFrames = 0;
  decodedFrames = 0;
  droppedFrames = 0;
  constructor(readonly reportsQuality: boolean) {
    if (!reportsQuality) Reflect.set(this, 'getVideoPlaybackQuality', undefined);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  removeAttribute(): void {}
  load(): void {}
  pause(): void {}
  play(): Promise<void> {
    return Promise.resolve();
  }
  getVideoPlaybackQuality(): Pick<VideoPlaybackQuality, 'totalVideoFrames' | 'droppedVideoFrames'> {
    return { totalVideoFrames: this.decodedFrames + this.droppedFrames, droppedVideoFrames: this.droppedFrames };
  }
  requestVideoFrameCallback(callback: FrameCallback): number {
    this.callback = callback;
    return 1;
  }
  cancelVideoFrameCallback(): void {
    this.callback = null;
  }
  /** The decoder made `decoded` new frames, `presented` of them reached the compositor; the page runs the callback once. */
  present(decoded: number, presented: number, dropped = 0): void {
    this.decodedFrames += decoded;
    this.presentedFrames += presented;
    this.droppedFrames += dropped;
    const callback = this.callback;
    if (!callback) throw new Error('no frame callback is waiting');
    const t = performance.now();
    callback(t, {
      presentedFrames: this.presentedFrames,
      mediaTime: 0,
      width: 640,
      height: 360,
      expectedDisplayTime: t,
      presentationTime: t,
    });
  }
}

class TestVideoSource extends VideoSource {
  constructor(readonly fake: FakeVideo) {
    super('cam-video', fake as unknown as HTMLVideoElement);
  }
  protected async attach(): Promise<void> {}
  protected detach(): void {}
}

describe('VideoSource frame rate', () => {
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] }),
  );
  afterEach(() => vi.useRealTimers());

  async function running(reportsQuality: boolean) {
    const video = new FakeVideo(reportsQuality);
    const source = new TestVideoSource(video);
    const pictures: number[] = [];
    source.onFrame((t) => pictures.push(t));
    await source.start();
    return { video, source, pictures };
  }

  it('counts the decoded frames when a busy page runs the frame callback only twice a second', async () => {
    const { video, source, pictures } = await running(true);
    // A 16 fps stream on a page that renders twice a second: 8 decoded frames, 1 presented, per callback.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(500);
      video.present(8, 1);
    }
    expect(source.health().state).toBe('live');
    expect(source.health().fps).toBeGreaterThan(14);
    expect(source.health().fps).toBeLessThan(18);
    // One new picture per callback: texture uploads stay one per callback.
    expect(pictures).toHaveLength(10);
    source.dispose();
  });

  it('leaves frames the decoder dropped out of the rate', async () => {
    const { video, source } = await running(true);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(500);
      video.present(4, 1, 4);
    }
    expect(source.health().fps).toBeCloseTo(8, 0);
    source.dispose();
  });

  it('falls back to presentedFrames where the browser reports no playback quality', async () => {
    const { video, source } = await running(false);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(500);
      video.present(6, 6);
    }
    expect(source.health().fps).toBeCloseTo(12, 0);
    source.dispose();
  });

  it('measures one frame per callback when the page keeps up', async () => {
    const { video, source } = await running(true);
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(40);
      video.present(1, 1);
    }
    expect(source.health().fps).toBeCloseTo(25, 0);
    source.dispose();
  });
});
