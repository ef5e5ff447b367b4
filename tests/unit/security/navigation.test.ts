import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installNavigationGuards, installWebContentsHardening } from '../../../main/security/navigation';

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** Just enough of WebContents: events, and the window-open handler it was given. */
class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

function fakeEvent(extra: object = {}) {
  return { preventDefault: vi.fn(), ...extra };
}

function guarded(trustedOrigins?: string[]) {
  const contents = new FakeWebContents();
  const shell = { openExternal: vi.fn(async () => undefined) };
  installNavigationGuards(contents as never, { shell, ...(trustedOrigins ? { trustedOrigins } : {}) });
  return { contents, shell };
}

describe('installNavigationGuards', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: stays on the app, blocks everything else', (name) => {
    const { contents } = guarded();
    const cases: [string, boolean][] = [
      ['app://clearway/index.html', false],
      ['app://clearway/queue', false],
      ['https://evil.example/', true],
      ['http://localhost:5173/', true],
      ['file:///etc/passwd', true],
      ['app://evil/index.html', true],
      ['javascript:alert(1)', true],
      ['about:blank', true],
    ];
    for (const [url, blocked] of cases) {
      // Electron passes the URL on the event (and, deprecated, as the second argument).
      const event = fakeEvent({ url });
      contents.emit(name, event, url);
      expect(event.preventDefault.mock.calls.length > 0, url).toBe(blocked);
    }
  });

  it('blocks subframe navigation away from the app', () => {
    const { contents } = guarded();
    const away = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-frame-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = fakeEvent({ url: 'app://clearway/index.html' });
    contents.emit('will-frame-navigate', home);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('allows the dev server only when it is trusted', () => {
    const { contents } = guarded(['app://clearway', 'http://localhost:5173']);
    const event = fakeEvent({ url: 'http://localhost:5173/' });
    contents.emit('will-navigate', event, 'http://localhost:5173/');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('never attaches a webview', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; allowed links open in the system browser instead', () => {
    const { contents, shell } = guarded();
    const open = contents.openHandler;
    if (!open) throw new Error('no window-open handler installed');
    expect(open({ url: 'https://www.wcoomd.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:duty@customs.example' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://clearway/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://www.wcoomd.org/'], ['mailto:duty@customs.example']]);
  });
});

describe('installWebContentsHardening', () => {
  it('guards every webContents the app creates', () => {
    const app = new EventEmitter();
    installWebContentsHardening(app as never, { shell: { openExternal: vi.fn(async () => undefined) } });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
