import type { Shell } from 'electron';

/** Longest URL handed to the OS; longer ones are refused rather than truncated. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Whether a URL may be handed to the operating system (shell.openExternal).
 * Only https: web pages and mailto: addresses: every other scheme can launch a
 * local program (file:, custom handlers such as ms-msdt:, smb:), run script
 * (javascript:, data:) or leak over plain http:. Credentials in the URL are refused
 * (they are a phishing trick: https://bank.example@evil.example), and so is any
 * whitespace or control character, which URL parsing would silently strip.
 */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\u0000-\u001f\u007f-\u009f\\]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return url.toLowerCase().startsWith('https://') && parsed.hostname.length > 0;
  if (parsed.protocol === 'mailto:') return /^mailto:[^@/?#]+@[^@/?#]+/i.test(url);
  return false;
}

/**
 * Opens an allowed URL in the system's browser or mail client. Returns whether it
 * was opened; a refused URL never reaches the shell.
 */
export async function openExternalSafely(url: unknown, shell: Pick<Shell, 'openExternal'>): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  // Hand over the parser's serialization, so the OS sees exactly what was checked.
  await shell.openExternal(new URL(url).href);
  return true;
}
