/**
 * The app:// scheme the renderer is served from. Registered as privileged (standard
 * and secure) so it gets a real origin, `'self'` in the CSP, fetch and secure-context
 * APIs (getUserMedia), unlike file://. Files come only from the built renderer, and
 * every response carries the CSP.
 */
import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../security/app-origin';
import { lookupStatic } from './web-static';

export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** Must run before the app's ready event (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}

export interface AppProtocolOptions {
  /** The built renderer (out/renderer), as a real path. */
  rendererRoot: string;
  /** The policy for this response; read per request so settings changes apply on the next load. */
  csp: () => string;
}

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, { status, headers: securityHeaders(csp, 'text/plain; charset=utf-8') });
}

function securityHeaders(csp: string, contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The renderer is rebuilt with the app; never serve a stale page after an update.
    'Cache-Control': 'no-cache',
  });
}

/** Answers one app:// request from the renderer folder; nothing outside it is ever read. */
export async function serveAppRequest(request: Pick<Request, 'url' | 'method'>, options: AppProtocolOptions): Promise<Response> {
  const csp = options.csp();
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad request', csp);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found', csp);
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', csp);

  const found = await lookupStatic(options.rendererRoot, url.pathname);
  switch (found.kind) {
    case 'file': {
      const body = request.method === 'HEAD' ? null : await readFile(found.path);
      return new Response(body, { status: 200, headers: securityHeaders(csp, found.contentType) });
    }
    case 'forbidden':
      return plain(403, 'Forbidden', csp);
    case 'bad-request':
      return plain(400, 'Bad request', csp);
    case 'not-found':
      return plain(404, 'Not found', csp);
  }
}

/** Serves app:// from the renderer folder; call after ready. */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}
