/**
 * The store contract every service codes against. One sql.js database per file,
 * owned by one worker thread; every committed transaction is journaled and
 * fsynced before the promise resolves (see shared DESIGN.md, store).
 */
export type SqlValue = number | string | Uint8Array | null;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Row = Record<string, SqlValue>;

/** A statement with its bound parameters. Must be deterministic: no random() or 'now' in SQL. */
export interface Statement {
  sql: string;
  params?: SqlParams;
}

export interface StatementResult {
  /** Rows changed by this statement (sqlite3_changes). */
  changes: number;
  /** Rows returned, for statements with RETURNING or a SELECT inside the transaction. */
  rows: Row[];
}

/** A numbered schema change; applied in order, each in its own journaled transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * A schema change an area declares; main/services/migrations.ts gives it its number.
 * One global sequence, because the store applies every version above PRAGMA user_version.
 */
export type MigrationStep = Omit<Migration, 'version'>;

export type OpenEvent =
  | { kind: 'created' }
  | { kind: 'loaded'; snapshotBytes: number; journalEntries: number }
  | { kind: 'torn-tail-discarded'; bytes: number }
  | {
      kind: 'snapshot-corrupt';
      file: string;
      movedTo: string;
      recoveredFrom: 'previous-snapshot' | 'journal-only';
      /** What the check found (checksum mismatch, bad magic…), for the diagnostics export. */
      reason?: string;
    }
  | { kind: 'migrated'; from: number; to: number };

export interface StoreOptions {
  /** Folder holding this database's snapshot(s) and journal. */
  dir: string;
  /** File stem, e.g. 'live' or 'training' (training gets its own database). */
  name: string;
  migrations: readonly Migration[];
  /** Path of sql-wasm.wasm; defaults to the copy in node_modules/sql.js (dev and tests). */
  wasmPath?: string;
  /** Background snapshot after at least this many journal bytes (default 8 MiB). */
  snapshotAfterBytes?: number;
  /**
   * …and after at least this fraction of the last snapshot's size (default 0.25), so
   * snapshot work stays a bounded share of commit work as the database grows; 0 = fixed threshold.
   */
  snapshotGrowthRatio?: number;
  /** PRAGMA foreign_keys for this connection (default true). */
  foreignKeys?: boolean;
  /**
   * Worker entry file; defaults to resolveWorkerEntry() (store-worker.js beside the
   * built main bundle, else worker.ts through tsx). A `.ts` path is run through tsx.
   */
  workerPath?: string;
}

export interface Store {
  /** Read-only; returns rows as plain objects. */
  query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs the statements atomically; resolves only after the journal entry is fsynced. */
  transaction(statements: readonly Statement[]): Promise<StatementResult[]>;
  /** Forces a snapshot now (also truncates the journal). */
  snapshot(): Promise<void>;
  /** What happened while opening: used to tell the officer about a recovery. */
  readonly openEvents: readonly OpenEvent[];
  readonly schemaVersion: number;
  close(): Promise<void>;
}
