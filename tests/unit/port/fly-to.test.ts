import { describe, expect, it } from 'vitest';
import { easeInOutCubic, FlyTo, framingPose } from '../../../renderer/features/port/scene/flyTo';

describe('fly-to', () => {
  it('eases in and out, clamped to [0, 1]', () => {
    expect(easeInOutCubic(-1)).toBe(0);
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(2)).toBe(1);
    expect(easeInOutCubic(0.1)).toBeLessThan(0.1);
    expect(easeInOutCubic(0.9)).toBeGreaterThan(0.9);
  });

  it('moves from one pose to the other and reports done', () => {
    const from = { position: { x: 0, y: 100, z: 100 }, target: { x: 0, y: 0, z: 0 } };
    const to = { position: { x: 50, y: 20, z: 20 }, target: { x: 50, y: 0, z: 0 } };
    const flight = new FlyTo(from, to, 1000, 800);
    expect(flight.sample(1000)).toMatchObject({ ...from, done: false });
    const mid = flight.sample(1400);
    expect(mid.position.x).toBeCloseTo(25);
    expect(mid.target.x).toBeCloseTo(25);
    expect(mid.done).toBe(false);
    expect(flight.sample(1800)).toMatchObject({ ...to, done: true });
    expect(flight.sample(5000)).toMatchObject({ ...to, done: true });
  });

  it('refuses a zero duration', () => {
    const pose = { position: { x: 0, y: 1, z: 0 }, target: { x: 0, y: 0, z: 0 } };
    expect(() => new FlyTo(pose, pose, 0, 0)).toThrow(/duration/);
  });

  it('frames an object from the side the view already looks from, seen from above', () => {
    const current = { position: { x: 0, y: 0.1, z: 100 }, target: { x: 0, y: 0, z: 0 } };
    const pose = framingPose(current, { x: 40, y: 0, z: -20 }, 10, 50);
    expect(pose.target).toEqual({ x: 40, y: 0, z: -20 });
    const dx = pose.position.x - 40;
    const dy = pose.position.y;
    const dz = pose.position.z + 20;
    const distance = Math.hypot(dx, dy, dz);
    // Far enough for a 10 m radius to fit a 50° view, from the +z side, at least 25° up.
    expect(distance).toBeGreaterThan(10 / Math.sin((25 * Math.PI) / 180));
    expect(dz).toBeGreaterThan(0);
    expect(Math.asin(dy / distance)).toBeGreaterThanOrEqual((25 * Math.PI) / 180 - 1e-9);
  });
});
