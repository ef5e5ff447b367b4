import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, Watchdog } from '../../../renderer/features/port/sources/watchdog';
import { SourceHealthMachine } from '../../../renderer/features/port/sources/sourceHealth';

describe('backoffDelay', () => {
  it('doubles from 1 s and caps at 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20, 1000].map((a) => backoffDelay(a))).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000]);
  });
  it('refuses a negative or fractional attempt', () => {
    expect(() => backoffDelay(-1)).toThrow(RangeError);
    expect(() => backoffDelay(1.5)).toThrow(RangeError);
  });
});

describe('Watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restarts after 1, 2, 4, 8, 8 s while the source stays unhealthy', () => {
    const restarts: number[] = [];
    const watchdog = new Watchdog({ restart: () => restarts.push(Date.now()) });
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      watchdog.unhealthy();
      vi.runOnlyPendingTimers();
    }
    expect(restarts.map((t) => t - start)).toEqual([1000, 3000, 7000, 15000, 23000]);
  });

  it('schedules one restart at a time however often it is told', () => {
    const restart = vi.fn();
    const watchdog = new Watchdog({ restart });
    expect(watchdog.unhealthy()).toBe(1000);
    expect(watchdog.unhealthy()).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it('resets the backoff when a frame arrives and cancels a pending restart', () => {
    const restart = vi.fn();
    const watchdog = new Watchdog({ restart });
    watchdog.unhealthy();
    vi.advanceTimersByTime(1000);
    watchdog.unhealthy();
    expect(watchdog.attempt).toBe(1);
    watchdog.healthy();
    vi.advanceTimersByTime(10_000);
    expect(restart).toHaveBeenCalledTimes(1);
    expect(watchdog.unhealthy()).toBe(1000);
  });

  it('never restarts once stopped or while held', () => {
    const restart = vi.fn();
    const watchdog = new Watchdog({ restart });
    watchdog.unhealthy();
    watchdog.hold();
    vi.advanceTimersByTime(5000);
    expect(restart).not.toHaveBeenCalled();
    watchdog.stop();
    expect(watchdog.unhealthy()).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(restart).not.toHaveBeenCalled();
  });

  it('recovers a stream within 15 s of its server coming back, whenever it comes back', () => {
    // Simulates the source loop: ticks every 250 ms, the server is down from 2 s until `backAt`.
    for (const backAt of [5_000, 11_000, 17_500, 31_000, 60_000]) {
      let now = 0;
      let connectedAt: number | null = 0;
      const health = new SourceHealthMachine(0, { stallAfterMs: 3000, fpsWindowMs: 2000, firstFrameTimeoutMs: 8000 });
      const serverUp = (t: number) => t < 2000 || t >= backAt;
      const watchdog = new Watchdog({
        restart: () => {
          health.connecting(now, true);
          // A refused connection fails at once; a server that is up answers.
          if (serverUp(now)) connectedAt = now;
          else {
            connectedAt = null;
            health.fail(now, { reason: 'network', message: 'connection refused', retryable: true });
          }
        },
        timers: {
          setTimeout: (cb, ms) => setTimeout(cb, ms),
          clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        },
      });
      let recoveredAt: number | null = null;
      for (now = 0; now < backAt + 20_000; now += 250) {
        vi.setSystemTime(now);
        vi.advanceTimersByTime(250);
        // A connected stream delivers frames while its server is up; a dropped server stops them.
        if (connectedAt !== null && serverUp(now)) {
          health.frame(now);
          watchdog.healthy();
          if (now >= backAt && recoveredAt === null) recoveredAt = now;
        } else if (connectedAt !== null && !serverUp(now)) {
          connectedAt = null;
        }
        health.tick(now);
        if (health.restartable) watchdog.unhealthy();
      }
      expect(recoveredAt, `server back at ${backAt}`).not.toBeNull();
      expect((recoveredAt ?? Infinity) - backAt, `server back at ${backAt}`).toBeLessThan(15_000);
    }
  });
});
