import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { arch, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AppInfo, Notice } from '../../../preload/contract/schemas/app';
import type { Settings } from '../../../preload/contract/schemas/settings';
import { listAudit } from '../audit/audit-log';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../file-modes';
import type { Clock } from '../clock';
import type { Store } from '../store/types';

export interface DiagnosticsSources {
  dataDir: string;
  logDir: string;
  store: Store;
  clock: Clock;
  appInfo: () => Promise<AppInfo>;
  settings: () => Settings;
  notices: () => Notice[];
  /** Makes sure the log file holds everything logged so far. */
  flushLogs: () => Promise<void>;
  /**
   * Whether the exporting user may read the audit log (audit.read). Without it the zip
   * holds no audit entries, and app.json says why: a diagnostics file must not be a way
   * around the audit log's access.
   */
  includeAudit: boolean;
}

export interface DiagnosticsFile {
  fileName: string;
  path: string;
  bytes: number;
}

export const AUDIT_ENTRIES_IN_DIAGNOSTICS = 200;

/**
 * "Export diagnostics": one zip a support engineer can read without access to
 * the workstation. It holds logs, settings, versions, how the database opened
 * and the recent audit trail; it never holds password hashes or other secrets.
 */
export async function exportDiagnostics(sources: DiagnosticsSources): Promise<DiagnosticsFile> {
  await sources.flushLogs();
  const now = sources.clock.now();
  const audit: Zippable = sources.includeAudit
    ? { 'audit.json': json(await listAudit(sources.store, { limit: AUDIT_ENTRIES_IN_DIAGNOSTICS })) }
    : {};
  const files: Zippable = {
    'app.json': json({
      ...(await sources.appInfo()),
      runtime: runtimeInfo(),
      exportedAt: now.toISOString(),
      audit: sources.includeAudit
        ? `the latest ${AUDIT_ENTRIES_IN_DIAGNOSTICS} entries are in audit.json`
        : 'left out: the user who exported this may not read the audit log',
    }),
    'settings.json': json(withoutUrlCredentials(sources.settings())),
    'store.json': json({ schemaVersion: sources.store.schemaVersion, openEvents: sources.store.openEvents }),
    ...audit,
    'notices.json': json(sources.notices()),
    logs: await readLogs(sources.logDir),
  };
  const zip = zipSync(files, { level: 6, mtime: now });
  const dir = join(sources.dataDir, 'diagnostics');
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const fileName = `clearway-diagnostics-${fileTimestamp(now)}.zip`;
  const path = join(dir, fileName);
  await writeFile(path, zip, { mode: PRIVATE_FILE_MODE });
  return { fileName, path, bytes: zip.byteLength };
}

async function readLogs(logDir: string): Promise<Zippable> {
  const logs: Zippable = {};
  const names = await readdir(logDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.includes('.log')).sort()) {
    // Rotated generations are already gzipped: store them as they are.
    const content = await readFile(join(logDir, name)).catch(() => null);
    if (content) logs[name] = name.endsWith('.gz') ? [new Uint8Array(content), { level: 0 }] : new Uint8Array(content);
  }
  return logs;
}

function runtimeInfo(): Record<string, unknown> {
  return {
    platform: process.platform,
    arch: arch(),
    osRelease: release(),
    totalMemoryBytes: totalmem(),
    versions: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      v8: process.versions.v8,
    },
    uptimeSeconds: Math.round(process.uptime()),
  };
}

/** Settings hold no secrets today; a hub or camera URL could still carry user:password@. */
function withoutUrlCredentials(settings: Settings): Settings {
  const strip = (url: string): string => {
    if (!url) return url;
    try {
      const parsed = new URL(url);
      if (!parsed.username && !parsed.password) return url;
      parsed.username = '';
      parsed.password = '';
      return parsed.toString();
    } catch {
      return url;
    }
  };
  return { ...settings, hubUrl: strip(settings.hubUrl), cameraOrigins: settings.cameraOrigins.map(strip) };
}

function json(value: unknown): Uint8Array {
  return strToU8(`${JSON.stringify(value, null, 2)}\n`);
}

/** 2026-03-02T08-00-00Z: sortable and valid in file names on every platform. */
function fileTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}
