import type { BindParams, Database } from 'sql.js';
import type { Row, SqlParams, Statement, StatementResult } from './types';

/**
 * Runs statements against the in-memory sql.js database. Used both for live
 * transactions and for journal replay, so both bind and execute in exactly the same way.
 */

/** Per-connection settings; re-applied after db.export(), which closes and reopens the connection. */
export function applyConnectionPragmas(db: Database, foreignKeys: boolean): void {
  // The image lives in wasm memory and durability comes from our journal, so sqlite's
  // own rollback journal only needs to support ROLLBACK: keep it in memory.
  db.exec(`PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'};`);
}

function totalChanges(db: Database): number {
  const result = db.exec('SELECT total_changes()');
  return Number(result[0]?.values[0]?.[0] ?? 0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function snippet(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/**
 * Executes one Statement (its sql may hold several statements when it has no
 * parameters, as migrations do) and collects its rows.
 */
export function runStatement(db: Database, sql: string, params: SqlParams | undefined): StatementResult {
  const before = totalChanges(db);
  const rows: Row[] = [];
  const iterator = db.iterateStatements(sql);
  let count = 0;
  for (const stmt of iterator) {
    count += 1;
    try {
      if (params !== undefined) {
        if (count > 1) throw new Error('parameters can only be bound to a single SQL statement');
        stmt.bind(params as BindParams);
      }
      while (stmt.step()) rows.push(stmt.getAsObject() as Row);
    } finally {
      stmt.free();
    }
  }
  // getRowsModified() reports the last INSERT/UPDATE/DELETE even when this statement
  // was a SELECT; only trust it when this statement changed something.
  const changes = totalChanges(db) === before ? 0 : db.getRowsModified();
  return { changes, rows };
}

function rollbackQuietly(db: Database): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // sqlite already rolled back on its own (e.g. after SQLITE_FULL); nothing to undo.
  }
}

/**
 * BEGIN, every statement, then `beforeCommit` (where the caller journals the
 * transaction), then COMMIT. Any failure rolls back and is rethrown naming the statement.
 */
export function runTransaction(db: Database, statements: readonly Statement[], beforeCommit: () => () => void): StatementResult[] {
  db.exec('BEGIN IMMEDIATE');
  const results: StatementResult[] = [];
  try {
    statements.forEach((statement, index) => {
      try {
        results.push(runStatement(db, statement.sql, statement.params));
      } catch (error) {
        throw new Error(`transaction failed at statement ${index} (${snippet(statement.sql)}): ${messageOf(error)}`);
      }
    });
  } catch (error) {
    rollbackQuietly(db);
    throw error;
  }
  let undoJournal: () => void;
  try {
    undoJournal = beforeCommit();
  } catch (error) {
    rollbackQuietly(db);
    throw new Error(`transaction not committed, journal write failed: ${messageOf(error)}`);
  }
  try {
    db.exec('COMMIT');
  } catch (error) {
    // Deferred constraints can still fail here; the journal record must go too.
    rollbackQuietly(db);
    undoJournal();
    throw new Error(`transaction failed at commit: ${messageOf(error)}`);
  }
  return results;
}

/** Read-only query: query_only makes sqlite refuse writes, so nothing unjournaled can change. */
export function runQuery(db: Database, sql: string, params: SqlParams | undefined): Row[] {
  db.exec('PRAGMA query_only = ON');
  try {
    return runStatement(db, sql, params).rows;
  } finally {
    db.exec('PRAGMA query_only = OFF');
  }
}
