/**
 * An in-memory Store on sql.js for the repository tests: same contract as the
 * foundation's worker-backed store (atomic transactions, migrations in order),
 * without the journal and snapshots.
 */
import initSqlJs, { type Database, type SqlValue as SqlJsValue } from 'sql.js';
import type { Migration, Row, SqlParams, Statement, StatementResult, Store } from '../../../main/services/store/types';

export async function openMemoryStore(migrations: readonly Migration[]): Promise<Store & { db: Database }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('PRAGMA foreign_keys = ON');
  let version = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    db.run('BEGIN');
    db.run(m.sql);
    db.run('COMMIT');
    version = m.version;
  }
  const bind = (params?: SqlParams) => (params ?? []) as SqlJsValue[] | Record<string, SqlJsValue>;
  const run = (sql: string, params?: SqlParams): Row[] => {
    const stmt = db.prepare(sql);
    try {
      stmt.bind(bind(params));
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as Row);
      return rows;
    } finally {
      stmt.free();
    }
  };
  return {
    db,
    openEvents: [{ kind: 'created' }],
    schemaVersion: version,
    async query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      return run(sql, params) as T[];
    },
    async transaction(statements: readonly Statement[]): Promise<StatementResult[]> {
      db.run('BEGIN');
      try {
        const results = statements.map((s) => {
          const rows = run(s.sql, s.params);
          return { changes: db.getRowsModified(), rows };
        });
        db.run('COMMIT');
        return results;
      } catch (e) {
        db.run('ROLLBACK');
        throw e;
      }
    },
    async snapshot() {},
    async close() {
      db.close();
    },
  };
}
