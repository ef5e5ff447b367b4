import type { Database } from 'sql.js';
import type { Migration, Statement } from './types';

/**
 * Numbered schema migrations. `PRAGMA user_version` is the authoritative version (it
 * lives in the database header and is transactional); `schema_migrations` keeps a
 * readable history. Each migration is one journaled transaction, so a crash between
 * two migrations leaves a consistent, resumable version.
 */

const HISTORY_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)';

/** Sorted copy; refuses duplicates and non-positive or fractional versions. */
export function orderMigrations(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (!Number.isSafeInteger(migration.version) || migration.version < 1) {
      throw new Error(`migration "${migration.name}" has invalid version ${migration.version}; versions are positive integers`);
    }
    const previous = sorted[index - 1];
    if (previous && previous.version === migration.version) {
      throw new Error(`migrations "${previous.name}" and "${migration.name}" share version ${migration.version}`);
    }
  });
  return sorted;
}

export function readSchemaVersion(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
}

export class SchemaTooNewError extends Error {
  constructor(storeName: string, found: number, known: number) {
    super(
      `database "${storeName}" is at schema version ${found}, newer than this build of Clearway knows (${known}); ` +
        'refusing to open it so it is not damaged. Install the newer Clearway version that wrote it.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Applies every migration above the database's version, in order, each through
 * `commit` (the store's journaled transaction). Returns the versions before and after.
 */
export function runMigrations(
  db: Database,
  storeName: string,
  migrations: readonly Migration[],
  commit: (statements: Statement[]) => void,
  now: () => number = Date.now,
): { from: number; to: number } {
  const ordered = orderMigrations(migrations);
  const from = readSchemaVersion(db);
  const known = ordered.at(-1)?.version ?? 0;
  if (from > known) throw new SchemaTooNewError(storeName, from, known);
  for (const migration of ordered) {
    if (migration.version <= from) continue;
    try {
      commit([
        { sql: HISTORY_TABLE },
        { sql: migration.sql },
        // The time is a bound value, not 'now' in SQL, so journal replay writes the same row.
        {
          sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
          params: [migration.version, migration.name, now()],
        },
        { sql: `PRAGMA user_version = ${migration.version}` },
      ]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`migration ${migration.version} "${migration.name}" failed: ${message}`);
    }
  }
  return { from, to: readSchemaVersion(db) };
}
