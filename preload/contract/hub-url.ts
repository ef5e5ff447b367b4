/**
 * Where a workstation may send its device token. A bearer token crosses the
 * network in every request, so anything but a loopback hub must be `https:`;
 * the hub applies the same loopback rule before it agrees to serve plain HTTP.
 */

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bare);
  return octets !== null && Number(octets[1]) === 127 && octets.slice(2).every((o) => Number(o) <= 255);
}

/** Why a hub URL cannot be used, or null when it can ('' means standalone and is fine). */
export function hubUrlProblem(value: string): string | null {
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'the hub URL must be an absolute address such as https://hub.office.example:8620';
  }
  if (url.username || url.password) return 'the hub URL must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:')
    return isLoopbackHost(url.hostname)
      ? null
      : 'the hub URL must use https: (plain http: is allowed only for loopback: 127.0.0.1, ::1, localhost)';
  return `the hub URL must use https:, not ${url.protocol}`;
}

/** The origin a device token is bound to ('' for no or an unusable URL). */
export function hubOrigin(value: string): string {
  try {
    return value ? new URL(value).origin : '';
  } catch {
    return '';
  }
}

/** A certificate pin: the SHA-256 of the hub certificate's SubjectPublicKeyInfo, as `sha256/<base64>` (the HPKP form). */
export const HUB_PIN = /^sha256\/[A-Za-z0-9+/]{43}=$/;
