import type { BindParams, Database, Statement as SqlJsStatement } from 'sql.js';
import { StatementCache, type ChangeKind } from './statement-cache';
import type { Row, SqlParams, Statement, StatementResult } from './types';

/**
 * Runs statements against the in-memory sql.js database. Used both for live
 * transactions and for journal replay, so both bind and execute in exactly the same way.
 *
 * Per statement the cost is kept to bind + step: statements are prepared once per SQL
 * text (StatementCache), and `changes` comes from sqlite3_changes() for INSERT/UPDATE/
 * DELETE instead of two `SELECT total_changes()` round trips.
 */

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function snippet(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

export class SqlExecutor {
  private readonly cache: StatementCache;
  private totalChangesStmt: SqlJsStatement | null = null;

  constructor(
    private readonly db: Database,
    private readonly foreignKeys: boolean,
    cacheSize?: number,
  ) {
    this.cache = new StatementCache(db, cacheSize);
    this.applyConnectionPragmas();
  }

  /** How many statements the cache holds prepared (bounded by its capacity). */
  get cachedStatements(): number {
    return this.cache.size;
  }

  /** Per-connection settings; re-applied after db.export() in case the sql.js version reopens the connection. */
  private applyConnectionPragmas(): void {
    // The image lives in wasm memory and durability comes from our journal, so sqlite's
    // own rollback journal only needs to support ROLLBACK: keep it in memory.
    this.db.exec(
      `PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ${this.foreignKeys ? 'ON' : 'OFF'};`,
    );
  }

  private totalChanges(): number {
    this.totalChangesStmt ??= this.db.prepare('SELECT total_changes()');
    try {
      this.totalChangesStmt.step();
      return Number(this.totalChangesStmt.get()[0] ?? 0);
    } finally {
      this.totalChangesStmt.reset();
    }
  }

  /**
   * Executes one Statement (its sql may hold several statements when it has no
   * parameters, as migrations do) and collects its rows.
   */
  runStatement(sql: string, params: SqlParams | undefined): StatementResult {
    const cached = this.cache.get(sql);
    if (cached) return this.runCached(cached.stmt, cached.kind, params);
    const result = this.runThroughIterator(sql, params);
    if (!this.cache.isUncacheable(sql)) this.cache.remember(sql, result.statementCount);
    return { changes: result.changes, rows: result.rows };
  }

  private runCached(stmt: SqlJsStatement, kind: ChangeKind, params: SqlParams | undefined): StatementResult {
    const before = kind === 'other' ? this.totalChanges() : 0;
    const rows: Row[] = [];
    try {
      // bind() resets first; a statement without params was reset (bindings cleared) after its last use.
      if (params !== undefined) stmt.bind(params as BindParams);
      while (stmt.step()) rows.push(stmt.getAsObject() as Row);
    } finally {
      // Leaves the statement idle (not holding the transaction open) and drops its bindings.
      stmt.reset();
    }
    return { changes: this.changesSince(kind, before), rows };
  }

  private changesSince(kind: ChangeKind, before: number): number {
    if (kind === 'read') return 0;
    if (kind === 'dml') return this.db.getRowsModified();
    // getRowsModified() reports the last INSERT/UPDATE/DELETE even when this statement
    // changed nothing itself; only trust it when the total moved.
    return this.totalChanges() === before ? 0 : this.db.getRowsModified();
  }

  private runThroughIterator(sql: string, params: SqlParams | undefined): StatementResult & { statementCount: number } {
    const before = this.totalChanges();
    const rows: Row[] = [];
    let count = 0;
    for (const stmt of this.db.iterateStatements(sql)) {
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
    return { changes: this.changesSince('other', before), rows, statementCount: count };
  }

  private rollbackQuietly(): void {
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // sqlite already rolled back on its own (e.g. after SQLITE_FULL); nothing to undo.
    }
  }

  /**
   * BEGIN, every statement, then `beforeCommit` (where the caller journals the
   * transaction), then COMMIT. Any failure rolls back and is rethrown naming the statement.
   */
  runTransaction(statements: readonly Statement[], beforeCommit: () => () => void): StatementResult[] {
    this.db.exec('BEGIN IMMEDIATE');
    const results: StatementResult[] = [];
    let index = 0;
    try {
      for (; index < statements.length; index += 1) {
        const statement = statements[index] as Statement;
        results.push(this.runStatement(statement.sql, statement.params));
      }
    } catch (error) {
      this.rollbackQuietly();
      const failed = statements[index];
      throw new Error(`transaction failed at statement ${index} (${snippet(failed?.sql ?? '')}): ${messageOf(error)}`);
    }
    let undoJournal: () => void;
    try {
      undoJournal = beforeCommit();
    } catch (error) {
      this.rollbackQuietly();
      throw new Error(`transaction not committed, journal write failed: ${messageOf(error)}`);
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      // Deferred constraints can still fail here; the journal record must go too.
      this.rollbackQuietly();
      undoJournal();
      throw new Error(`transaction failed at commit: ${messageOf(error)}`);
    }
    return results;
  }

  /** Read-only query: query_only makes sqlite refuse writes, so nothing unjournaled can change. */
  runQuery(sql: string, params: SqlParams | undefined): Row[] {
    this.runStatement('PRAGMA query_only = ON', undefined);
    try {
      return this.runStatement(sql, params).rows;
    } finally {
      this.runStatement('PRAGMA query_only = OFF', undefined);
    }
  }

  /** The database image for a snapshot; prepared statements are finalized first and rebuilt on demand. */
  exportImage(): Uint8Array {
    this.dropPreparedStatements();
    const image = this.db.export();
    this.applyConnectionPragmas();
    return image;
  }

  private dropPreparedStatements(): void {
    this.cache.clear();
    this.totalChangesStmt?.free();
    this.totalChangesStmt = null;
  }

  /** Finalizes the cached statements and closes the database. */
  close(): void {
    this.dropPreparedStatements();
    this.db.close();
  }
}
