import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BaseSource } from '../../../renderer/features/port/sources/baseSource';
import type { SourceHealth } from '../../../renderer/features/port/sources/cameraSource';
import { SourceFailure } from '../../../renderer/features/port/sources/sourceFailure';
import { webcamFailure } from '../../../renderer/features/port/sources/webcamSource';

/** A source whose "transport" the test drives by hand: frames, failures, refused connects. */
class ScriptedSource extends BaseSource<HTMLCanvasElement> {
  connects: number[] = [];
  disconnects = 0;
  pausedCalls: boolean[] = [];
  released = false;
  refuse: SourceFailure | null = null;

  constructor() {
    super('cam-test', {} as HTMLCanvasElement, { tickMs: 250 });
  }

  protected async connect(generation: number): Promise<void> {
    this.connects.push(generation);
    if (this.refuse) throw this.refuse;
  }
  protected disconnect(): void {
    this.disconnects++;
  }
  protected applyPaused(paused: boolean): void {
    this.pausedCalls.push(paused);
  }
  protected releaseElement(): void {
    this.released = true;
  }
  /** A frame from the connection made as generation `generation` (default: the latest). */
  deliver(generation = this.connects.at(-1) ?? 0): void {
    this.frameArrived(generation);
  }
  breakWith(failure: SourceFailure, generation = this.connects.at(-1) ?? 0): void {
    this.connectionFailed(generation, failure);
  }
}

describe('BaseSource (health + watchdog + listeners)', () => {
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] }),
  );
  afterEach(() => vi.useRealTimers());

  async function started() {
    const source = new ScriptedSource();
    const healths: SourceHealth[] = [];
    const frames: number[] = [];
    source.onHealth((h) => healths.push(h));
    source.onFrame((t) => frames.push(t));
    await source.start();
    return { source, healths, frames };
  }

  it('goes live on frames and tells frame listeners once per frame', async () => {
    const { source, frames, healths } = await started();
    expect(source.health().state).toBe('connecting');
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(100);
      source.deliver();
    }
    expect(frames).toHaveLength(5);
    expect(source.health().state).toBe('live');
    expect(healths.map((h) => h.state)).toContain('live');
  });

  it('stalls after 3 s without frames and restarts with backoff until frames return', async () => {
    const { source } = await started();
    source.deliver();
    vi.advanceTimersByTime(3250);
    expect(source.health().state).toBe('stalled');
    vi.advanceTimersByTime(1000);
    expect(source.connects).toHaveLength(2);
    expect(source.health()).toMatchObject({ state: 'connecting', restarts: 1 });
    source.deliver();
    expect(source.health().state).toBe('live');
  });

  it('ignores frames and failures from a connection that was replaced', async () => {
    const { source } = await started();
    source.deliver(1);
    vi.advanceTimersByTime(4300);
    expect(source.connects).toEqual([1, 2]);
    source.breakWith(new SourceFailure('network', 'old socket closed', true), 1);
    source.deliver(1);
    expect(source.health().state).toBe('connecting');
  });

  it('retries network failures by itself but waits for retry() after a permission refusal', async () => {
    const source = new ScriptedSource();
    source.refuse = webcamFailure(new DOMException('denied', 'NotAllowedError'), undefined);
    await source.start();
    expect(source.health()).toMatchObject({ state: 'failed', reason: 'permission-denied' });
    vi.advanceTimersByTime(60_000);
    expect(source.connects).toHaveLength(1);
    source.refuse = null;
    source.retry();
    await Promise.resolve();
    expect(source.connects).toHaveLength(2);
    source.deliver();
    expect(source.health().state).toBe('live');

    source.breakWith(new SourceFailure('network', 'HTTP 503', true));
    vi.advanceTimersByTime(1000);
    expect(source.connects).toHaveLength(3);
  });

  it('does not stall or restart while paused, and delivers no frames', async () => {
    const { source, frames } = await started();
    source.deliver();
    source.setPaused(true);
    expect(source.pausedCalls).toEqual([true]);
    vi.advanceTimersByTime(60_000);
    source.deliver();
    expect(frames).toHaveLength(1);
    expect(source.connects).toHaveLength(1);
    expect(source.health().state).toBe('live');
    source.setPaused(false);
    vi.advanceTimersByTime(3250);
    expect(source.health().state).toBe('stalled');
  });

  it('dispose stops timers, disconnects, releases the element and silences listeners', async () => {
    const { source, healths } = await started();
    const before = healths.length;
    source.dispose();
    source.dispose();
    expect(source.disconnects).toBe(1);
    expect(source.released).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(source.connects).toHaveLength(1);
    expect(healths.length).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('webcamFailure', () => {
  it('names each getUserMedia refusal', () => {
    const of = (name: string, deviceId?: string) => webcamFailure(new DOMException('x', name), deviceId);
    expect(of('NotAllowedError')).toMatchObject({ reason: 'permission-denied', retryable: false });
    expect(of('NotFoundError')).toMatchObject({ reason: 'no-device', retryable: false, message: 'No camera is connected' });
    expect(of('OverconstrainedError', 'abc')).toMatchObject({
      reason: 'no-device',
      message: 'The chosen camera (abc) is not connected',
    });
    expect(of('NotReadableError')).toMatchObject({ reason: 'device-busy', retryable: true });
  });
});
