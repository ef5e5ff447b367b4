import type { Database, Statement as SqlJsStatement } from 'sql.js';

/**
 * Prepared statements kept by SQL text, least recently used evicted first.
 *
 * Services send the same few dozen SQL texts over and over (a bulk import sends each
 * of them a thousand times per transaction); compiling them once instead of per
 * statement is most of the executor's speed. Only texts holding exactly one SQL
 * statement are cached — a multi-statement text (a migration) goes through sql.js'
 * iterator every time. Evicted statements are finalized at once, so the number of
 * live sqlite statements (and their wasm memory) stays bounded.
 */

/** How a statement's `changes` is read; decided once per SQL text from its leading keyword. */
export type ChangeKind =
  /** INSERT / UPDATE / DELETE / REPLACE: sqlite3_changes() is exactly this statement's count. */
  | 'dml'
  /** SELECT / VALUES: cannot change rows. */
  | 'read'
  /** Anything else (WITH, PRAGMA, DDL…): compare total_changes() before and after. */
  | 'other';

export interface CachedStatement {
  stmt: SqlJsStatement;
  kind: ChangeKind;
}

export const DEFAULT_STATEMENT_CACHE_SIZE = 256;

/** Skips whitespace and SQL comments, returning the first keyword in upper case. */
export function leadingKeyword(sql: string): string {
  let i = 0;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i] as string)) i += 1;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      if (end < 0) return '';
      i = end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return '';
      i = end + 2;
    } else break;
  }
  const match = /^[A-Za-z]+/.exec(sql.slice(i, i + 16));
  return match ? match[0].toUpperCase() : '';
}

export function changeKindOf(sql: string): ChangeKind {
  switch (leadingKeyword(sql)) {
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'REPLACE':
      return 'dml';
    case 'SELECT':
    case 'VALUES':
      return 'read';
    default:
      return 'other';
  }
}

export class StatementCache {
  private readonly entries = new Map<string, CachedStatement>();
  /** Texts known to hold more than one statement (or none): never cached, never re-checked. */
  private readonly uncacheable = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly capacity = DEFAULT_STATEMENT_CACHE_SIZE,
  ) {
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new Error(`statement cache capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached statement for `sql`, marked most recently used; undefined when not cached. */
  get(sql: string): CachedStatement | undefined {
    const entry = this.entries.get(sql);
    if (entry) {
      this.entries.delete(sql);
      this.entries.set(sql, entry);
    }
    return entry;
  }

  isUncacheable(sql: string): boolean {
    return this.uncacheable.has(sql);
  }

  /**
   * Called after `sql` ran once through the iterator: caches it when it held exactly
   * one statement. Some statements cannot be prepared again once they ran (CREATE
   * TABLE of the table it just made): those are simply not cached.
   */
  remember(sql: string, statementCount: number): void {
    if (statementCount !== 1) {
      this.markUncacheable(sql);
      return;
    }
    if (this.entries.has(sql)) return;
    let stmt: SqlJsStatement;
    try {
      stmt = this.db.prepare(sql);
    } catch {
      this.markUncacheable(sql);
      return;
    }
    this.entries.set(sql, { stmt, kind: changeKindOf(sql) });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.get(oldest)?.stmt.free();
      this.entries.delete(oldest);
    }
  }

  private markUncacheable(sql: string): void {
    if (this.uncacheable.size >= this.capacity) this.uncacheable.clear();
    this.uncacheable.add(sql);
  }

  /**
   * Finalizes every statement: before db.close(), and before db.export() (older
   * sql.js versions close the connection there, which would free them under us).
   */
  clear(): void {
    for (const entry of this.entries.values()) entry.stmt.free();
    this.entries.clear();
  }
}
