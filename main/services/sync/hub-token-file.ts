import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The device token lives in <dataDir>/keys/hub-token (mode 0600), not in the
 * settings file: settings are exported with diagnostics and shown in the UI,
 * the token must be neither.
 */
export class HubTokenFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'keys', 'hub-token');
  }

  read(): string {
    try {
      return readFileSync(this.path, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw new Error(
        `Could not read the hub device token at ${this.path}: ${(error as Error).message}. Check the file's permissions.`,
        { cause: error },
      );
    }
  }

  /** Replaces the token atomically; '' removes it. */
  write(token: string): void {
    if (token === '') return void rmSync(this.path, { force: true });
    mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${token}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.path);
  }
}
