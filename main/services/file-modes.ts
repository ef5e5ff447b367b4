/**
 * Who may read the workstation's files. The data folder holds declarations, accounts,
 * the audit trail and evidence: only the user Clearway runs as may enter it (0700), and
 * the files that hold its data in bulk (journal segments, snapshots, logs, diagnostics)
 * are readable by that user alone (0600), even if copied out of the folder. Modes are
 * checked when the services open and a wrong one is fixed and reported, because a folder
 * restored from a backup or created by an older version may carry the umask's 0755/0644.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** One mode that was wrong and has been fixed. */
export interface ModeFix {
  path: string;
  was: string;
  now: string;
}

/** POSIX modes only: on Windows the ACLs of the user's profile folder decide, and chmod only toggles read-only. */
const POSIX = process.platform !== 'win32';

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function enforce(path: string, mode: number, fixes: ModeFix[]): void {
  if (!POSIX) return;
  const current = statSync(path).mode & 0o777;
  if (current === mode) return;
  chmodSync(path, mode);
  fixes.push({ path, was: octal(current), now: octal(mode) });
}

/** Creates the folder (0700) when missing, or fixes its mode. */
export function privateDir(path: string, fixes: ModeFix[]): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  enforce(path, PRIVATE_DIR_MODE, fixes);
}

/** The folder (0700) and every file directly in it (0600). */
export function privateFolderAndFiles(path: string, fixes: ModeFix[]): void {
  privateDir(path, fixes);
  for (const entry of readdirSync(path, { withFileTypes: true }))
    if (entry.isFile()) enforce(join(path, entry.name), PRIVATE_FILE_MODE, fixes);
}

/**
 * The data folder and the folders holding journal segments and snapshots (db/), logs and
 * diagnostics, checked and fixed; returns what was fixed so the caller can log it.
 */
export function enforceDataModes(folders: { dataDir: string; dbDir: string; logDir: string; diagnosticsDir: string }): ModeFix[] {
  const fixes: ModeFix[] = [];
  privateDir(folders.dataDir, fixes);
  for (const dir of [folders.dbDir, folders.logDir, folders.diagnosticsDir]) privateFolderAndFiles(dir, fixes);
  return fixes;
}
