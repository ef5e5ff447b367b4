import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_THROTTLE, LoginThrottle, type ThrottlePolicy } from '../../../main/services/auth/login-throttle';
import { ManualClock } from '../../../main/services/clock';

const POLICY: ThrottlePolicy = {
  account: { freeFailures: 3, firstDelayMs: 10_000, maxDelayMs: 60_000 },
  source: { freeFailures: 6, firstDelayMs: 5_000, maxDelayMs: 40_000 },
  forgetAfterMs: 3_600_000,
};

function throttle(policy = POLICY) {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  return { clock, throttle: new LoginThrottle({ clock, policy }) };
}

describe('backoffMs', () => {
  it('waits nothing within the free failures, then doubles from the first delay up to the ceiling', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(POLICY.account, n));
    expect(waits).toEqual([0, 0, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(backoffMs(POLICY.account, 5000)).toBe(60_000);
  });

  it('by default holds an account back 30 s after 5 failures, a source after 20, both at most 15 min', () => {
    expect(backoffMs(DEFAULT_THROTTLE.account, 4)).toBe(0);
    expect(backoffMs(DEFAULT_THROTTLE.account, 5)).toBe(30_000);
    expect(backoffMs(DEFAULT_THROTTLE.account, 6)).toBe(60_000);
    expect(backoffMs(DEFAULT_THROTTLE.source, 19)).toBe(0);
    expect(backoffMs(DEFAULT_THROTTLE.source, 20)).toBe(30_000);
    expect(backoffMs(DEFAULT_THROTTLE.account, 40)).toBe(15 * 60_000);
  });
});

describe('LoginThrottle', () => {
  it('escalates per account: each failure after the free ones doubles the wait, and says when one starts', () => {
    const { clock, throttle: t } = throttle();
    const key = { account: 'Officer.Li', source: '127.0.0.1' };
    expect(t.recordFailure(key)).toEqual([]);
    expect(t.recordFailure(key)).toEqual([]);
    expect(t.retryAfter(key)).toBeNull();
    expect(t.recordFailure(key)).toEqual([{ scope: 'account', failures: 3, waitMs: 10_000 }]);
    // The same name in other letter case and spacing is the same account.
    expect(t.retryAfter({ account: ' officer.li ', source: '127.0.0.1' })).toEqual({
      scope: 'account',
      failures: 3,
      waitMs: 10_000,
    });
    clock.advance(9_000);
    expect(t.retryAfter(key)?.waitMs).toBe(1_000);
    clock.advance(1_000);
    expect(t.retryAfter(key)).toBeNull();
    expect(t.recordFailure(key)).toEqual([{ scope: 'account', failures: 4, waitMs: 20_000 }]);
    clock.advance(20_000);
    expect(t.recordFailure(key)).toEqual([{ scope: 'account', failures: 5, waitMs: 40_000 }]);
    // Another account from the same source is not held back by this one.
    expect(t.retryAfter({ account: 'officer.smith', source: '127.0.0.1' })).toBeNull();
  });

  it('holds back a source that tries many names, whatever the name, and only that source', () => {
    const { throttle: t } = throttle();
    const started = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) =>
      t.recordFailure({ account: `guess.${name}`, source: '10.0.0.9' }),
    );
    expect(started.slice(0, 5).every((s) => s.length === 0)).toBe(true);
    expect(started[5]).toEqual([{ scope: 'source', failures: 6, waitMs: 5_000 }]);
    expect(t.retryAfter({ account: 'supervisor.zhou', source: '10.0.0.9' })).toEqual({
      scope: 'source',
      failures: 6,
      waitMs: 5_000,
    });
    expect(t.retryAfter({ account: 'supervisor.zhou', source: '10.0.0.10' })).toBeNull();
  });

  it('reports the longer of the account and source waits', () => {
    const { throttle: t } = throttle({
      ...POLICY,
      account: { freeFailures: 2, firstDelayMs: 50_000, maxDelayMs: 50_000 },
      source: { freeFailures: 2, firstDelayMs: 5_000, maxDelayMs: 5_000 },
    });
    const key = { account: 'officer.li', source: 'electron-window' };
    t.recordFailure(key);
    expect(t.recordFailure(key)).toEqual([
      { scope: 'account', failures: 2, waitMs: 50_000 },
      { scope: 'source', failures: 2, waitMs: 5_000 },
    ]);
    expect(t.retryAfter(key)).toEqual({ scope: 'account', failures: 2, waitMs: 50_000 });
  });

  it('clears the account on success but not the source (one good sign-in cannot reset a spray)', () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure({ account: `guess.${i}`, source: 's' });
    t.recordFailure({ account: 'officer.li', source: 's' });
    t.recordFailure({ account: 'officer.li', source: 's' });
    t.recordSuccess({ account: 'officer.li', source: 's' });
    // The account starts from zero again: two failures are free...
    expect(t.recordFailure({ account: 'officer.li', source: 's2' })).toEqual([]);
    // ...while the source still counts all seven, so its next failure starts a wait.
    expect(t.recordFailure({ account: 'someone.else', source: 's' })).toEqual([{ scope: 'source', failures: 8, waitMs: 20_000 }]);
  });

  it('forgets failures after a quiet hour', () => {
    const { clock, throttle: t } = throttle();
    const key = { account: 'officer.li', source: 's' };
    t.recordFailure(key);
    t.recordFailure(key);
    clock.advance(3_600_000);
    expect(t.recordFailure(key)).toEqual([]);
  });

  it('stays bounded in memory under a flood of distinct names and sources, keeping the newest', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < 5000; i++) {
      t.recordFailure({ account: `name.${i}`, source: `10.0.${i >> 8}.${i & 255}` });
      clock.advance(1);
    }
    expect(t.remembered).toBeLessThanOrEqual(2 * 1001);
    const last = { account: 'name.4999', source: '10.0.19.135' };
    t.recordFailure(last);
    expect(t.recordFailure(last)).toEqual([{ scope: 'account', failures: 3, waitMs: 10_000 }]);
  });
});
