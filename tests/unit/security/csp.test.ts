import { describe, expect, it } from 'vitest';
import { buildCsp, cspForSettings, cspOrigin } from '../../../main/security/csp';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `duplicate directive ${name}`).toBe(false);
    map.set(name, values);
  }
  return map;
}

describe('buildCsp', () => {
  const hub = 'https://hub.customs.example:8443/api/v1';
  const camera = 'http://10.0.0.12:8080/stream';
  const policy = directives(buildCsp({ connectOrigins: [hub, camera], mediaOrigins: [camera] }));

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:', 'http://10.0.0.12:8080']],
    ['connect-src', ["'self'", 'https://hub.customs.example:8443', 'http://10.0.0.12:8080']],
    ['worker-src', ["'self'", 'blob:']],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('%s is exactly %j', (name, expected) => {
    expect(policy.get(name)).toEqual(expected);
  });

  it('never allows script eval or inline scripts', () => {
    const csp = buildCsp({ connectOrigins: [], mediaOrigins: [] });
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives(csp).get('script-src')).not.toContain("'unsafe-inline'");
  });

  it("adds the web host's own WebSocket origin to connect-src only", () => {
    const csp = directives(buildCsp({ selfOrigins: ['ws://127.0.0.1:4321'], connectOrigins: [], mediaOrigins: [] }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4321']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it('drops values that are not http(s)/ws(s) origins, so settings cannot inject directives', () => {
    const csp = buildCsp({
      connectOrigins: [
        "https://a.example; script-src 'unsafe-inline'",
        'javascript:alert(1)',
        '*',
        'not a url',
        'https://user:pw@b.example',
        'file:///etc',
      ],
      mediaOrigins: ["'unsafe-inline'", 'data:'],
    });
    const policy = directives(csp);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it('lists each origin once', () => {
    const csp = directives(buildCsp({ connectOrigins: ['https://a.example/x', 'https://a.example/y'], mediaOrigins: [] }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://a.example']);
  });
});

describe('cspOrigin', () => {
  it.each([
    ['https://hub.example/path?q=1#f', 'https://hub.example'],
    ['wss://cam.example:9000/ws', 'wss://cam.example:9000'],
    ['HTTP://Cam.Example', 'http://cam.example'],
    ['https://hub.example:443/', 'https://hub.example'],
  ])('%s → %s', (input, origin) => {
    expect(cspOrigin(input)).toBe(origin);
  });

  it.each(['ftp://x.example', 'app://clearway', 'https://', '', 'https://u@x.example'])('refuses %j', (input) => {
    expect(cspOrigin(input)).toBeNull();
  });
});

describe('cspForSettings', () => {
  it('allows the hub for connections and camera bridges for connections and media', () => {
    const policy = directives(cspForSettings({ hubUrl: 'https://hub.example', cameraOrigins: ['http://cam.local:81'] }));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://hub.example', 'http://cam.local:81']);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:', 'http://cam.local:81']);
  });

  it('allows no remote origin for a standalone workstation', () => {
    const policy = directives(cspForSettings({ hubUrl: '', cameraOrigins: [] }));
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });
});
