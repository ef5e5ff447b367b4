import { describe, expect, it } from 'vitest';
import { SourceHealthMachine, type HealthOptions } from '../../../renderer/features/port/sources/sourceHealth';

const options: HealthOptions = { stallAfterMs: 3000, fpsWindowMs: 2000, firstFrameTimeoutMs: 8000 };

function liveAt(start: number, until: number, step = 100): SourceHealthMachine {
  const health = new SourceHealthMachine(start, options);
  for (let t = start; t <= until; t += step) health.frame(t);
  return health;
}

describe('SourceHealthMachine', () => {
  it('starts connecting and goes live on the first frame', () => {
    const health = new SourceHealthMachine(0, options);
    expect(health.snapshot(0)).toEqual({
      state: 'connecting',
      fps: 0,
      lastFrameAt: null,
      error: null,
      reason: null,
      restarts: 0,
    });
    health.frame(500);
    expect(health.state).toBe('live');
    expect(health.snapshot(500).lastFrameAt).toBe(500);
  });

  it('reports the frame rate of live frames', () => {
    expect(liveAt(0, 4000).snapshot(4000).fps).toBeCloseTo(10, 0);
  });

  it('marks a live source stalled after stallAfterMs without frames, not before', () => {
    const health = liveAt(0, 1000);
    expect(health.tick(3999)).toBe(false);
    expect(health.state).toBe('live');
    expect(health.tick(4000)).toBe(true);
    expect(health.state).toBe('stalled');
    expect(health.snapshot(4000).error).toMatch(/No new frame for 3 s/);
    expect(health.snapshot(4000).reason).toBe('no-frames');
    expect(health.restartable).toBe(true);
  });

  it('marks a source that never delivers a first frame stalled after firstFrameTimeoutMs', () => {
    const health = new SourceHealthMachine(0, options);
    expect(health.tick(7999)).toBe(false);
    expect(health.tick(8000)).toBe(true);
    expect(health.state).toBe('stalled');
    expect(health.snapshot(8000).error).toMatch(/No first frame/);
  });

  it('goes back to live when frames resume after a stall', () => {
    const health = liveAt(0, 1000);
    health.tick(5000);
    health.frame(6000);
    expect(health.state).toBe('live');
    expect(health.snapshot(6000).error).toBeNull();
  });

  it('never marks a paused source stalled, and restarts the stall clock on resume', () => {
    const health = liveAt(0, 1000);
    health.setPaused(1000, true);
    expect(health.tick(60_000)).toBe(false);
    expect(health.state).toBe('live');
    expect(health.snapshot(60_000).fps).toBe(0);
    health.setPaused(60_000, false);
    expect(health.tick(62_999)).toBe(false);
    expect(health.tick(63_000)).toBe(true);
    expect(health.state).toBe('stalled');
  });

  it('fails with a message; only retryable failures may be restarted', () => {
    const health = new SourceHealthMachine(0, options);
    health.fail(100, { reason: 'permission-denied', message: 'Camera permission was denied', retryable: false });
    expect(health.snapshot(100)).toMatchObject({
      state: 'failed',
      reason: 'permission-denied',
      error: 'Camera permission was denied',
      fps: 0,
    });
    expect(health.restartable).toBe(false);
    expect(health.tick(100_000)).toBe(false);
    health.fail(200, { reason: 'network', message: 'HTTP 503', retryable: true });
    expect(health.restartable).toBe(true);
  });

  it('counts restarts and returns to connecting on each', () => {
    const health = liveAt(0, 1000);
    health.tick(4000);
    health.connecting(5000, true);
    expect(health.snapshot(5000)).toMatchObject({ state: 'connecting', restarts: 1, error: null });
    health.connecting(6000, false);
    expect(health.snapshot(6000).restarts).toBe(1);
  });

  it('keeps the last frame time across a stall for the "last frame" display', () => {
    const health = liveAt(0, 1000);
    health.tick(9000);
    expect(health.snapshot(9000).lastFrameAt).toBe(1000);
  });
});
