import { describe, expect, it } from 'vitest';
import type { IntervalTimer } from '../../../main/services/auth/interval-timer';
import { LoginThrottle } from '../../../main/services/auth/login-throttle';
import { hashPassword } from '../../../main/services/auth/password-hash';
import { Session, type ThrottleStarted } from '../../../main/services/auth/session';
import { ServiceError, ThrottledError } from '../../../main/services/errors';
import { SUPERVISOR, TEST_SCRYPT, auditActions, freshAccounts } from '../services/fixtures';

/** An interval timer the test ticks by hand. */
function manualTimer(): IntervalTimer & { tick(): void; intervals: number[] } {
  const ticks: (() => void)[] = [];
  const intervals: number[] = [];
  return {
    intervals,
    every(ms, tick) {
      intervals.push(ms);
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
    tick: () => ticks.forEach((tick) => tick()),
  };
}

async function setupSession(idleMinutes = 15) {
  const fixture = await freshAccounts();
  const supervisor = await fixture.accounts.setup(SUPERVISOR);
  const officer = await fixture.accounts.create(supervisor, {
    username: 'officer.li',
    displayName: 'Li Wei',
    role: 'officer',
    password: 'officer li password',
  });
  const timer = manualTimer();
  let changes = 0;
  const throttled: ThrottleStarted[] = [];
  const session = new Session({
    store: fixture.store,
    accounts: fixture.accounts,
    clock: fixture.clock,
    throttle: new LoginThrottle({ clock: fixture.clock }),
    hashParams: TEST_SCRYPT,
    idleLockMinutes: () => idleMinutes,
    onChange: () => changes++,
    onThrottled: (started) => throttled.push(started),
    timer,
  });
  return { ...fixture, supervisor, officer, session, timer, throttled, changes: () => changes };
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).code;
}

describe('session', () => {
  it('logs in, records last login, logs out, all audited', async () => {
    const { session, store, clock } = await setupSession();
    const user = await session.login('Officer.Li ', 'officer li password');
    expect(user).toMatchObject({ username: 'officer.li', lastLoginAt: clock.now().toISOString() });
    expect(session.view()).toMatchObject({ user: { username: 'officer.li' }, locked: false });
    expect(await errorCode(session.login('supervisor.zhou', SUPERVISOR.password))).toBe('FAILED_PRECONDITION');
    await session.logout();
    expect(session.view()).toEqual({ user: null, locked: false });
    expect(await auditActions(store)).toEqual(['auth.setup', 'user.create', 'auth.login', 'auth.logout']);
  });

  it('answers an unknown user and a wrong password alike (BAD_CREDENTIALS), both audited', async () => {
    const { session, store } = await setupSession();
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail('should refuse'),
        (e: ServiceError) => e,
      );
    const unknown = await failure(session.login('nobody.here', 'whatever password'));
    const wrong = await failure(session.login('officer.li', 'wrong password!'));
    expect([unknown.code, wrong.code]).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS']);
    expect(unknown.message).toBe(wrong.message);
    const rows = await store.query("SELECT subject, detail FROM audit WHERE action = 'auth.login.failed' ORDER BY seq");
    // A name that is no account is logged as a tag (it may be a password typed into the wrong field).
    expect(rows.map((r) => [r.subject, JSON.parse(String(r.detail)).reason])).toEqual([
      [expect.stringMatching(/^unknown#[0-9a-f]{8}$/), 'unknown-user'],
      ['officer.li', 'bad-password'],
    ]);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const { session, accounts, supervisor, officer } = await setupSession();
    await accounts.update(supervisor, { id: officer.id, active: false });
    expect(await errorCode(session.login('officer.li', 'officer li password'))).toBe('FORBIDDEN');
    expect(session.view().user).toBeNull();
  });

  it('locks by hand and unlocks only with the same officer’s password', async () => {
    const { session, store } = await setupSession();
    await session.login('officer.li', 'officer li password');
    await session.lock('manual');
    expect(session.view().locked).toBe(true);
    expect(await errorCode(session.unlock(SUPERVISOR.password))).toBe('BAD_CREDENTIALS');
    expect(session.view().locked).toBe(true);
    await session.unlock('officer li password');
    expect(session.view().locked).toBe(false);
    expect(await auditActions(store)).toEqual([
      'auth.setup',
      'user.create',
      'auth.login',
      'auth.lock',
      'auth.unlock.failed',
      'auth.unlock',
    ]);
  });

  it('locks after the configured idle minutes, postponed by activity', async () => {
    const { session, clock, timer, store, changes } = await setupSession(15);
    session.startIdleWatch();
    expect(timer.intervals).toEqual([15_000]);
    await session.login('officer.li', 'officer li password');
    clock.advance(14 * 60_000);
    session.activity();
    clock.advance(14 * 60_000);
    await session.checkIdle();
    expect(session.view().locked).toBe(false);
    const before = changes();
    clock.advance(60_000);
    timer.tick();
    await waitFor(() => session.view().locked);
    expect(changes()).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the lock is shown first, then audited
    const rows = await store.query("SELECT detail FROM audit WHERE action = 'auth.lock'");
    expect(JSON.parse(String(rows[0]!.detail))).toEqual({ reason: 'idle' });
    session.stop();
  });

  it('throttles a username after 5 failures for 30 s, audited, then allows again', async () => {
    const { session, clock, store } = await setupSession();
    for (let i = 0; i < 5; i++)
      expect(await errorCode(session.login('officer.li', `wrong ${i} password`))).toBe('BAD_CREDENTIALS');
    // Even the right password is refused while throttled: guessing gains nothing.
    expect(await errorCode(session.login('officer.li', 'officer li password'))).toBe('UNAVAILABLE');
    expect((await store.query("SELECT COUNT(*) AS n FROM audit WHERE action = 'auth.login.throttled'"))[0]!.n).toBe(1);
    // Other usernames are unaffected.
    expect((await session.login('supervisor.zhou', SUPERVISOR.password)).username).toBe('supervisor.zhou');
    await session.logout();
    clock.advance(30_000);
    expect((await session.login('officer.li', 'officer li password')).username).toBe('officer.li');
  });

  it('doubles the wait with each further failure and says how long, for the screen to show', async () => {
    const { session, clock, throttled } = await setupSession();
    for (let i = 0; i < 5; i++) await errorCode(session.login('officer.li', `wrong ${i} password`));
    const refusal = await session.login('officer.li', 'officer li password').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ThrottledError);
    expect((refusal as ThrottledError).toShape()).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 30 });
    clock.advance(30_000);
    expect(await errorCode(session.login('officer.li', 'still wrong password'))).toBe('BAD_CREDENTIALS');
    const next = (await session.login('officer.li', 'officer li password').catch((e: unknown) => e)) as ThrottledError;
    expect(next.retryAfterSeconds).toBe(60);
    expect(throttled.map((t) => [t.scope, t.account, t.failures, t.waitMs])).toEqual([
      ['account', 'officer.li', 5, 30_000],
      ['account', 'officer.li', 6, 60_000],
    ]);
  });

  it('holds back a source that tries many names, not the other sources', async () => {
    const { session, throttled } = await setupSession();
    for (let i = 0; i < 20; i++) await errorCode(session.login(`guess.${i}`, 'some password', '10.1.2.3'));
    expect(await errorCode(session.login('officer.li', 'officer li password', '10.1.2.3'))).toBe('UNAVAILABLE');
    expect((await session.login('officer.li', 'officer li password', '127.0.0.1')).username).toBe('officer.li');
    expect(throttled.filter((t) => t.scope === 'source').map((t) => [t.source, t.failures])).toEqual([['10.1.2.3', 20]]);
  });

  it('never writes what was typed as a password into the audit log, nor a name that is no account', async () => {
    const { session, store, throttled } = await setupSession();
    const typedPassword = 'Tr0ub4dor&3 horse';
    // The officer types the password into the username field, and something else into the password field.
    const passwordAsName = 'my-secret passphrase 42';
    await errorCode(session.login('officer.li', typedPassword));
    for (let i = 0; i < 6; i++) await errorCode(session.login(passwordAsName, typedPassword));
    await session.login('officer.li', 'officer li password');
    await session.lock('manual');
    await errorCode(session.unlock(typedPassword));
    await errorCode(session.unlock(passwordAsName));

    const rows = await store.query('SELECT action, subject, detail FROM audit ORDER BY seq');
    const logged = JSON.stringify(rows).toLowerCase();
    for (const secret of [typedPassword, passwordAsName, 'passphrase', 'tr0ub4dor'])
      expect(logged.includes(secret.toLowerCase()), secret).toBe(false);
    const unknown = rows.filter(
      (r) => r.action === 'auth.login.failed' && JSON.parse(String(r.detail)).reason === 'unknown-user',
    );
    expect(unknown).toHaveLength(5);
    // One tag for one typed text, the same every time within a run, short and not the text.
    expect(new Set(unknown.map((r) => r.subject)).size).toBe(1);
    expect(String(unknown[0]!.subject)).toMatch(/^unknown#[0-9a-f]{8}$/);
    expect(JSON.parse(String(unknown[0]!.detail))).toMatchObject({ username: unknown[0]!.subject, source: 'local' });
    const throttledRow = rows.find((r) => r.action === 'auth.login.throttled');
    expect(throttledRow?.subject).toBe(unknown[0]!.subject);
    // The notice names the tag too.
    expect(throttled.map((t) => t.account)).toEqual([unknown[0]!.subject]);
    expect(JSON.stringify(throttled).includes('passphrase')).toBe(false);
  });

  it('changes the own password only with the current one', async () => {
    const { session } = await setupSession();
    await session.login('officer.li', 'officer li password');
    expect(await errorCode(session.changePassword('not my password', 'new officer password'))).toBe('BAD_CREDENTIALS');
    await session.changePassword('officer li password', 'new officer password');
    await session.logout();
    expect(await errorCode(session.login('officer.li', 'officer li password'))).toBe('BAD_CREDENTIALS');
    expect((await session.login('officer.li', 'new officer password')).username).toBe('officer.li');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('cost upgrades', () => {
  it('re-hashes a weaker stored hash at the next successful sign-in', async () => {
    const { session, store, officer } = await setupSession();
    const weak = await hashPassword('officer li password', { log2N: 8, r: 8, p: 1 });
    await store.transaction([{ sql: 'UPDATE users SET password_hash = ? WHERE id = ?', params: [weak, officer.id] }]);
    await session.login('officer.li', 'officer li password');
    const rows = await store.query('SELECT password_hash FROM users WHERE id = ?', [officer.id]);
    expect(String(rows[0]!.password_hash).startsWith(`scrypt$${TEST_SCRYPT.log2N}$`)).toBe(true);
  });

  it('stamps every change of user or lock state with a higher revision of one epoch', async () => {
    const { session } = await setupSession();
    const first = session.stamp();
    await session.login('officer.li', 'officer li password');
    const signedIn = session.stamp();
    await session.lock('manual');
    const locked = session.stamp();
    await session.lock('manual');
    expect(session.stamp()).toEqual(locked);
    await session.unlock('officer li password');
    expect([first, signedIn, locked, session.stamp()].map((s) => s.revision)).toEqual([0, 1, 2, 3]);
    expect(new Set([first, signedIn, locked].map((s) => s.epoch)).size).toBe(1);
    expect((await setupSession()).session.stamp().epoch).not.toBe(first.epoch);
  });
});
