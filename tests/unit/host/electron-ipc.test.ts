import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, type Envelope } from '../../../preload/contract';
import { ELECTRON_ORIGIN, type ServiceHost } from '../../../main/services/handlers';

// The Electron boundary, faked: a recording ipcMain and one window list.
const electron = vi.hoisted(() => {
  type Handler = (event: unknown, ...args: unknown[]) => unknown;
  const handlers = new Map<string, Handler>();
  const windows: { webContents: unknown }[] = [];
  return {
    handlers,
    windows,
    // eslint-disable-next-line no-restricted-syntax -- this is the fake of Electron's ipcMain
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    BrowserWindow: { getAllWindows: () => windows },
  };
});
// eslint-disable-next-line no-restricted-syntax -- the mocked module's export is named ipcMain
vi.mock('electron', () => ({ ipcMain: electron.ipcMain, BrowserWindow: electron.BrowserWindow }));

const { guardInvoke, isTrustedSender, startElectronHost } = await import('../../../main/host/electron');

const appFrame = { url: 'app://clearway/index.html', parent: null };
// A signed-in officer, so session channels pass the dispatcher's access check.
const officer = { id: 'u1', username: 'officer', role: 'officer' } as unknown as NonNullable<
  ReturnType<ServiceHost['session']>['user']
>;

function fakeHost() {
  const events = new EventEmitter();
  const handlers = {
    'cw:app.info': vi.fn(async () => {
      throw new Error('not reached in these tests');
    }),
    'cw:shifts.list': vi.fn(async () => []),
  };
  const host: ServiceHost = {
    handlers: handlers as unknown as ServiceHost['handlers'],
    mode: 'live',
    session: () => ({ user: officer, locked: false }),
    onEvent: (listener) => {
      const forward = (name: string, payload: unknown) => listener(name as never, payload as never);
      events.on('event', forward);
      return () => events.off('event', forward);
    },
    close: async () => undefined,
  };
  return { host, handlers, emit: (name: string, payload: unknown) => events.emit('event', name, payload) };
}

async function invoke(channel: string, event: { senderFrame: unknown }, ...args: unknown[]): Promise<Envelope<unknown>> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return (await handler(event, ...args)) as Envelope<unknown>;
}

describe('isTrustedSender', () => {
  it.each([
    ["the app's top-level frame", appFrame, true],
    ['no frame (navigated or destroyed)', null, false],
    ['undefined frame', undefined, false],
    ['a subframe of the app', { url: 'app://clearway/x.html', parent: appFrame }, false],
    ['another origin', { url: 'https://evil.example/', parent: null }, false],
    ['a look-alike host', { url: 'app://clearway.evil/index.html', parent: null }, false],
    ['a file page', { url: 'file:///app/out/renderer/index.html', parent: null }, false],
    ['about:blank', { url: 'about:blank', parent: null }, false],
  ])('%s → %s', (_why, frame, trusted) => {
    expect(isTrustedSender(frame as never)).toBe(trusted);
  });

  it('treats a disposed frame (whose getters throw) as untrusted', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed)).toBe(false);
  });
});

describe('Electron IPC host', () => {
  let fake: ReturnType<typeof fakeHost>;
  let stop: () => void;

  beforeEach(() => {
    electron.handlers.clear();
    electron.windows.length = 0;
    fake = fakeHost();
    stop = startElectronHost(fake.host).stop;
    return () => stop();
  });

  it('registers every contract channel and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('answers the app window through the dispatcher', async () => {
    await expect(invoke('cw:shifts.list', { senderFrame: appFrame }, { limit: 5 })).resolves.toEqual({ ok: true, value: [] });
    expect(fake.handlers['cw:shifts.list']).toHaveBeenCalledWith({ limit: 5 }, ELECTRON_ORIGIN);
  });

  it.each([
    ['no sender frame', null],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a subframe', { url: 'app://clearway/index.html', parent: appFrame }],
    ['a file page', { url: 'file:///index.html', parent: null }],
  ])('refuses %s with FORBIDDEN_SENDER and never reaches the service', async (_why, senderFrame) => {
    const envelope = await invoke('cw:app.info', { senderFrame });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(fake.handlers['cw:app.info']).not.toHaveBeenCalled();
  });

  it('has no handler for channels outside the contract', async () => {
    await expect(invoke('cw:debug.eval', { senderFrame: appFrame })).rejects.toThrow(/No handler/);
  });

  it('returns INVALID_ARGUMENT for a bad payload without calling the service', async () => {
    const envelope = await invoke('cw:shifts.list', { senderFrame: appFrame }, { limit: 'all' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(fake.handlers['cw:shifts.list']).not.toHaveBeenCalled();
  });

  it('uses only the first argument as the input', async () => {
    await expect(invoke('cw:shifts.list', { senderFrame: appFrame }, { limit: 1 }, { limit: 'evil' })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.handlers['cw:shifts.list']).toHaveBeenCalledWith({ limit: 1 }, ELECTRON_ORIGIN);
  });

  it('unregisters every channel on stop', () => {
    stop();
    expect(electron.handlers.size).toBe(0);
  });

  it('broadcasts service events to app windows only, under the event name', () => {
    const appPage = { send: vi.fn(), getURL: () => 'app://clearway/index.html', isDestroyed: () => false };
    const strayPage = { send: vi.fn(), getURL: () => 'https://evil.example/', isDestroyed: () => false };
    const closedPage = { send: vi.fn(), getURL: () => 'app://clearway/index.html', isDestroyed: () => true };
    electron.windows.push({ webContents: appPage }, { webContents: strayPage }, { webContents: closedPage });
    const payload = { online: true };
    fake.emit('cw:app.statusChanged', payload);
    expect(appPage.send).toHaveBeenCalledWith('cw:app.statusChanged', payload);
    expect(strayPage.send).not.toHaveBeenCalled();
    expect(closedPage.send).not.toHaveBeenCalled();
  });
});

describe('guardInvoke', () => {
  it('turns a throwing dispatcher into an INTERNAL envelope instead of a rejected invoke', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const invokeGuarded = guardInvoke(async () => {
      throw new Error('boom');
    });
    await expect(invokeGuarded({ senderFrame: appFrame } as never, 'cw:app.info', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    spy.mockRestore();
  });
});
