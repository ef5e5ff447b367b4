import { describe, expect, it } from 'vitest';
import { FpsWindow } from '../../../renderer/features/port/sources/fpsWindow';

describe('FpsWindow', () => {
  it('measures a steady 25 fps', () => {
    const window = new FpsWindow(2000);
    for (let t = 0; t <= 3000; t += 40) window.add(t);
    expect(window.fps(3000)).toBeCloseTo(25, 0);
  });

  it('is 0 with fewer than two frames', () => {
    const window = new FpsWindow(1000);
    expect(window.fps(0)).toBe(0);
    window.add(10);
    expect(window.fps(20)).toBe(0);
  });

  it('falls when frames stop and reaches 0 once the window is empty', () => {
    const window = new FpsWindow(2000);
    for (let t = 0; t <= 2000; t += 100) window.add(t);
    const steady = window.fps(2000);
    expect(steady).toBeCloseTo(10, 0);
    expect(window.fps(3000)).toBeLessThan(steady);
    expect(window.fps(4500)).toBe(0);
  });

  it('forgets frames older than the window', () => {
    const window = new FpsWindow(1000);
    for (let t = 0; t < 1000; t += 10) window.add(t); // 100 fps
    for (let t = 1000; t <= 3000; t += 200) window.add(t); // then 5 fps
    expect(window.fps(3000)).toBeCloseTo(5, 0);
  });

  it('counts observations that stand for several frames', () => {
    const window = new FpsWindow(2000);
    // 2 observations a second, each reporting 6 new frames: 12 fps.
    for (let t = 0; t <= 3000; t += 500) window.add(t, 6);
    expect(window.fps(3000)).toBeCloseTo(12, 0);
  });

  it('refuses a frame count that is not a whole number ≥ 1', () => {
    const window = new FpsWindow(1000);
    expect(() => window.add(0, 0)).toThrow(RangeError);
    expect(() => window.add(0, 1.5)).toThrow(RangeError);
  });

  it('refuses a non-positive window', () => {
    expect(() => new FpsWindow(0)).toThrow(RangeError);
  });
});
