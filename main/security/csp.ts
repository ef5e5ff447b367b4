/**
 * The Content-Security-Policy every renderer response carries, in Electron (app://)
 * and in the web host (http://127.0.0.1). Extra origins come from settings, so each
 * one is reduced to a bare origin here: a value with a path, quotes or a `;` could
 * otherwise widen or break the policy.
 */
export interface CspSources {
  /**
   * Origins that are the app itself but that `'self'` may not match. The web host
   * passes its `ws://127.0.0.1:PORT` here: CSP 3 lets `'self'` match same-host
   * WebSockets, but being explicit does not depend on the engine implementing that.
   * Electron passes nothing: the app:// scheme is standard and secure, so `'self'` covers it.
   */
  selfOrigins?: readonly string[];
  /** Where the renderer may fetch/connect: the sync hub and camera bridges. */
  connectOrigins: readonly string[];
  /** Where media streams may come from: camera bridges. */
  mediaOrigins: readonly string[];
}

const allowedSchemes = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** "scheme://host[:port]" for http(s)/ws(s) URLs; null for anything else or anything malformed. */
export function cspOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!allowedSchemes.has(url.protocol) || !url.hostname || url.username || url.password) return null;
  return `${url.protocol}//${url.host}`;
}

function origins(values: readonly string[] | undefined): string[] {
  const result: string[] = [];
  for (const value of values ?? []) {
    const origin = cspOrigin(value);
    if (origin && !result.includes(origin)) result.push(origin);
  }
  return result;
}

export function buildCsp(sources: CspSources): string {
  const self = ["'self'", ...origins(sources.selfOrigins)];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // sql.js compiles WebAssembly; that is the only eval allowed. (Recognition runs in the main process, natively.)
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    // antd's CSS-in-JS inserts <style> elements at run time and React renders style
    // attributes; a nonce cannot cover style attributes, so inline styles stay allowed.
    // Scripts remain strict, which is where injected markup would do harm.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['media-src', "'self'", 'blob:', ...origins(sources.mediaOrigins)],
    ['connect-src', ...dedupe([...self, ...origins(sources.connectOrigins)])],
    ['worker-src', "'self'", 'blob:'],
    // Nothing is ever framed or embedded, in either direction.
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** The CSP for the current settings: the hub and camera bridges are the only remote origins. */
export function cspForSettings(
  settings: { hubUrl: string; cameraOrigins: readonly string[] },
  selfOrigins: readonly string[] = [],
): string {
  return buildCsp({
    selfOrigins,
    connectOrigins: [...(settings.hubUrl ? [settings.hubUrl] : []), ...settings.cameraOrigins],
    mediaOrigins: settings.cameraOrigins,
  });
}
