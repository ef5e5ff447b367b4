/**
 * The data folder is the user's alone (0700) and the files holding its data in bulk are
 * owner-only (0600): new ones are created so, and wrong ones are fixed, with a warning,
 * when the services open. Real files on disk (POSIX modes; Windows has none to check).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { exportDiagnostics } from '../../../main/services/diagnostics/export';
import { enforceDataModes } from '../../../main/services/file-modes';
import { createLogger } from '../../../main/services/logging/logger';
import { migrations } from '../../../main/services/migrations';
import { openStore } from '../../../main/services/store';
import { startTempServices } from '../services/temp-services';
import { defaultSettings } from '../../../preload/contract/schemas/settings';

const mode = (path: string) => `0${(statSync(path).mode & 0o777).toString(8)}`;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-modes-'));
  dirs.push(dir);
  return dir;
}

describe.skipIf(process.platform === 'win32')('file modes', { timeout: 60_000 }, () => {
  it('creates journal segments, snapshots, logs and diagnostics owner-only under a permissive umask', async () => {
    const previous = process.umask(0o002);
    try {
      const dataDir = tempDir();
      const dbDir = join(dataDir, 'db');
      const store = await openStore({ dir: dbDir, name: 'live', migrations });
      await store.transaction([{ sql: 'CREATE TABLE IF NOT EXISTS t (x)', params: [] }]);
      await store.snapshot();
      await store.close();
      expect(mode(dbDir)).toBe('0700');
      const files = readdirSync(dbDir);
      expect(files).toContain('live.snapshot');
      expect(files.some((f) => f.startsWith('live.journal.'))).toBe(true);
      for (const file of files) expect(`${file} ${mode(join(dbDir, file))}`).toBe(`${file} 0600`);

      const logDir = join(dataDir, 'logs');
      const logger = createLogger(logDir);
      logger.info('line');
      await logger.close();
      expect(mode(logDir)).toBe('0700');
      expect(mode(join(logDir, 'clearway.log'))).toBe('0600');

      const memory = await openStore({ dir: join(dataDir, 'db2'), name: 'live', migrations });
      const diagnostics = await exportDiagnostics({
        dataDir,
        logDir,
        store: memory,
        clock: new ManualClock('2026-03-02T09:15:30.000Z'),
        appInfo: async () => ({ name: 'Clearway', version: '0.1.0', host: 'web', platform: 'linux', mode: 'live', demo: false }),
        settings: () => defaultSettings,
        notices: () => [],
        flushLogs: async () => undefined,
        includeAudit: true,
      });
      await memory.close();
      expect(mode(join(dataDir, 'diagnostics'))).toBe('0700');
      expect(mode(diagnostics.path)).toBe('0600');
    } finally {
      process.umask(previous);
    }
  });

  it('fixes a data folder restored with group and world access when the services open, and logs each fix', async () => {
    const dataDir = tempDir();
    const first = await startTempServices('cw-modes', { dataDir });
    await first.cleanup();
    const widened = [dataDir, join(dataDir, 'db'), join(dataDir, 'logs')];
    for (const dir of widened) chmodSync(dir, 0o755);
    const dbFiles = readdirSync(join(dataDir, 'db')).map((f) => join(dataDir, 'db', f));
    expect(dbFiles.length).toBeGreaterThan(0);
    for (const file of dbFiles) chmodSync(file, 0o644);
    chmodSync(join(dataDir, 'logs', 'clearway.log'), 0o644);
    writeFileSync(join(dataDir, 'diagnostics', 'old.zip'), 'zip', { mode: 0o666 });
    chmodSync(join(dataDir, 'diagnostics', 'old.zip'), 0o666);

    const second = await startTempServices('cw-modes', { dataDir });
    await second.cleanup();
    for (const dir of widened) expect(`${dir} ${mode(dir)}`).toBe(`${dir} 0700`);
    for (const file of dbFiles) expect(`${file} ${mode(file)}`).toBe(`${file} 0600`);
    expect(mode(join(dataDir, 'logs', 'clearway.log'))).toBe('0600');
    expect(mode(join(dataDir, 'diagnostics', 'old.zip'))).toBe('0600');

    const warnings = readFileSync(join(dataDir, 'logs', 'clearway.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('file mode was wider than owner-only'))
      .map((line) => JSON.parse(line) as { path: string; was: string; now: string });
    expect(warnings).toContainEqual(expect.objectContaining({ path: dataDir, was: '0755', now: '0700' }));
    expect(warnings).toContainEqual(expect.objectContaining({ path: dbFiles[0], was: '0644', now: '0600' }));
    expect(warnings).toContainEqual(
      expect.objectContaining({ path: join(dataDir, 'diagnostics', 'old.zip'), was: '0666', now: '0600' }),
    );
  });

  it('reports nothing when every mode is already right', () => {
    const dataDir = tempDir();
    const folders = {
      dataDir,
      dbDir: join(dataDir, 'db'),
      logDir: join(dataDir, 'logs'),
      diagnosticsDir: join(dataDir, 'diagnostics'),
    };
    enforceDataModes(folders);
    writeFileSync(join(dataDir, 'logs', 'clearway.log'), '', { mode: 0o600 });
    expect(enforceDataModes(folders)).toEqual([]);
  });
});
