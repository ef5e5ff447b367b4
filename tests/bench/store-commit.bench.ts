/**
 * Store commit latency: the journal design (append + fdatasync per commit, snapshots
 * in the background) against the naive design (db.export() + write + fsync of the
 * whole image per commit), at database sizes of ~1, 50 and 200 MB, in one run.
 *
 * The database is grown through the real store (bulk transactions of random blobs),
 * snapshotted, then measured with small single-row insert transactions, and with
 * bulk transactions of 1 000 single-row inserts (statement throughput, as an import). The naive
 * side loads that same snapshot image into sql.js directly in this thread.
 *
 *   npx tsx tests/bench/store-commit.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import initSqlJs from 'sql.js';
import { openStore } from '../../main/services/store';
import { defaultWasmPath } from '../../main/services/store/engine';
import { SNAPSHOT_HEADER_BYTES, snapshotPaths } from '../../main/services/store/snapshot-files';

const MB = 1024 * 1024;
const BLOB_BYTES = 64 * 1024;
const BLOBS_PER_FILL_TX = 16;
const BULK_STATEMENTS = 1000;
const BULK_COMMITS = 10;
const SIZES = [
  { label: '1 MB', bytes: 1 * MB, journalCommits: 300, naiveCommits: 300 },
  { label: '50 MB', bytes: 50 * MB, journalCommits: 300, naiveCommits: 30 },
  { label: '200 MB', bytes: 200 * MB, journalCommits: 300, naiveCommits: 10 },
];

interface Row {
  size: string;
  dbMB: number;
  journal: { p50: number; p99: number; n: number };
  bulk: { p50: number; p99: number; n: number };
  naive: { p50: number; p99: number; n: number };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const summary = (samples: number[]) => ({ p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length });

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-store-'));
  const SQL = await initSqlJs({ wasmBinary: toArrayBuffer(readFileSync(defaultWasmPath())) });
  const store = await openStore({
    dir,
    name: 'bench',
    // Snapshots are taken explicitly after each fill so none lands inside the measured commits.
    snapshotAfterBytes: 4096 * MB,
    migrations: [
      {
        version: 1,
        name: 'bench',
        sql: 'CREATE TABLE fill (id INTEGER PRIMARY KEY, data BLOB); CREATE TABLE small (id INTEGER PRIMARY KEY, v TEXT)',
      },
    ],
  });
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      // Grow the database with bulk transactions of random (incompressible) blobs.
      for (;;) {
        const [pages] = await store.query<{ n: number }>(
          'SELECT (SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size) AS n',
        );
        if ((pages?.n ?? 0) >= size.bytes) break;
        const count = Math.max(1, Math.min(BLOBS_PER_FILL_TX, Math.ceil((size.bytes - (pages?.n ?? 0)) / BLOB_BYTES)));
        await store.transaction(
          Array.from({ length: count }, () => ({
            sql: 'INSERT INTO fill (data) VALUES (?)',
            params: [new Uint8Array(randomBytes(BLOB_BYTES))],
          })),
        );
      }
      await store.snapshot();

      // Warm-up: lets the worker's GC reclaim the fill and snapshot buffers before timing.
      for (let i = 0; i < 30; i += 1)
        await store.transaction([{ sql: 'INSERT INTO small (v) VALUES (?)', params: [`warm ${i}`] }]);
      const journal: number[] = [];
      for (let i = 0; i < size.journalCommits; i += 1) {
        const started = process.hrtime.bigint();
        await store.transaction([{ sql: 'INSERT INTO small (v) VALUES (?)', params: [`row ${i} ${size.label}`] }]);
        journal.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      // Bulk: one transaction of BULK_STATEMENTS single-row inserts, as an import sends them.
      const bulk: number[] = [];
      for (let i = 0; i < BULK_COMMITS; i += 1) {
        const statements = Array.from({ length: BULK_STATEMENTS }, (_, j) => ({
          sql: 'INSERT INTO small (v) VALUES (?)',
          params: [`bulk ${i}.${j} ${size.label}`],
        }));
        const started = process.hrtime.bigint();
        await store.transaction(statements);
        bulk.push(Number(process.hrtime.bigint() - started) / 1e6);
      }

      // Naive: the same image, persisted whole on every commit.
      const image = readFileSync(snapshotPaths(dir, 'bench').latest).subarray(SNAPSHOT_HEADER_BYTES);
      const db = new SQL.Database(image);
      const naiveFile = join(dir, 'naive.sqlite');
      const naive: number[] = [];
      for (let i = 0; i < size.naiveCommits; i += 1) {
        const started = process.hrtime.bigint();
        db.run('INSERT INTO small (v) VALUES (?)', [`naive ${i}`]);
        const bytes = db.export();
        const fd = openSync(naiveFile, 'w');
        try {
          writeSync(fd, bytes);
          fdatasyncSync(fd);
        } finally {
          closeSync(fd);
        }
        naive.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      db.close();
      rows.push({
        size: size.label,
        dbMB: image.byteLength / MB,
        journal: summary(journal),
        bulk: summary(bulk),
        naive: summary(naive),
      });
      console.log(`  measured ${size.label}`);
    }
  } finally {
    await store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

function printTable(rows: Row[]): void {
  const ms = (v: number): string => `${v.toFixed(2)} ms`;
  console.log('\nStore commit latency (single-row insert transaction)');
  console.table(
    rows.map((r) => ({
      'db size': r.size,
      'actual MB': r.dbMB.toFixed(1),
      'journal p50': ms(r.journal.p50),
      'journal p99': ms(r.journal.p99),
      'journal n': r.journal.n,
      [`bulk ${BULK_STATEMENTS} p50`]: ms(r.bulk.p50),
      'bulk stmts/s': Math.round((BULK_STATEMENTS / r.bulk.p50) * 1000),
      'naive p50': ms(r.naive.p50),
      'naive p99': ms(r.naive.p99),
      'naive n': r.naive.n,
    })),
  );
  const first = rows[0];
  const last = rows.at(-1);
  if (first && last) {
    console.log(`journal p99 ${last.size} / ${first.size}: ${(last.journal.p99 / first.journal.p99).toFixed(2)}x (goal <= 1.5x)`);
    console.log(`naive p99 / journal p99 at ${last.size}: ${(last.naive.p99 / last.journal.p99).toFixed(0)}x`);
  }
}

// Standalone run (works whether this file is loaded as CommonJS or ESM).
if (process.argv[1] && basename(process.argv[1]) === 'store-commit.bench.ts') {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
