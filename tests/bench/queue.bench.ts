/**
 * Declaration queue at 100k.
 *
 * 1. The 100k database: demo declarations assessed and stored through the intake's own
 *    statements, in batched transactions through the real store (worker, journal, fsync,
 *    background snapshots with the store's default policy). The build takes ~60–100 s of
 *    this bench's ~2 minute budget on an idle machine (several minutes on a busy one), so
 *    it is built once, kept in .tmp/bench-cache under a key of the schema, the risk rules
 *    and the generator's output, and copied for each run; the output says how long the
 *    build took. QUEUE_BENCH_REBUILD=1 rebuilds it.
 * 2. Opening that store (snapshot load + journal replay), then the first page of
 *    cw:queue.list with the priority sort, a text filter, a lane + flag filter, a
 *    trader sort and a deep offset (p50/p99 over 50 calls each).
 * 3. Insert throughput at that size: 5 000 more declarations through intake.saveDeclarations
 *    (batches of 1 000), and the end-to-end CUSDEC import (parse + assess + store) of a
 *    5 MB file. Wall time and process CPU time (all threads) are both printed: on a shared
 *    machine the wall figure mostly measures the neighbours.
 *
 *   npx tsx tests/bench/queue.bench.ts   (or npm run bench -- queue)
 *   QUEUE_BENCH_COUNT=20000              a smaller database
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Declaration } from '../../preload/contract/schemas/declarations';
import { QueueListInput, type QueueListInput as ListInput } from '../../preload/contract/schemas/queue';
import { systemClock } from '../../main/services/clock';
import { writeCusdecInterchange } from '../../main/services/declarations/cusdec/write-cusdec';
import { generateDeclaration, generateDeclarations } from '../../main/services/declarations/demo-generator';
import { Prng } from '../../main/services/declarations/demo/prng';
import { migrations } from '../../main/services/migrations';
import { listQueue } from '../../main/services/queue/queue-query';
import { createRiskServices } from '../../main/services/risk/risk-handlers';
import { QueueService } from '../../main/services/queue/queue-service';
import { riskConfigStatements } from '../../main/services/risk/config-statements';
import { defaultRiskConfig } from '../../main/services/risk/default-rules';
import { openStore } from '../../main/services/store';
import { NEW_DATABASE_PAGE_BYTES } from '../../main/services/store/engine';
import type { Statement, Store } from '../../main/services/store/types';

const COUNT = Number(process.env.QUEUE_BENCH_COUNT ?? 100_000);
const SAMPLE = 5000;
const BATCH = 1000;
const CALLS = 50;
const MB = 1024 * 1024;
/** The app's own store name (live mode), so the cold-start bench can open this database in the web host. */
const STORE_NAME = 'live';
const TIME_ZONE = 'Asia/Shanghai';
const CACHE_ROOT = resolve(__dirname, '../../.tmp/bench-cache');

interface BuildRecord {
  count: number;
  builtAt: string;
  wallS: number;
  cpuS: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Wall and CPU (every thread of this process, so the store worker too) seconds of `work`. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; wallS: number; cpuS: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wallS: (performance.now() - wall) / 1000, cpuS: (used.user + used.system) / 1e6 };
}

const rate = (count: number, seconds: number): string => `${Math.round(count / seconds)} /s`;

/** 5 000 distinct generated declarations, re-numbered from `firstSerial` to reach any count. */
export class DemoDeclarations {
  private readonly distinct: Declaration[];

  constructor(now: Date) {
    const rng = new Prng(42);
    this.distinct = Array.from({ length: 5000 }, (_, i) => generateDeclaration(rng, i + 1, now));
  }

  batch(firstSerial: number, size: number): Declaration[] {
    return Array.from({ length: size }, (_, j) => {
      const d = this.distinct[(firstSerial + j) % this.distinct.length] as Declaration;
      return {
        ...d,
        functionalReferenceId: `${d.functionalReferenceId.slice(0, 6)}${String(firstSerial + j + 1).padStart(8, '0')}`,
      };
    });
  }
}

/** The generator's output at a fixed date: what the cached data looks like, not when it was made. */
function generatorSample(): Declaration {
  return generateDeclaration(new Prng(42), 1, new Date('2026-01-01T00:00:00Z'));
}

function queueOver(store: Store, dir: string): QueueService {
  return new QueueService({
    store,
    clock: systemClock,
    dataDir: dir,
    timeZone: TIME_ZONE,
    risk: createRiskServices({ store, clock: systemClock, timeZone: TIME_ZONE }),
    emitChanged: () => {},
    emitProgress: () => {},
    log: { info: () => {}, warn: () => {}, error: () => {} },
    watchInbox: false,
  });
}

/** What the cached database depends on: schema, page size, risk rules and the generator's output. */
function cacheKey(): string {
  const hash = createHash('sha256');
  hash.update(`page ${NEW_DATABASE_PAGE_BYTES}`);
  hash.update(JSON.stringify(migrations));
  hash.update(JSON.stringify(riskConfigStatements(defaultRiskConfig(TIME_ZONE))));
  hash.update(JSON.stringify(generatorSample()));
  return `queue-${COUNT}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * Stores COUNT declarations in batched transactions with the intake's statements; the
 * next batch is assessed while the store worker commits the previous one.
 */
async function build(dbDir: string, workDir: string, demo: DemoDeclarations): Promise<void> {
  const store = await openStore({ dir: dbDir, name: STORE_NAME, migrations });
  try {
    await store.transaction(riskConfigStatements(defaultRiskConfig(TIME_ZONE)));
    const queue = queueOver(store, workDir);
    const source = { file: 'bench', format: 'json' };
    let inFlight: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < COUNT; i += BATCH) {
      const statements: Statement[] = [];
      for (const d of demo.batch(i, Math.min(BATCH, COUNT - i)))
        statements.push(...(await queue.intake.firstVersionStatements(d, source)));
      await inFlight;
      inFlight = store.transaction(statements);
    }
    await inFlight;
  } finally {
    await store.close();
  }
}

/** A fresh copy of the COUNT-declaration database in `dbDir`, built now or taken from the cache. */
export async function prepareDatabase(dbDir: string, workDir: string, demo: DemoDeclarations): Promise<string> {
  const cached = join(CACHE_ROOT, cacheKey());
  const recordFile = join(cached, 'build.json');
  if (process.env.QUEUE_BENCH_REBUILD === '1') rmSync(cached, { recursive: true, force: true });
  if (!existsSync(recordFile)) {
    rmSync(cached, { recursive: true, force: true });
    const built = await measure(() => build(join(cached, 'db'), workDir, demo));
    const record: BuildRecord = { count: COUNT, builtAt: new Date().toISOString(), wallS: built.wallS, cpuS: built.cpuS };
    writeFileSync(recordFile, JSON.stringify(record, null, 2));
    console.log(
      `built the ${COUNT} database now (assess + store, batches of ${BATCH}): ${built.wallS.toFixed(1)} s wall (${rate(COUNT, built.wallS)}), ` +
        `${built.cpuS.toFixed(1)} s CPU (${rate(COUNT, built.cpuS)}); cached in ${cached}`,
    );
  } else {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
    console.log(
      `reused the ${COUNT} database built ${record.builtAt}: building it took ${record.wallS.toFixed(1)} s wall (${rate(COUNT, record.wallS)}), ` +
        `${record.cpuS.toFixed(1)} s CPU (${rate(COUNT, record.cpuS)}); QUEUE_BENCH_REBUILD=1 builds it again`,
    );
  }
  // After the closing snapshot, it and the (empty) journal segment after it are the whole
  // database; the previous generation and older segments only serve disaster recovery.
  const segments = readdirSync(join(cached, 'db'))
    .filter((f) => f.startsWith(`${STORE_NAME}.journal.`))
    .sort();
  const needed = new Set([`${STORE_NAME}.snapshot`, segments.at(-1)]);
  for (const file of readdirSync(join(cached, 'db'))) if (!needed.has(file)) rmSync(join(cached, 'db', file));
  mkdirSync(dbDir, { recursive: true });
  for (const file of needed) if (file) copyFileSync(join(cached, 'db', file), join(dbDir, file));
  return cached;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearway-queue-bench-'));
  mkdirSync(CACHE_ROOT, { recursive: true });
  const now = new Date();
  const demo = new DemoDeclarations(now);
  const dbDir = join(dir, 'db');
  await prepareDatabase(dbDir, dir, demo);

  const opened = await measure(() => openStore({ dir: dbDir, name: STORE_NAME, migrations }));
  const store = opened.value;
  const loaded = store.openEvents.find((e) => e.kind === 'loaded');
  console.log(
    `open the ${COUNT} store: ${opened.wallS.toFixed(2)} s wall, ${opened.cpuS.toFixed(2)} s CPU` +
      (loaded?.kind === 'loaded'
        ? ` (snapshot ${(loaded.snapshotBytes / MB).toFixed(0)} MB, ${loaded.journalEntries} journal records replayed)`
        : ''),
  );
  try {
    const queue = queueOver(store, dir);
    const time = async (label: string, input: ListInput) => {
      const parsed = QueueListInput.parse(input);
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < CALLS; i++) {
        const t = performance.now();
        total = (await listQueue(store, parsed, 'bench-user')).total;
        samples.push(performance.now() - t);
      }
      console.log(
        `list ${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${total} matching)`,
      );
    };
    await time('first page, priority sort', { limit: 200 });
    await time('first page, text filter "lok ma"', { limit: 200, filter: { text: 'lok ma' } });
    await time('first page, red + perishable', { limit: 200, filter: { lanes: ['red'], perishable: true } });
    await time('first page, sorted by trader', { limit: 200, sort: { by: 'trader', dir: 'asc' } });
    await time('page at offset 50 000, priority sort', { limit: 200, offset: 50_000 });

    const inserted = await measure(async () => {
      let stored = 0;
      for (let i = 0; i < SAMPLE; i += BATCH)
        stored += await queue.intake.saveDeclarations(demo.batch(COUNT + i, BATCH), { file: 'bench', format: 'json' }, BATCH);
      return stored;
    });
    console.log(
      `insert ${inserted.value} more declarations at ${COUNT} (intake.saveDeclarations, batches of ${BATCH}): ` +
        `${inserted.wallS.toFixed(1)} s wall (${rate(inserted.value, inserted.wallS)}), ${inserted.cpuS.toFixed(1)} s CPU (${rate(inserted.value, inserted.cpuS)})`,
    );

    // A ~5 MB CUSDEC interchange.
    const decls = generateDeclarations({ count: 9000, seed: 9, now, firstSerial: 5_000_000 });
    let text = writeCusdecInterchange(decls, {
      sender: 'BENCH',
      recipient: 'CUSTOMS',
      controlRef: '1',
      preparedAt: now.toISOString(),
    });
    while (Buffer.byteLength(text) > 5 * MB) {
      decls.splice(Math.floor(decls.length * 0.9));
      text = writeCusdecInterchange(decls, {
        sender: 'BENCH',
        recipient: 'CUSTOMS',
        controlRef: '1',
        preparedAt: now.toISOString(),
      });
    }
    const bytes = new TextEncoder().encode(text);
    const imported = await measure(() => queue.intake.importSource({ name: 'bench.edi', bytes }));
    const mb = bytes.byteLength / MB;
    console.log(
      `CUSDEC import ${mb.toFixed(1)} MB, ${imported.value.imported} declarations (parse + assess + store): ` +
        `${imported.wallS.toFixed(2)} s wall (${(mb / imported.wallS).toFixed(1)} MB/s, ${rate(imported.value.imported, imported.wallS)}), ` +
        `${imported.cpuS.toFixed(2)} s CPU (${rate(imported.value.imported, imported.cpuS)}), ${imported.value.rejected} rejected`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('queue.bench.ts')) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
