import initSqlJs, { type Database } from 'sql.js';
import type { Migration, Row, SqlParams, Statement, StatementResult, Store } from '../../../main/services/store/types';

/**
 * An in-memory Store for tests: same contract (query, atomic transaction with
 * rollback on any error), no journal or snapshots.
 */
export async function memoryStore(migrations: readonly Migration[]): Promise<Store & { db: Database }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) db.exec(migration.sql);

  const run = (sql: string, params?: SqlParams): Row[] => {
    const stmt = db.prepare(sql);
    try {
      if (params !== undefined) stmt.bind(params as never);
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as Row);
      return rows;
    } finally {
      stmt.free();
    }
  };

  return {
    db,
    openEvents: [],
    schemaVersion: ordered.at(-1)?.version ?? 0,
    async query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      return run(sql, params) as T[];
    },
    async transaction(statements: readonly Statement[]): Promise<StatementResult[]> {
      db.exec('BEGIN');
      try {
        const results = statements.map((s) => {
          const rows = run(s.sql, s.params);
          return { changes: db.getRowsModified(), rows };
        });
        db.exec('COMMIT');
        return results;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async snapshot(): Promise<void> {},
    async close(): Promise<void> {
      db.close();
    },
  };
}
