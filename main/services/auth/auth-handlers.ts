/** The auth area: first-run setup, sign-in, the lock screen, password changes and the local accounts. */
import type { authChannels } from '../../../preload/contract/channels/auth';
import type { SessionState } from '../../../preload/contract/schemas/auth';
import type { Area } from '../area';
import type { Core } from '../core';
import { seedDemo } from '../demo/seed';
import type { Shifts } from '../shifts/shifts';

export function createAuthArea(core: Core, deps: { shifts: Pick<Shifts, 'current'> }): Area<typeof authChannels> {
  const { accounts, session, settings, me } = core;

  /** The session as the renderer sees it: the answer of every auth call and the payload of cw:auth.changed. */
  const sessionState = async (): Promise<SessionState> => {
    const { user, locked } = session.view();
    const stamp = session.stamp();
    return {
      setupRequired: (await accounts.count()) === 0,
      user,
      locked,
      shift: user ? await deps.shifts.current(user.id) : null,
      mode: core.mode,
      stamp,
    };
  };
  core.onSessionChanged(async () => {
    try {
      core.emit('cw:auth.changed', await sessionState());
    } catch (error) {
      core.logger.error({ err: error }, 'auth.changed not sent');
    }
  });

  return {
    start: () => session.startIdleWatch(),
    stop: () => session.stop(),
    handlers: {
      'cw:auth.state': () => sessionState(),
      'cw:auth.setup': async (input) => {
        const user = await accounts.setup({ username: input.username, displayName: input.displayName, password: input.password });
        await settings.update(user, { office: input.office });
        if (input.demo) {
          await seedDemo(core.store, accounts, core.clock, { office: input.office, hashParams: core.hashParams });
          core.demoProfile.markSeeded();
        }
        core.logger.info({ username: user.username, demo: input.demo }, 'first-run setup done');
        session.beginAfterSetup(user);
        return sessionState();
      },
      'cw:auth.login': async ({ username, password }, origin) => {
        await session.login(username, password, origin?.source);
        return sessionState();
      },
      'cw:auth.logout': async () => {
        await session.logout();
        return sessionState();
      },
      'cw:auth.lock': async () => {
        await session.lock('manual');
        return sessionState();
      },
      'cw:auth.unlock': async ({ password }, origin) => {
        await session.unlock(password, origin?.source);
        return sessionState();
      },
      'cw:auth.activity': async () => {
        session.activity();
        return undefined;
      },
      'cw:auth.changePassword': async ({ current, next }, origin) => {
        await session.changePassword(current, next, origin?.source);
        return undefined;
      },
      'cw:auth.listUsers': () => accounts.list(),
      'cw:auth.createUser': (input) => accounts.create(me(), input),
      'cw:auth.updateUser': async (input) => {
        const user = await accounts.update(me(), input);
        session.refreshUser(user);
        return user;
      },
      'cw:auth.resetPassword': async ({ id, password }) => {
        await accounts.resetPassword(me(), id, password);
        return undefined;
      },
    },
  };
}
