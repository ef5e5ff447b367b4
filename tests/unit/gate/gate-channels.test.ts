/**
 * The gate channels through createServices()' handlers, as a host calls them:
 * access per role, the contract's outputs, and the cw:gate.recorded event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channels, type ChannelName, type EventName } from '../../../preload/contract';

import { callChannel, startTempServices } from '../services/temp-services';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('gate channels through createServices', { timeout: 90_000 }, () => {
  it('lets officers and supervisors record, inspectors only read, and tells every window', async () => {
    const { services, cleanup } = await startTempServices('cw-gate-channels');
    cleanups.push(cleanup);
    const events: { name: EventName; payload: unknown }[] = [];
    cleanups.push(services.onEvent((name, payload) => events.push({ name, payload })));
    const call = <C extends ChannelName>(channel: C, input?: unknown) => callChannel(services, channel, input);
    const ok = async <C extends ChannelName>(channel: C, input?: unknown) => {
      const value = await call(channel, input);
      const parsed = channels[channel].output.safeParse(value);
      expect(parsed.success, `${channel} output matches the contract: ${parsed.error?.message ?? ''}`).toBe(true);
      return value;
    };

    await call('cw:auth.setup', {
      username: 'supervisor.zhou',
      displayName: 'Zhou Qiang',
      password: 'correct horse battery',
      office: 'Shenzhen Bay',
      demo: false,
    });
    const recorded = await ok('cw:gate.record', {
      laneId: 'lane-1',
      direction: 'arrival',
      plate: '粤B·12345',
      cameraId: 'cam-lane-1',
    });
    expect(recorded).toMatchObject({
      plate: '粤B12345',
      source: 'officer',
      recordedBy: 'Zhou Qiang (supervisor.zhou)',
      declaration: null,
    });
    expect(events.filter((e) => e.name === 'cw:gate.recorded').map((e) => e.payload)).toEqual([recorded]);
    // The channel cannot be told it was recognition.
    expect(
      (
        await ok('cw:gate.record', {
          laneId: 'lane-2',
          direction: 'arrival',
          plate: 'AB1234',
          source: 'recognition',
          confidence: 1,
        })
      ).source,
    ).toBe('officer');
    await expect(call('cw:gate.record', { laneId: 'lane-99', direction: 'arrival', plate: 'AB1234' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      issues: [{ path: 'laneId' }],
    });

    expect((await ok('cw:gate.list', {})).total).toBe(2);
    expect((await ok('cw:gate.present', {})).map((v) => v.plate)).toEqual(['AB1234', '粤B12345']);

    for (const [username, role] of [
      ['officer.li', 'officer'],
      ['inspector.wang', 'inspector'],
    ] as const) {
      await call('cw:auth.createUser', { username, displayName: username, role, password: 'a long enough password' });
    }
    await call('cw:auth.logout');
    await call('cw:auth.login', { username: 'inspector.wang', password: 'a long enough password' });
    await expect(call('cw:gate.record', { laneId: 'lane-1', direction: 'departure', plate: 'AB1234' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await ok('cw:gate.list', { laneId: 'lane-1' })).rows.map((e) => e.plate)).toEqual(['粤B12345']);

    await call('cw:auth.logout');
    await call('cw:auth.login', { username: 'officer.li', password: 'a long enough password' });
    expect((await ok('cw:gate.record', { laneId: 'lane-3', direction: 'departure', plate: 'ab-1234' })).recordedBy).toBe(
      'officer.li (officer.li)',
    );
    expect((await ok('cw:gate.present', { dwellMinutes: 60 })).map((v) => v.plate)).toEqual(['粤B12345']);
  });
});
