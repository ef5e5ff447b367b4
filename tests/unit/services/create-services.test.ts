import { afterEach, describe, expect, it } from 'vitest';
import { appChannels } from '../../../preload/contract/channels/app';
import { auditChannels } from '../../../preload/contract/channels/audit';
import { authChannels } from '../../../preload/contract/channels/auth';
import { settingsChannels } from '../../../preload/contract/channels/settings';
import { shiftsChannels } from '../../../preload/contract/channels/shifts';
import { channelNames, channels, type ChannelName, type EventName } from '../../../preload/contract';
import { type CreateServicesOptions } from '../../../main/services';
import { DEMO_PASSWORD } from '../../../main/services/demo/seed';
import { ServiceError } from '../../../main/services/errors';
import { TEST_SCRYPT } from './fixtures';
import { callChannel, startTempServices } from './temp-services';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(extra: Partial<CreateServicesOptions> = {}) {
  const { services, clock, dataDir, cleanup } = await startTempServices('cw-services', extra);
  cleanups.push(cleanup);
  const events: { event: EventName; payload: unknown }[] = [];
  services.onEvent((event, payload) => events.push({ event, payload }));
  // Calls a channel as a host would: unknown input, typed output.
  const call = <C extends ChannelName>(channel: C, input?: unknown) => callChannel(services, channel, input);
  return { services, clock, dataDir, events, call };
}

/**
 * The foundation's channels: this file walks every one of them end to end. Each
 * later area (cases, declarations, risk, sync…) proves its own channels in its
 * own tests; here they are only required to be handled (see the first test).
 */
const foundationChannels = Object.keys({
  ...appChannels,
  ...authChannels,
  ...shiftsChannels,
  ...settingsChannels,
  ...auditChannels,
}) as ChannelName[];

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof ServiceError ? e.code : `thrown: ${String(e)}`),
  );

describe('createServices with the real store', { timeout: 90_000 }, () => {
  it('implements every contract channel, of every area, and nothing else', async () => {
    const { services } = await start();
    expect(Object.keys(services.handlers).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof services.handlers[name], name).toBe('function');
  });

  it('keeps the foundation channels in the contract', () => {
    expect(foundationChannels.length).toBeGreaterThan(20);
    expect(foundationChannels.filter((name) => !channelNames.includes(name))).toEqual([]);
  });

  it('runs setup → shift → handover → next officer, every foundation channel reached, with outputs matching the contract', async () => {
    const { services, call, events, clock } = await start();
    const reached = new Set<ChannelName>();
    const ok = async <C extends ChannelName>(channel: C, input?: unknown) => {
      const value = await call(channel, input);
      reached.add(channel);
      expect(channels[channel].output.safeParse(value).success, `${channel} output matches the contract`).toBe(true);
      return value;
    };

    expect(await ok('cw:auth.state')).toMatchObject({ setupRequired: true, user: null, mode: 'live' });
    expect(await ok('cw:app.info')).toMatchObject({ name: 'Clearway', host: 'web', version: '0.1.0-test', demo: false });
    expect(await ok('cw:app.status')).toMatchObject({ online: true, sync: { state: 'standalone' } });
    expect(await codeOf(call('cw:shifts.current'))).toBe('UNAUTHENTICATED');
    expect(
      await codeOf(
        call('cw:auth.setup', { username: 'Bad Name', displayName: 'x', password: 'short', office: 'x', demo: false }),
      ),
    ).toBe('INVALID_ARGUMENT');

    const state = await ok('cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Qingdao Port, Gate 3',
      demo: false,
    });
    expect(state).toMatchObject({
      setupRequired: false,
      user: { username: 'supervisor.zhou', role: 'supervisor' },
      locked: false,
    });
    expect(
      await codeOf(
        call('cw:auth.setup', {
          username: 'again.boss',
          displayName: 'x',
          password: 'correct horse battery',
          office: 'x',
          demo: false,
        }),
      ),
    ).toBe('SETUP_DONE');
    expect((await ok('cw:settings.get')).office).toBe('Qingdao Port, Gate 3');

    const li = await ok('cw:auth.createUser', {
      username: 'officer.li',
      displayName: 'Li Wei',
      role: 'officer',
      password: 'officer li password',
    });
    await ok('cw:auth.updateUser', { id: li.id, displayName: 'Li Wei 李伟' });
    await ok('cw:auth.resetPassword', { id: li.id, password: 'officer li password 2' });
    expect((await ok('cw:auth.listUsers')).length).toBe(2);

    await ok('cw:shifts.start', { office: 'Qingdao Port, Gate 3' });
    expect((await ok('cw:shifts.current'))?.office).toBe('Qingdao Port, Gate 3');
    expect(events.some((e) => e.event === 'cw:auth.changed' && (e.payload as { shift: unknown }).shift !== null)).toBe(true);
    clock.advance(3_600_000);
    await ok('cw:shifts.end', { handoverNotes: 'Reefer MSCU 4821907 awaiting SPS certificate.' });
    await ok('cw:auth.activity');
    await ok('cw:auth.changePassword', { current: 'correct horse battery', next: 'an even better passphrase' });
    await ok('cw:settings.update', { theme: 'light' });
    expect(events.some((e) => e.event === 'cw:settings.changed')).toBe(true);
    expect(await codeOf(call('cw:settings.update', { idleLockMinutes: 0 }))).toBe('INVALID_ARGUMENT');
    const groups = [{ id: 'group-gate', name: 'Gate lanes', layout: '2x2', cameraIds: ['cam-lane-1', 'cam-lane-2'] }];
    expect((await ok('cw:settings.saveCameraGroups', { siteId: 'eastgate-demo', groups })).cameraGroups).toEqual({
      'eastgate-demo': groups,
    });
    expect(
      await codeOf(call('cw:settings.saveCameraGroups', { siteId: 'eastgate-demo', groups: [{ ...groups[0], layout: '1x1' }] })),
    ).toBe('INVALID_ARGUMENT');
    expect(await codeOf(call('cw:app.openExternal', { url: 'https://www.wto.org/' }))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(call('cw:app.openExternal', { url: 'file:///etc/passwd' }))).toBe('INVALID_ARGUMENT');
    reached.add('cw:app.openExternal');
    const diagnostics = await ok('cw:app.exportDiagnostics');
    expect(diagnostics.fileName).toMatch(/^clearway-diagnostics-.*\.zip$/);
    expect(await ok('cw:app.notices')).toEqual([]);
    await ok('cw:app.dismissNotice', { id: 'no-such-notice' });

    await ok('cw:auth.lock');
    expect(services.session()).toMatchObject({ locked: true });
    expect(await codeOf(call('cw:shifts.list', { limit: 5 }))).toBe('LOCKED');
    await ok('cw:auth.unlock', { password: 'an even better passphrase' });
    await ok('cw:auth.logout');

    await ok('cw:auth.login', { username: 'officer.li', password: 'officer li password 2' });
    expect((await ok('cw:shifts.lastHandover'))?.handoverNotes).toContain('MSCU 4821907');
    expect((await ok('cw:shifts.list', { limit: 5 })).length).toBe(1);
    expect(await codeOf(call('cw:audit.list', { limit: 10 }))).toBe('FORBIDDEN');
    expect(await codeOf(call('cw:auth.listUsers'))).toBe('FORBIDDEN');
    await ok('cw:auth.logout');
    await ok('cw:auth.login', { username: 'supervisor.zhou', password: 'an even better passphrase' });

    const audit = await ok('cw:audit.list', { limit: 100 });
    const actions = new Set(audit.map((e) => e.action));
    for (const action of [
      'auth.setup',
      'user.create',
      'user.update',
      'user.resetPassword',
      'shift.start',
      'shift.end',
      'auth.changePassword',
      'settings.update',
      'diagnostics.export',
      'auth.lock',
      'auth.unlock',
      'auth.logout',
      'auth.login',
    ]) {
      expect(actions, action).toContain(action);
    }
    const chain = await ok('cw:audit.verifyChain');
    expect(chain.ok).toBe(true);
    expect((await ok('cw:audit.chainState')).entries).toBe(chain.entries);

    expect(foundationChannels.filter((name) => !reached.has(name))).toEqual([]);
  });

  it('keeps data across a restart and keeps training in its own database', async () => {
    const first = await start();
    await first.call('cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Gate 3',
      demo: false,
    });
    await first.services.close();

    const again = await start({ dataDir: first.dataDir });
    expect(await again.call('cw:auth.state')).toMatchObject({ setupRequired: false, user: null });
    const training = await start({ dataDir: first.dataDir, mode: 'training' });
    expect(await training.call('cw:auth.state')).toMatchObject({ setupRequired: true, mode: 'training' });
  });

  it('seeds demo data on request: accounts for every role signing in with the demo password, a week of handovers', async () => {
    const { call } = await start();
    await call('cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Qingdao Port, Gate 3',
      demo: true,
    });
    const info = await call('cw:app.info');
    expect(info.demo).toBe(true);
    expect(new Set(info.demoAccounts?.map((a) => a.role))).toEqual(
      new Set(['officer', 'inspector', 'supervisor', 'trainer', 'trainee']),
    );
    expect(info.demoAccounts?.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
    expect((await call('cw:shifts.list', { limit: 100 })).length).toBe(14);
    await call('cw:auth.logout');
    await call('cw:auth.login', { username: 'officer.li', password: DEMO_PASSWORD });
    const handover = await call('cw:shifts.lastHandover');
    expect(handover?.handoverNotes).toBeTruthy();
    expect(new Date(handover!.endedAt!).getTime()).toBeLessThanOrEqual(new Date('2026-03-02T08:30:00.000Z').getTime());
  });

  it('idle-locks through the settings’ minutes and tells every window', async () => {
    const ticks: (() => void)[] = [];
    const { call, clock, events, services } = await start({
      testing: { scryptParams: TEST_SCRYPT, idleTimer: { every: (_ms, tick) => (ticks.push(tick), () => undefined) } },
    });
    await call('cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Gate 3',
      demo: false,
    });
    await call('cw:settings.update', { idleLockMinutes: 2 });
    clock.advance(2 * 60_000);
    ticks.forEach((tick) => tick());
    // Generous polls: on a loaded machine the lock's audited write can take more than the default second.
    await expect.poll(() => services.session().locked, { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => events.some((e) => e.event === 'cw:auth.changed' && (e.payload as { locked: boolean }).locked), {
        timeout: 15_000,
      })
      .toBe(true);
  });
});
