import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A device token and the hub origin it was issued for: it is only ever sent there. */
export interface BoundHubToken {
  token: string;
  /** e.g. https://hub.office.example:8620; '' for a token stored before tokens were bound (bound on first use). */
  origin: string;
}

/**
 * The device token lives in <dataDir>/keys/hub-token (mode 0600), not in the
 * settings file: settings are exported with diagnostics and shown in the UI,
 * the token must be neither. The file holds `{ origin, token }` as JSON; a file
 * holding only a token line is from before tokens were bound to their origin.
 */
export class HubTokenFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'keys', 'hub-token');
  }

  /** The stored token, or null when there is none. */
  read(): BoundHubToken | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(
        `Could not read the hub device token at ${this.path}: ${(error as Error).message}. Check the file's permissions.`,
        { cause: error },
      );
    }
    if (text === '') return null;
    if (!text.startsWith('{')) return { token: text, origin: '' };
    const parsed = JSON.parse(text) as Partial<BoundHubToken>;
    if (typeof parsed.token !== 'string' || typeof parsed.origin !== 'string' || parsed.token === '')
      throw new Error(
        `The hub device token file ${this.path} is damaged; a supervisor enters the token again in Settings › Sync.`,
      );
    return { token: parsed.token, origin: parsed.origin };
  }

  /** Replaces the token atomically; null removes it. */
  write(bound: BoundHubToken | null): void {
    if (bound === null || bound.token === '') return void rmSync(this.path, { force: true });
    mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ origin: bound.origin, token: bound.token })}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.path);
  }
}
