import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE } from '../file-modes';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { fsyncDir } from './fs-sync';
import { SqlExecutor } from './executor';
import { decodeRecords, encodeRecord, JournalWriter, listSegments, type Segment } from './journal';
import { runMigrations } from './migrations-runner';
import {
  moveAside,
  peekSnapshotSeq,
  readSnapshot,
  removeStaleTemp,
  snapshotPaths,
  writeSnapshot,
  type SnapshotPaths,
} from './snapshot-files';
import { decodeTransaction, encodeTransaction } from './tx-codec';
import type { Migration, OpenEvent, Row, SqlParams, Statement, StatementResult } from './types';

/**
 * The store itself, as it runs inside the worker thread: one sql.js database, its
 * journal segments and its two snapshot generations.
 *
 * Retention invariant: the journal segments on disk cover every record after the
 * *previous* snapshot's seq, so losing the latest snapshot loses nothing.
 */

export interface EngineConfig {
  dir: string;
  name: string;
  migrations: readonly Migration[];
  wasmPath?: string;
  snapshotAfterBytes?: number;
  snapshotGrowthRatio?: number;
  foreignKeys?: boolean;
}

export const DEFAULT_SNAPSHOT_AFTER_BYTES = 8 * 1024 * 1024;
/** sqlite page size of a database created by this store (see open()). */
export const NEW_DATABASE_PAGE_BYTES = 16 * 1024;
/**
 * Snapshot policy: the next background snapshot starts once the journal since the last
 * one reaches max(snapshotAfterBytes, ratio × size of the last snapshot image).
 *
 * A snapshot costs work proportional to the whole image (export, hash, write); commits
 * cost work proportional to their journal bytes. A fixed threshold makes snapshot work
 * per committed byte grow with the database: a 100k-declaration bulk load (~500 MB
 * image, ~500 MB journal) re-exported the growing image every 8 MiB, ~60 times. Scaling
 * the threshold with the image keeps snapshot bytes per journal byte ≤ 1/ratio, so over a
 * load from empty the images written add up to a few times the final size (~5× at 0.25).
 *
 * The price is start-up after a crash: it replays up to ratio × image bytes of journal,
 * which costs about what committing them did (at 100k declarations and 0.25, ~120 MB or
 * the last ~25k declarations, ~10 s of CPU, against ~1 s with a fixed 8 MiB), and the
 * disk holds up to 2 × ratio × image of journal besides the two snapshots. A clean close
 * snapshots, so it replays nothing. 0.25 favours bounded recovery over the last bit of
 * bulk-load speed (0.5 would halve the snapshot work and double the replay); 0 gives the
 * fixed threshold.
 */
export const DEFAULT_SNAPSHOT_GROWTH_RATIO = 0.25;
const STORE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

let sqlJs: Promise<SqlJsStatic> | null = null;

/** node_modules' copy of the wasm (dev and tests); the packaged app passes wasmPath. */
export function defaultWasmPath(): string {
  const base = typeof __filename !== 'undefined' ? __filename : join(process.cwd(), 'index.js');
  return createRequire(base).resolve('sql.js/dist/sql-wasm.wasm');
}

function loadSqlJs(wasmPath: string | undefined): Promise<SqlJsStatic> {
  if (!sqlJs) {
    const file = readFileSync(wasmPath ?? defaultWasmPath());
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    sqlJs = initSqlJs({ wasmBinary });
  }
  return sqlJs;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Loaded {
  seq: number;
  image: Uint8Array;
  from: 'latest' | 'previous';
}

export class StoreEngine {
  private lastSeq = 0;
  private latestSnapshotSeq: number | null = null;
  private previousSnapshotSeq: number | null = null;
  private journalBytesSinceSnapshot = 0;
  private snapshotting: Promise<void> | null = null;
  private failure: Error | null = null;
  private closed = false;
  private readonly minSnapshotBytes: number;
  private readonly growthRatio: number;
  /** Image size of the last snapshot taken or loaded; scales the snapshot threshold. */
  private lastImageBytes = 0;
  readonly openEvents: OpenEvent[] = [];
  schemaVersion = 0;
  /** Last background snapshot error, kept so close() or the next snapshot can report it. */
  lastSnapshotError: Error | null = null;

  private constructor(
    private readonly config: EngineConfig,
    private readonly paths: SnapshotPaths,
    private readonly executor: SqlExecutor,
    private writer: JournalWriter,
  ) {
    this.minSnapshotBytes = config.snapshotAfterBytes ?? DEFAULT_SNAPSHOT_AFTER_BYTES;
    this.growthRatio = config.snapshotGrowthRatio ?? DEFAULT_SNAPSHOT_GROWTH_RATIO;
    if (!(this.minSnapshotBytes > 0))
      throw new Error(`store "${config.name}": snapshotAfterBytes must be positive, got ${this.minSnapshotBytes}`);
    if (!(this.growthRatio >= 0) || !Number.isFinite(this.growthRatio)) {
      throw new Error(`store "${config.name}": snapshotGrowthRatio must be a finite number ≥ 0, got ${this.growthRatio}`);
    }
  }

  static async open(config: EngineConfig): Promise<StoreEngine> {
    if (!STORE_NAME.test(config.name)) throw new Error(`store name "${config.name}" must be letters, digits, '-' or '_'`);
    mkdirSync(config.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const SQL = await loadSqlJs(config.wasmPath);
    const paths = snapshotPaths(config.dir, config.name);
    removeStaleTemp(paths);

    const events: OpenEvent[] = [];
    // Newest good snapshot wins; a damaged one is moved aside and we fall back a generation.
    let loaded: Loaded | null = null;
    const corrupt: { file: string; reason: string }[] = [];
    for (const [from, path] of [
      ['latest', paths.latest],
      ['previous', paths.previous],
    ] as const) {
      if (!existsSync(path)) continue;
      const read = await readSnapshot(path);
      if (read.ok) {
        loaded = { seq: read.seq, image: read.image, from };
        break;
      }
      corrupt.push({ file: path, reason: read.reason });
    }
    const segments = listSegments(config.dir, config.name);
    if (corrupt.length > 0) {
      // Without a good snapshot, only a journal reaching back to seq 1 can rebuild the data.
      // If there is none, leave the files where they are for a human to look at.
      if (!loaded && segments[0]?.startSeq !== 1) {
        throw new Error(
          `store "${config.name}": snapshot ${corrupt[0]?.file} is corrupt (${corrupt[0]?.reason}) ` +
            'and neither an earlier snapshot nor the complete journal is available to recover from; files left untouched',
        );
      }
      for (const c of corrupt) {
        const movedTo = moveAside(c.file);
        events.push({
          kind: 'snapshot-corrupt',
          file: c.file,
          movedTo,
          reason: c.reason,
          recoveredFrom: loaded ? 'previous-snapshot' : 'journal-only',
        });
      }
      await fsyncDir(config.dir);
    }

    const db = loaded && loaded.image.byteLength > 0 ? new SQL.Database(loaded.image) : new SQL.Database();
    // A new database (also one rebuilt from the journal alone) gets 16 KiB pages: a declaration
    // row is ~2 KiB, so 4 KiB pages hold one row and leave half of each page empty. The whole
    // image is read, hashed and held in memory, so a smaller image opens faster. An existing
    // image keeps its page size (changing it would take a VACUUM).
    if (!loaded || loaded.image.byteLength === 0) db.exec(`PRAGMA page_size = ${NEW_DATABASE_PAGE_BYTES}`);
    let writer: JournalWriter | null = null;
    let executor: SqlExecutor | null = null;
    try {
      executor = new SqlExecutor(db, config.foreignKeys ?? true);
      const replay = StoreEngine.replay(executor, segments, loaded?.seq ?? 0);
      if (!loaded && replay.applied === 0 && corrupt.length === 0) events.push({ kind: 'created' });
      else events.push({ kind: 'loaded', snapshotBytes: loaded?.image.byteLength ?? 0, journalEntries: replay.applied });
      if (replay.tornBytes > 0) events.push({ kind: 'torn-tail-discarded', bytes: replay.tornBytes });

      const last = segments.at(-1);
      if (last && last.startSeq > replay.lastSeq + 1) {
        throw new Error(
          `journal segment ${last.path} starts at seq ${last.startSeq} but the store only reaches ${replay.lastSeq}: records are missing`,
        );
      }
      writer = last
        ? JournalWriter.openExisting(last, replay.lastSegmentGoodBytes)
        : JournalWriter.create(config.dir, config.name, replay.lastSeq + 1);

      const engine = new StoreEngine(config, paths, executor, writer);
      engine.lastSeq = replay.lastSeq;
      engine.journalBytesSinceSnapshot = replay.bytesAfterSnapshot;
      engine.lastImageBytes = loaded?.image.byteLength ?? 0;
      engine.latestSnapshotSeq = loaded?.from === 'latest' ? loaded.seq : null;
      engine.previousSnapshotSeq = loaded?.from === 'previous' ? loaded.seq : peekSnapshotSeq(paths.previous);
      engine.openEvents.push(...events);

      const migrated = runMigrations(db, config.name, config.migrations, (statements) => {
        engine.transaction(statements);
      });
      engine.schemaVersion = migrated.to;
      if (migrated.to !== migrated.from) engine.openEvents.push({ kind: 'migrated', from: migrated.from, to: migrated.to });

      // After a recovery, get back to two good generations before accepting work.
      if (corrupt.length > 0) await engine.snapshot();
      else engine.maybeSnapshotInBackground();
      return engine;
    } catch (error) {
      writer?.close();
      if (executor) executor.close();
      else db.close();
      throw error;
    }
  }

  /** Rebuilds the database from journal records after `baseSeq`; cuts a torn tail off the last segment. */
  private static replay(executor: SqlExecutor, segments: readonly Segment[], baseSeq: number) {
    let lastSeq = baseSeq;
    let applied = 0;
    let bytesAfterSnapshot = 0;
    let tornBytes = 0;
    let lastSegmentGoodBytes = 0;
    segments.forEach((segment, index) => {
      const decoded = decodeRecords(readFileSync(segment.path));
      for (const record of decoded.records) {
        if (record.seq <= baseSeq) continue;
        if (record.seq !== lastSeq + 1) {
          throw new Error(`journal ${segment.path}: expected seq ${lastSeq + 1} but found ${record.seq}; records are missing`);
        }
        try {
          executor.runTransaction(decodeTransaction(record.payload), () => () => {});
        } catch (error) {
          throw new Error(`journal replay failed at seq ${record.seq} (${segment.path}): ${messageOf(error)}`);
        }
        lastSeq = record.seq;
        applied += 1;
        bytesAfterSnapshot += record.size;
      }
      if (decoded.badBytes > 0) {
        // Only the segment being appended to can end in a torn write (an unacknowledged
        // commit cut by a crash); damage anywhere else means acknowledged data is gone.
        const next = segments[index + 1];
        // A damaged older segment is harmless when everything in it is inside the snapshot.
        if (next && next.startSeq <= baseSeq + 1) return;
        if (next) {
          throw new Error(
            `journal ${segment.path} is damaged at byte ${decoded.goodBytes} and later segments exist; refusing to drop committed data`,
          );
        }
        tornBytes = decoded.badBytes;
      }
      lastSegmentGoodBytes = decoded.goodBytes;
    });
    return { lastSeq, applied, bytesAfterSnapshot, tornBytes, lastSegmentGoodBytes };
  }

  private assertUsable(): void {
    if (this.closed) throw new Error(`store "${this.config.name}" is closed`);
    if (this.failure) throw new Error(`store "${this.config.name}" stopped after a journal failure: ${this.failure.message}`);
  }

  query(sql: string, params?: SqlParams): Row[] {
    this.assertUsable();
    return this.executor.runQuery(sql, params);
  }

  /** Commits atomically; returns only after the journal record is fsynced. */
  transaction(statements: readonly Statement[]): StatementResult[] {
    this.assertUsable();
    if (statements.length === 0) return [];
    const seq = this.lastSeq + 1;
    let recordBytes = 0;
    const results = this.executor.runTransaction(statements, () => {
      const record = encodeRecord(seq, encodeTransaction(statements));
      const before = this.writer.size;
      try {
        this.writer.append(record);
      } catch (error) {
        if (this.writer.broken) this.failure = this.writer.broken;
        throw error;
      }
      recordBytes = record.byteLength;
      return () => {
        try {
          this.writer.truncate(before);
        } catch (error) {
          this.failure = error instanceof Error ? error : new Error(String(error));
          throw error;
        }
      };
    });
    this.lastSeq = seq;
    this.journalBytesSinceSnapshot += recordBytes;
    this.maybeSnapshotInBackground();
    return results;
  }

  private maybeSnapshotInBackground(): void {
    if (this.snapshotting || this.journalBytesSinceSnapshot < this.snapshotThreshold()) return;
    this.beginSnapshot().catch((error: unknown) => {
      this.lastSnapshotError = error instanceof Error ? error : new Error(String(error));
    });
  }

  /** Journal bytes after which the next background snapshot starts (see DEFAULT_SNAPSHOT_GROWTH_RATIO). */
  snapshotThreshold(): number {
    return Math.max(this.minSnapshotBytes, this.growthRatio * this.lastImageBytes);
  }

  /**
   * The synchronous part (export, start a new journal segment) runs between two
   * requests, so the image holds exactly the records up to `seq`; the slow part
   * (hash, write, fsync, rename) then proceeds while commits continue.
   */
  private beginSnapshot(): Promise<void> {
    if (this.snapshotting) return this.snapshotting;
    if (this.latestSnapshotSeq === this.lastSeq) return Promise.resolve();
    const seq = this.lastSeq;
    const image = this.executor.exportImage();
    this.lastImageBytes = image.byteLength;
    if (this.writer.size > 0) {
      // Create the next segment before letting go of the current one, so a failure leaves a usable writer.
      const next = JournalWriter.create(this.config.dir, this.config.name, seq + 1);
      this.writer.close();
      this.writer = next;
    }
    this.journalBytesSinceSnapshot = 0;
    const run = (async () => {
      const { rotated } = await writeSnapshot(this.paths, this.config.dir, seq, image);
      if (rotated) this.previousSnapshotSeq = this.latestSnapshotSeq ?? peekSnapshotSeq(this.paths.previous);
      this.latestSnapshotSeq = seq;
      this.lastSnapshotError = null;
      await this.pruneSegments();
    })();
    this.snapshotting = run.finally(() => {
      this.snapshotting = null;
    });
    return this.snapshotting;
  }

  /** Deletes segments whose records are all inside the previous snapshot (so inside both). */
  private async pruneSegments(): Promise<void> {
    const covered = this.previousSnapshotSeq;
    if (covered === null) return;
    const segments = listSegments(this.config.dir, this.config.name);
    let removed = false;
    for (let i = 0; i < segments.length - 1; i += 1) {
      const segment = segments[i];
      const next = segments[i + 1];
      if (!segment || !next || segment.path === this.writer.path) continue;
      if (next.startSeq <= covered + 1) {
        rmSync(segment.path, { force: true });
        removed = true;
      }
    }
    if (removed) await fsyncDir(this.config.dir);
  }

  /** Resolves once no background snapshot is running (its failure is kept in lastSnapshotError). */
  async backgroundSettled(): Promise<void> {
    await this.snapshotting?.catch(() => undefined);
  }

  async snapshot(): Promise<void> {
    this.assertUsable();
    if (this.snapshotting) await this.snapshotting.catch(() => undefined);
    await this.beginSnapshot();
  }

  /**
   * Releases the file and memory without a final snapshot, leaving the files exactly
   * as a crash would (the journal is already durable). Tests use it to exercise replay.
   */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.writer.close();
    this.executor.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.snapshotting) await this.snapshotting.catch(() => undefined);
      if (!this.failure) await this.beginSnapshot();
    } finally {
      this.closed = true;
      this.writer.close();
      this.executor.close();
    }
  }
}
