import { describe, expect, it, vi } from 'vitest';
import { decideRequest, installRequestFilter, requestPolicy, type RequestPolicy } from '../../../main/security/request-filter';

const settings = {
  hubUrl: 'https://hub.customs.example:8620/api',
  cameraOrigins: ['http://192.168.10.5:8889', 'wss://bridge.port.example'],
};
const policy = requestPolicy(settings);
const standalone = requestPolicy({ hubUrl: '', cameraOrigins: [] });

describe('decideRequest', () => {
  it.each([
    // [why, url, policy, allowed]
    ['the app page', 'app://clearway/index.html', policy, true],
    ['an app asset', 'app://clearway/assets/index-abc.js', policy, true],
    ['a model the app ships', 'app://clearway/models/ch_PP-OCRv4_det_infer.onnx', standalone, true],
    ['the app host in capitals', 'app://CLEARWAY/index.html', policy, true],
    ['another app:// host', 'app://evil/index.html', policy, false],
    ['a data: URL (in memory)', 'data:image/png;base64,iVBORw0KGgo=', standalone, true],
    ['a blob: URL (in memory)', 'blob:app://clearway/5d2c0c1e-1111-4222-8333-444455556666', standalone, true],
    ['the hub at any path', 'https://hub.customs.example:8620/sync/push', policy, true],
    ['the hub on another port', 'https://hub.customs.example/sync/push', policy, false],
    ['the hub over plain http', 'http://hub.customs.example:8620/sync/push', policy, false],
    ['the hub while none is configured', 'https://hub.customs.example:8620/sync/push', standalone, false],
    ['a camera bridge (HLS playlist)', 'http://192.168.10.5:8889/lane1/index.m3u8', policy, true],
    ['a camera bridge by WebSocket', 'ws://192.168.10.5:8889/lane1', policy, true],
    ['a WebSocket camera origin over https', 'https://bridge.port.example/cam/whep', policy, true],
    ['another host on the camera network', 'http://192.168.10.6:8889/lane1/index.m3u8', policy, false],
    ['a camera bridge that is not in the settings', 'http://192.168.10.5:8889/x', standalone, false],
    ['a font CDN', 'https://fonts.googleapis.com/css2?family=Noto+Sans+SC', policy, false],
    [
      'a script CDN',
      'https://cdn.jsdelivr.net/npm/@mediapipe/tasks-vision@0.10.14/wasm/vision_wasm_internal.wasm',
      policy,
      false,
    ],
    ['a model hub', 'https://storage.googleapis.com/mediapipe-models/face_detector/blaze_face_short_range.tflite', policy, false],
    ['telemetry', 'https://www.google-analytics.com/collect', policy, false],
    ['loopback that is not the app', 'http://127.0.0.1:9222/json', policy, false],
    ['a local file', 'file:///etc/passwd', policy, false],
    ['ftp', 'ftp://files.example/x', policy, false],
    ['credentials smuggled into a camera URL', 'http://user:pw@192.168.10.5:8889/lane1', policy, false],
    ['not a URL', 'not a url', policy, false],
  ])('%s', (_why, url, rules: RequestPolicy, allowed) => {
    expect(decideRequest(url, rules).allow).toBe(allowed);
  });

  it('allows the dev server and its hot-reload WebSocket in an unpackaged build', () => {
    const dev = requestPolicy({ hubUrl: '', cameraOrigins: [] }, ['app://clearway', 'http://localhost:5173']);
    expect(decideRequest('http://localhost:5173/src/main.tsx', dev).allow).toBe(true);
    expect(decideRequest('ws://localhost:5173/', dev).allow).toBe(true);
    expect(decideRequest('http://localhost:5174/', dev).allow).toBe(false);
  });

  it('says why a request is refused', () => {
    const decision = decideRequest('https://fonts.gstatic.com/s/x.woff2', policy);
    expect(decision).toEqual({
      allow: false,
      reason: 'https://fonts.gstatic.com is not the app, the sync hub or a camera origin in the settings',
    });
  });
});

describe('installRequestFilter', () => {
  type Listener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  function fakeSession() {
    let listener: Listener | null = null;
    const session = { webRequest: { onBeforeRequest: (l: Listener) => (listener = l) } };
    const request = (url: string) =>
      new Promise<boolean>((resolve) => listener!({ url }, (response) => resolve(response.cancel)));
    return { session, request };
  }

  it('cancels what the policy refuses, reads the settings per request and reports each refused origin once', async () => {
    const { session, request } = fakeSession();
    let current = { hubUrl: '', cameraOrigins: [] as string[] };
    const refused = vi.fn();
    installRequestFilter(session as never, () => requestPolicy(current), refused);

    expect(await request('app://clearway/index.html')).toBe(false);
    expect(await request('https://cdn.example/a.js')).toBe(true);
    expect(await request('https://cdn.example/b.js')).toBe(true);
    expect(refused).toHaveBeenCalledTimes(1);
    expect(refused.mock.calls[0]?.[0]).toBe('https://cdn.example/a.js');

    expect(await request('http://10.0.0.7:8889/cam.m3u8')).toBe(true);
    current = { hubUrl: '', cameraOrigins: ['http://10.0.0.7:8889'] };
    expect(await request('http://10.0.0.7:8889/cam.m3u8')).toBe(false);
  });
});
