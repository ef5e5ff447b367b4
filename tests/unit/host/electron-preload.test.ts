import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ClearwayError } from '../../../preload/contract/api';
import type { ClearwayBridge } from '../../../preload/contract/api';

// The Electron boundary, faked: contextBridge records what is exposed; ipcRenderer
// records invokes and delivers events like Electron does (event object first).
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    invoke: { fn: (_channel: string, _input: unknown): Promise<unknown> => Promise.resolve(undefined) },
    emitter: null as unknown as EventEmitter,
  };
});
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  electron.emitter = new EventEmitter();
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    // eslint-disable-next-line no-restricted-syntax -- this is the fake of Electron's ipcRenderer
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => electron.invoke.fn(channel, input),
      on: (channel: string, listener: (...args: unknown[]) => void) => electron.emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        electron.emitter.removeListener(channel, listener),
    },
  };
});

// Importing the preload runs it: it exposes the bridge on the fake contextBridge.
await import('../../../preload/index');
type Bridge = ClearwayBridge;

describe('preload bridge', () => {
  let bridge: Bridge;
  let invoked: [string, unknown][];

  beforeEach(() => {
    invoked = [];
    electron.invoke.fn = async (channel, input) => {
      invoked.push([channel, input]);
      return { ok: true, value: { echoed: input } };
    };
    bridge = electron.exposed.get('clearway') as Bridge;
  });

  it('exposes exactly window.clearway with host, invoke, on, call and subscribe', () => {
    expect([...electron.exposed.keys()]).toEqual(['clearway']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'host', 'invoke', 'on', 'subscribe']);
    expect(bridge.host).toBe('electron');
    // Nothing of Electron leaks through the exposed object.
    expect(Object.values(bridge).some((value) => value === electron.emitter)).toBe(false);
  });

  it('forwards contract channels to ipcRenderer.invoke', async () => {
    await expect(bridge.invoke('cw:shifts.list', { limit: 3 })).resolves.toEqual({ echoed: { limit: 3 } });
    await expect(bridge.call('cw:app.info', undefined)).resolves.toEqual({ ok: true, value: { echoed: undefined } });
    expect(invoked).toEqual([
      ['cw:shifts.list', { limit: 3 }],
      ['cw:app.info', undefined],
    ]);
  });

  it.each(['electron-store-get-data', 'cw:debug.eval', 'cw:auth.changed', '', '__proto__', 'constructor', 'toString'])(
    'never forwards %j',
    async (channel) => {
      await expect(bridge.call(channel as never, undefined)).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
      await expect((bridge.invoke as (name: string) => Promise<unknown>)(channel)).rejects.toMatchObject({
        code: 'UNKNOWN_CHANNEL',
      });
      expect(invoked).toEqual([]);
    },
  );

  it('turns error envelopes into ClearwayError with code and issues', async () => {
    electron.invoke.fn = async () => ({ ok: false, error: { code: 'BAD_CREDENTIALS', message: 'Wrong password' } });
    const error = await bridge.invoke('cw:auth.login', { username: 'a', password: 'b' } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClearwayError);
    expect(error).toMatchObject({ code: 'BAD_CREDENTIALS', message: 'Wrong password' });
  });

  it("delivers contract events without Electron's event object, and unsubscribes exactly its listener", () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.on('cw:settings.changed', first);
    bridge.subscribe('cw:settings.changed', second);
    const ipcEvent = { sender: 'the ipcRenderer', senderId: 0 };
    electron.emitter.emit('cw:settings.changed', ipcEvent, { theme: 'dark' });
    expect(first).toHaveBeenCalledWith({ theme: 'dark' });
    expect(first.mock.calls[0]).toHaveLength(1);
    expect(second).toHaveBeenCalledWith({ theme: 'dark' });

    stopFirst();
    electron.emitter.emit('cw:settings.changed', ipcEvent, { theme: 'light' });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(electron.emitter.listenerCount('cw:settings.changed')).toBe(1);
  });

  it('refuses to listen to anything but contract events', () => {
    for (const name of ['cw:app.info', 'electron-store-get-data', 'ELECTRON_BROWSER_REQUIRE', '__proto__']) {
      expect(() => bridge.on(name as never, () => undefined)).toThrow(/Unknown event/);
    }
    expect(electron.emitter.eventNames().filter((name) => name !== 'cw:settings.changed')).toEqual([]);
  });
});
