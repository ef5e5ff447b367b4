import { openStore } from '../../main/services/store';

/**
 * Child process for the crash test: opens the store in argv[2], reports what it found
 * (`state <rows> <max id> <integrity>`), then commits numbered transactions forever,
 * printing `ack <id>` only after each commit promise resolved. Writes to a pipe are
 * synchronous on Linux, so a printed id was acknowledged before any SIGKILL.
 */

const dir = process.argv[2];
if (!dir) throw new Error('usage: commit-child <dir>');
const snapshotAfterBytes = Number(process.env.CRASH_SNAPSHOT_BYTES ?? 16 * 1024);
// 0 = fixed threshold, so snapshots stay frequent however large the test database grows.
const snapshotGrowthRatio = Number(process.env.CRASH_SNAPSHOT_RATIO ?? 0);

async function main(): Promise<void> {
  const store = await openStore({
    dir: dir as string,
    name: 'crash',
    snapshotAfterBytes,
    snapshotGrowthRatio,
    // The crash test passes a pre-bundled worker so each of its hundreds of runs starts fast.
    workerPath: process.env.CLEARWAY_STORE_WORKER || undefined,
    migrations: [{ version: 1, name: 'acks', sql: 'CREATE TABLE acks (id INTEGER PRIMARY KEY, pad TEXT NOT NULL)' }],
  });
  const [stats] = await store.query<{ n: number; top: number | null }>('SELECT count(*) AS n, max(id) AS top FROM acks');
  const [check] = await store.query<{ integrity_check: string }>('PRAGMA integrity_check');
  const events = store.openEvents.map((e) => e.kind).join(',');
  process.stdout.write(`state ${stats?.n ?? 0} ${stats?.top ?? 0} ${check?.integrity_check ?? '?'} ${events}\n`);
  for (let id = (stats?.top ?? 0) + 1; ; id += 1) {
    // Varying sizes so records, segments and snapshot boundaries fall at many offsets.
    const pad = 'x'.repeat(20 + Math.floor(Math.random() * 400));
    await store.transaction([{ sql: 'INSERT INTO acks (id, pad) VALUES (?, ?)', params: [id, pad] }]);
    process.stdout.write(`ack ${id}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`commit-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
