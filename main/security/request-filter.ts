/**
 * The Electron session's network allow-list. The workstation works without a
 * network and must never reach one it was not told about: every request a page,
 * worker or service worker makes is checked here (session.webRequest), under the
 * CSP, and refused unless it goes to the app itself, a camera bridge listed in the
 * settings (cameraOrigins) or the configured sync hub. A CDN font, a model fetched
 * from a default URL or a telemetry ping is cancelled and logged, never sent.
 */
import type { Session } from 'electron';
import { APP_ORIGIN } from './app-origin';
import { cspOrigin } from './csp';

export interface RequestPolicy {
  /** The app's own origins: app://clearway, plus the dev server in an unpackaged build. */
  appOrigins: readonly string[];
  /** The settings' sync hub URL ('' when none is configured). */
  hubUrl: string;
  /** The settings' camera bridge origins. */
  cameraOrigins: readonly string[];
}

export type RequestDecision = { allow: true } | { allow: false; reason: string };

/** Schemas whose requests never leave the process: in-memory data and the browser's own pages. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

/** A WebSocket to an origin is allowed when the origin is: ws: pairs with http:, wss: with https:. */
const WEB_SCHEME_OF: Record<string, string> = { 'ws:': 'http:', 'wss:': 'https:', 'http:': 'http:', 'https:': 'https:' };

/** "scheme://host[:port]" with WebSocket schemes folded to their HTTP pair; null for anything else. */
function comparableOrigin(value: string): string | null {
  const origin = cspOrigin(value);
  if (!origin) return null;
  const url = new URL(origin);
  return `${WEB_SCHEME_OF[url.protocol] ?? url.protocol}//${url.host}`;
}

/** The decision for one request URL: a pure function of the URL and the settings in force. */
export function decideRequest(url: string, policy: RequestPolicy): RequestDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allow: false, reason: 'not a URL' };
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return { allow: true };
  if (parsed.protocol === 'app:') {
    const origin = `app://${parsed.host.toLowerCase()}`;
    return policy.appOrigins.includes(origin) ? { allow: true } : { allow: false, reason: `${origin} is not the app` };
  }
  const origin = comparableOrigin(url);
  if (!origin) return { allow: false, reason: `${parsed.protocol} requests are not allowed` };
  const allowed = [
    ...policy.appOrigins.map(comparableOrigin),
    ...(policy.hubUrl ? [comparableOrigin(policy.hubUrl)] : []),
    ...policy.cameraOrigins.map(comparableOrigin),
  ];
  if (allowed.includes(origin)) return { allow: true };
  return { allow: false, reason: `${origin} is not the app, the sync hub or a camera origin in the settings` };
}

/**
 * Installs the allow-list on a session; `policy` is read per request so a hub or
 * camera origin saved in the settings applies at once. Refusals are reported once
 * per origin, so a page retrying in a loop cannot flood the log.
 */
export function installRequestFilter(
  session: Pick<Session, 'webRequest'>,
  policy: () => RequestPolicy,
  onRefused: (url: string, reason: string) => void,
): void {
  const reported = new Set<string>();
  session.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRequest(details.url, policy());
    if (!decision.allow) {
      const key = cspOrigin(details.url) ?? details.url.slice(0, 100);
      if (!reported.has(key)) {
        reported.add(key);
        onRefused(details.url.slice(0, 300), decision.reason);
      }
    }
    callback({ cancel: !decision.allow });
  });
}

/** The policy for the current settings. */
export function requestPolicy(
  settings: { hubUrl: string; cameraOrigins: readonly string[] },
  appOrigins: readonly string[] = [APP_ORIGIN],
): RequestPolicy {
  return { appOrigins, hubUrl: settings.hubUrl, cameraOrigins: settings.cameraOrigins };
}
