/**
 * The sign-in throttle as the hosts drive it: the dispatcher carries where a call came
 * from, a refusal carries how long to wait, and supervisors, only they, are told.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/host/dispatch';
import type { CallOrigin } from '../../../main/services/handlers';
import type { Notice } from '../../../preload/contract/schemas/app';
import { startTempServices, type TempServices } from '../services/temp-services';

const SUPERVISOR = { username: 'supervisor.zhou', password: 'correct horse battery' };
const WEB_PEER: CallOrigin = { source: '127.0.0.1' };

describe('sign-in throttle through the services', () => {
  let temp: TempServices | null = null;
  afterEach(async () => {
    await temp?.cleanup();
    temp = null;
  });

  async function start() {
    temp = await startTempServices('cw-throttle');
    const dispatch = createDispatcher(temp.services, (error) => {
      throw error;
    });
    const events: Notice[] = [];
    temp.services.onEvent((event, payload) => {
      if (event === 'cw:app.notice') events.push(payload as Notice);
    });
    const setup = await dispatch('cw:auth.setup', { ...SUPERVISOR, displayName: 'Zhou Qiang', office: 'Gate 3', demo: false });
    expect(setup.ok).toBe(true);
    await dispatch('cw:auth.createUser', {
      username: 'officer.li',
      displayName: 'Li Wei',
      role: 'officer',
      password: 'officer li password',
    });
    await dispatch('cw:auth.logout', undefined);
    return { dispatch, events, clock: temp.clock };
  }

  it('refuses with the wait in the envelope, and tells signed-in supervisors only', async () => {
    const { dispatch, events } = await start();
    for (let i = 0; i < 5; i++) {
      const failed = await dispatch('cw:auth.login', { username: 'officer.li', password: `wrong ${i} password` }, WEB_PEER);
      expect(failed).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    }
    const refused = await dispatch('cw:auth.login', { username: 'officer.li', password: 'officer li password' }, WEB_PEER);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('try again in 30 s'), retryAfterSeconds: 30 },
    });

    // Nobody signed in: the notice is kept, but neither pushed nor listed.
    expect(events).toEqual([]);
    expect(await dispatch('cw:app.notices', undefined)).toEqual({ ok: true, value: [] });

    // A supervisor who signs in later finds it on the board; a locked screen hides it again.
    expect((await dispatch('cw:auth.login', SUPERVISOR, WEB_PEER)).ok).toBe(true);
    const listed = await dispatch('cw:app.notices', undefined);
    expect(listed.ok && listed.value).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'auth.throttledAccount',
        audience: 'supervisors',
        params: { account: 'officer.li', source: '127.0.0.1', failures: 5, seconds: 30 },
      }),
    ]);
    await dispatch('cw:auth.lock', undefined);
    expect(await dispatch('cw:app.notices', undefined)).toEqual({ ok: true, value: [] });
  });

  it('pushes the notice at once when a supervisor is signed in, and keeps it from an officer', async () => {
    const { dispatch, events } = await start();
    expect((await dispatch('cw:auth.login', { username: 'officer.li', password: 'officer li password' })).ok).toBe(true);
    // Unlock attempts from the Electron window count against the officer's own account.
    await dispatch('cw:auth.lock', undefined);
    for (let i = 0; i < 5; i++)
      await dispatch('cw:auth.unlock', { password: `wrong ${i} password` }, { source: 'electron-window' });
    expect(events).toEqual([]);
    expect(await dispatch('cw:app.notices', undefined)).toEqual({ ok: true, value: [] });
    await dispatch('cw:auth.logout', undefined);

    expect((await dispatch('cw:auth.login', SUPERVISOR)).ok).toBe(true);
    for (let i = 0; i < 20; i++)
      await dispatch('cw:auth.changePassword', { current: `wrong ${i}`, next: 'a new long password' }, WEB_PEER);
    expect(events.map((notice) => [notice.code, notice.params?.account, notice.params?.source])).toEqual([
      ['auth.throttledAccount', 'supervisor.zhou', '127.0.0.1'],
    ]);
  });
});
