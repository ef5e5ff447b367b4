/**
 * The workstation's customs office (Settings.office) as persisted in `<data dir>/settings.json`
 * (electron-store in Electron and conf in the web host write the same file). Profiles that
 * assign the office on receipt use it; read at each import, so a changed setting applies at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function workstationOffice(dataDir: string): string | undefined {
  try {
    const office = (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { office?: unknown }).office;
    return typeof office === 'string' && office.trim() ? office.trim() : undefined;
  } catch {
    return undefined;
  }
}
