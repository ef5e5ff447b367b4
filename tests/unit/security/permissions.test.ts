import { describe, expect, it, vi } from 'vitest';
import { decidePermission, installPermissionHandlers } from '../../../main/security/permissions';

const app = 'app://clearway/index.html';

describe('decidePermission', () => {
  it.each([
    // [why, permission, origin, cameraEnabled, mediaTypes, granted]
    ['camera for the app when the setting is on', 'media', app, true, ['video'], true],
    ['camera for the app origin without a path', 'media', 'app://clearway', true, ['video'], true],
    ['camera while the setting is off', 'media', app, false, ['video'], false],
    ['microphone, even with the camera on', 'media', app, true, ['audio'], false],
    ['camera plus microphone', 'media', app, true, ['video', 'audio'], false],
    ['media with no device named', 'media', app, true, [], false],
    ['media of an unknown kind (check)', 'media', app, true, ['unknown'], false],
    ['camera for another origin', 'media', 'https://evil.example', true, ['video'], false],
    ['camera for a look-alike app host', 'media', 'app://clearway.evil', true, ['video'], false],
    ['camera for a file page', 'media', 'file:///index.html', true, ['video'], false],
    ['camera for an empty origin', 'media', '', true, ['video'], false],
    ['notifications', 'notifications', app, true, [], false],
    ['geolocation', 'geolocation', app, true, [], false],
    ['clipboard read', 'clipboard-read', app, true, [], false],
    ['display capture', 'display-capture', app, true, ['video'], false],
    ['MIDI sysex', 'midiSysex', app, true, [], false],
    ['pointer lock', 'pointerLock', app, true, [], false],
    ['fullscreen', 'fullscreen', app, true, [], false],
    ['open external', 'openExternal', app, true, [], false],
    ['HID', 'hid', app, true, [], false],
    ['serial', 'serial', app, true, [], false],
    ['USB', 'usb', app, true, [], false],
    ['file system', 'fileSystem', app, true, [], false],
    ['window management', 'window-management', app, true, [], false],
    ['an unknown permission', 'unknown', app, true, ['video'], false],
  ] as const)('%s → %s', (_why, permission, requestingOrigin, cameraEnabled, mediaTypes, granted) => {
    expect(decidePermission({ permission, requestingOrigin, cameraEnabled, mediaTypes: [...mediaTypes] })).toBe(granted);
  });

  it('trusts only the origins it is given', () => {
    const query = { permission: 'media', requestingOrigin: 'http://localhost:5173', cameraEnabled: true, mediaTypes: ['video'] };
    expect(decidePermission(query)).toBe(false);
    expect(decidePermission({ ...query, trustedOrigins: ['app://clearway', 'http://localhost:5173'] })).toBe(true);
  });
});

function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
}

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
type DeviceHandler = (details: object) => boolean;

describe('installPermissionHandlers', () => {
  function install(settings: { cameraEnabled: boolean }) {
    const session = fakeSession();
    installPermissionHandlers(session as never, () => settings);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as DeviceHandler;
    return { request, check, device };
  }

  const contents = { getURL: () => app };

  function ask(request: RequestHandler, permission: string, details: object): boolean {
    let answer: boolean | undefined;
    request(contents, permission, (granted) => (answer = granted), details);
    if (answer === undefined) throw new Error('the request handler never answered');
    return answer;
  }

  it('installs request, check and device handlers', () => {
    const { request, check, device } = install({ cameraEnabled: true });
    expect(typeof request).toBe('function');
    expect(typeof check).toBe('function');
    expect(typeof device).toBe('function');
  });

  it('answers camera requests from the app per the current setting', () => {
    const settings = { cameraEnabled: true };
    const { request } = install(settings);
    const details = { requestingUrl: app, isMainFrame: true, mediaTypes: ['video'] };
    expect(ask(request, 'media', details)).toBe(true);
    settings.cameraEnabled = false;
    expect(ask(request, 'media', details)).toBe(false);
  });

  it('refuses requests from other frames and for audio', () => {
    const { request } = install({ cameraEnabled: true });
    expect(ask(request, 'media', { requestingUrl: 'https://evil.example/', isMainFrame: false, mediaTypes: ['video'] })).toBe(
      false,
    );
    expect(ask(request, 'media', { requestingUrl: app, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(ask(request, 'notifications', { requestingUrl: app, isMainFrame: true })).toBe(false);
  });

  it('answers checks with the same policy', () => {
    const settings = { cameraEnabled: true };
    const { check } = install(settings);
    expect(check(contents, 'media', 'app://clearway', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(check(contents, 'media', 'app://clearway', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(check(contents, 'media', 'https://evil.example', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(check(contents, 'geolocation', 'app://clearway', { isMainFrame: true })).toBe(false);
    settings.cameraEnabled = false;
    expect(check(contents, 'media', 'app://clearway', { mediaType: 'video', isMainFrame: true })).toBe(false);
  });

  it('refuses every USB/HID/serial device', () => {
    const { device } = install({ cameraEnabled: true });
    expect(device({ deviceType: 'usb', origin: 'app://clearway', device: {} })).toBe(false);
    expect(device({ deviceType: 'hid', origin: 'app://clearway', device: {} })).toBe(false);
  });
});
