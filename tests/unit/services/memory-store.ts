/**
 * Test fixture: the Store interface over an in-memory sql.js database, with the
 * same transaction semantics (all statements or none) and migrations applied.
 * Unit tests use it to stay fast; the createServices test uses the real store.
 */
import initSqlJs, { type Database, type SqlValue as SqlJsValue } from 'sql.js';
import type { Migration, Row, SqlParams, Statement, StatementResult, Store } from '../../../main/services/store/types';

let sqlPromise: ReturnType<typeof initSqlJs> | null = null;

export async function openMemoryStore(migrations: readonly Migration[]): Promise<Store & { db: Database }> {
  sqlPromise ??= initSqlJs();
  const SQL = await sqlPromise;
  const db = new SQL.Database();
  db.run('PRAGMA foreign_keys = ON');
  for (const migration of migrations) {
    db.run('BEGIN');
    db.run(migration.sql);
    db.run('COMMIT');
  }
  const version = migrations.reduce((max, m) => Math.max(max, m.version), 0);

  const run = (statement: Statement): StatementResult => {
    const prepared = db.prepare(statement.sql);
    try {
      if (statement.params) prepared.bind(statement.params as SqlJsValue[]);
      const rows: Row[] = [];
      while (prepared.step()) rows.push(prepared.getAsObject() as Row);
      return { changes: db.getRowsModified(), rows };
    } finally {
      prepared.free();
    }
  };

  return {
    db,
    openEvents: [{ kind: 'created' }],
    schemaVersion: version,
    async query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      return run({ sql, params }).rows as T[];
    },
    async transaction(statements: readonly Statement[]): Promise<StatementResult[]> {
      db.run('BEGIN');
      try {
        const results = statements.map(run);
        db.run('COMMIT');
        return results;
      } catch (error) {
        db.run('ROLLBACK');
        throw error;
      }
    },
    async snapshot() {},
    async close() {
      db.close();
    },
  };
}
