import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../preload/contract/schemas/settings';
import { auditStatement } from '../../../main/services/audit/audit-log';
import { ManualClock } from '../../../main/services/clock';
import { exportDiagnostics } from '../../../main/services/diagnostics/export';
import { createLogger } from '../../../main/services/logging/logger';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('export diagnostics', () => {
  it('zips logs, settings, app info, store events and the last 200 audit entries, with no secrets', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-diag-'));
    dirs.push(dataDir);
    const logDir = join(dataDir, 'logs');
    const logger = createLogger(logDir);
    logger.info({ input: { username: 'officer.li', password: 'hunter2 hunter2' } }, 'login attempt');
    const store = await openMemoryStore(migrations);
    const at = new Date('2026-03-02T08:00:00.000Z');
    await store.transaction(Array.from({ length: 230 }, (_, i) => auditStatement({ at, actor: null, action: `test.${i}` })));
    const clock = new ManualClock('2026-03-02T09:15:30.000Z');

    const result = await exportDiagnostics({
      dataDir,
      logDir,
      store,
      clock,
      appInfo: async () => ({ name: 'Clearway', version: '0.1.0', host: 'web', platform: 'linux', mode: 'live', demo: false }),
      settings: () => ({ ...defaultSettings, hubUrl: 'https://sync:s3cret@hub.customs.example/' }),
      notices: () => [],
      flushLogs: () => logger.flushToDisk(),
      includeAudit: true,
    });

    expect(result.fileName).toBe('clearway-diagnostics-2026-03-02T09-15-30Z.zip');
    expect(result.path).toBe(join(dataDir, 'diagnostics', result.fileName));
    expect(statSync(result.path).size).toBe(result.bytes);

    const files = unzipSync(new Uint8Array(readFileSync(result.path)));
    expect(
      Object.keys(files)
        .filter((name) => !name.endsWith('/'))
        .sort(),
    ).toEqual(['app.json', 'audit.json', 'logs/clearway.log', 'notices.json', 'settings.json', 'store.json']);
    const read = (name: string) => JSON.parse(strFromU8(files[name]!));
    expect(read('app.json')).toMatchObject({ name: 'Clearway', version: '0.1.0', runtime: { platform: process.platform } });
    expect(read('settings.json').hubUrl).toBe('https://hub.customs.example/');
    expect(read('store.json')).toEqual({ schemaVersion: migrations.length, openEvents: [{ kind: 'created' }] });
    const audit = read('audit.json') as { seq: number }[];
    expect(audit).toHaveLength(200);
    expect(audit[0]!.seq).toBe(230);
    const log = strFromU8(files['logs/clearway.log']!);
    expect(log).toContain('login attempt');
    expect(log).not.toContain('hunter2');
    expect(log).toContain('[redacted]');
    await logger.close();
  });
});
