/**
 * Reads the camera-bridge origins a supervisor types, one per line, into the bare
 * origins the CSP's connect-src and media-src take (see main/security/csp.ts).
 * Each bad line is reported with its number, its text and why, so the officer can
 * fix exactly that line.
 */
export type OriginProblemKind = 'not-a-url' | 'scheme' | 'path' | 'credentials' | 'duplicate' | 'too-many';

export interface OriginProblem {
  /** 1-based line number in the text. */
  line: number;
  value: string;
  kind: OriginProblemKind;
}

export interface ParsedOrigins {
  origins: string[];
  problems: OriginProblem[];
}

/** The most origins the settings schema accepts. */
export const maxCameraOrigins = 64;

const allowedProtocols = new Set(['http:', 'https:', 'ws:', 'wss:']);

export function parseCameraOrigins(text: string): ParsedOrigins {
  const origins: string[] = [];
  const problems: OriginProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const value = raw.trim();
    if (!value) return;
    const line = index + 1;
    const kind = problemOf(value);
    if (kind) {
      problems.push({ line, value, kind });
      return;
    }
    const origin = new URL(value).origin;
    if (origins.includes(origin)) problems.push({ line, value, kind: 'duplicate' });
    else if (origins.length >= maxCameraOrigins) problems.push({ line, value, kind: 'too-many' });
    else origins.push(origin);
  });
  return { origins, problems };
}

function problemOf(value: string): OriginProblemKind | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not-a-url';
  }
  if (!allowedProtocols.has(url.protocol) || !url.hostname) return 'scheme';
  if (url.username || url.password) return 'credentials';
  // An origin only: a path, query or fragment would suggest the CSP narrows to it, which it does not.
  if (url.pathname !== '/' || url.search || url.hash) return 'path';
  return null;
}

/** The stored origins as the editor's text, one per line. */
export function formatCameraOrigins(origins: readonly string[]): string {
  return origins.join('\n');
}
