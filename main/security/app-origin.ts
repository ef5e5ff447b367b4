/**
 * The renderer's one origin. It is served from a privileged custom scheme rather
 * than file:// (file:// pages share one origin with every local file and get extra
 * privileges); everything that trusts "the app" compares against this origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clearway';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as "scheme://host[:port]", or null when it has none.
 * WHATWG URL reports "null" for non-special schemes such as app:, so the app
 * scheme is composed by hand; only app:, http: and https: pages can be trusted.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host ? `${APP_SCHEME}://${parsed.host.toLowerCase()}` : null;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  return null;
}

/** True when the URL belongs to one of the trusted origins (by default only the app's). */
export function isTrustedUrl(url: string, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}
