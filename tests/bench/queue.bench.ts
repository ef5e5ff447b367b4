/**
 * Declaration queue at 100k: insert demo declarations through the intake
 * (assessed, batched transactions, real store in a worker), then time the
 * first page of cw:declarations.list with the priority sort, with a text
 * filter and with a lane + flag filter (p50/p99 over 50 calls), and the
 * end-to-end CUSDEC import throughput (parse + assess + store) of a 5 MB file.
 *
 *   npx tsx tests/bench/queue.bench.ts   (or npm run bench -- queue)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueListInput, type QueueListInput as ListInput } from '../../preload/schemas/queue';
import { systemClock } from '../../main/services/clock';
import { writeCusdecInterchange } from '../../main/services/declarations/cusdec/write-cusdec';
import { generateDeclaration, generateDeclarations } from '../../main/services/declarations/demo-generator';
import { Prng } from '../../main/services/declarations/demo/prng';
import { migrations } from '../../main/services/migrations';
import { listQueue } from '../../main/services/queue/queue-query';
import { QueueService } from '../../main/services/queue/queue-service';
import { riskConfigStatements } from '../../main/services/risk/config-statements';
import { defaultRiskConfig } from '../../main/services/risk/default-rules';
import { openStore } from '../../main/services/store';

const COUNT = Number(process.env.QUEUE_BENCH_COUNT ?? 100_000);
const CALLS = 50;
const MB = 1024 * 1024;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearway-queue-bench-'));
  // The store's real snapshot policy: background snapshots scale with the image, so they stay
  // a bounded share of a bulk load's work and are part of what this measures.
  const store = await openStore({ dir: join(dir, 'db'), name: 'bench', migrations });
  try {
    await store.transaction(riskConfigStatements(defaultRiskConfig('Asia/Shanghai')));
    const queue = new QueueService({
      store,
      clock: systemClock,
      dataDir: dir,
      timeZone: 'Asia/Shanghai',
      emitChanged: () => {},
      emitProgress: () => {},
      log: { info: () => {}, warn: () => {}, error: () => {} },
      watchInbox: false,
    });

    // 5 000 distinct generated declarations, re-numbered to reach COUNT: generation (zod-validated)
    // is not what this bench measures; each copy is still assessed and stored on its own.
    const rng = new Prng(42);
    const now = new Date();
    const distinct = Array.from({ length: Math.min(5000, COUNT) }, (_, i) => generateDeclaration(rng, i + 1, now));
    let started = performance.now();
    const BATCH = 2000;
    for (let i = 0; i < COUNT; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, COUNT - i) }, (_, j) => {
        const d = distinct[(i + j) % distinct.length]!;
        return { ...d, functionalReferenceId: `${d.functionalReferenceId.slice(0, 6)}${String(i + j + 1).padStart(8, '0')}` };
      });
      await queue.intake.saveDeclarations(batch, { file: 'bench', format: 'json' }, 1000);
    }
    const insertS = (performance.now() - started) / 1000;
    await store.snapshot();
    console.log(`insert ${COUNT} declarations (assess + store, batched): ${insertS.toFixed(1)} s, ${Math.round(COUNT / insertS)} /s`);

    const time = async (label: string, input: ListInput) => {
      const parsed = QueueListInput.parse(input);
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < CALLS; i++) {
        const t = performance.now();
        total = (await listQueue(store, parsed, 'bench-user')).total;
        samples.push(performance.now() - t);
      }
      console.log(`list ${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${total} matching)`);
    };
    await time('first page, priority sort', { limit: 200 });
    await time('first page, text filter "lok ma"', { limit: 200, filter: { text: 'lok ma' } });
    await time('first page, red + perishable', { limit: 200, filter: { lanes: ['red'], perishable: true } });
    await time('first page, sorted by trader', { limit: 200, sort: { by: 'trader', dir: 'asc' } });
    await time('page at offset 50 000, priority sort', { limit: 200, offset: 50_000 });

    // A ~5 MB CUSDEC interchange.
    const decls = generateDeclarations({ count: 9000, seed: 9, now, firstSerial: 5_000_000 });
    let text = writeCusdecInterchange(decls, { sender: 'BENCH', recipient: 'CUSTOMS', controlRef: '1', preparedAt: now.toISOString() });
    while (Buffer.byteLength(text) > 5 * MB) {
      decls.splice(Math.floor(decls.length * 0.9));
      text = writeCusdecInterchange(decls, { sender: 'BENCH', recipient: 'CUSTOMS', controlRef: '1', preparedAt: now.toISOString() });
    }
    const bytes = new TextEncoder().encode(text);
    started = performance.now();
    const result = await queue.intake.importSource({ name: 'bench.edi', bytes });
    const importS = (performance.now() - started) / 1000;
    console.log(
      `CUSDEC import ${(bytes.byteLength / MB).toFixed(1)} MB, ${result.imported} declarations (parse + assess + store): ${importS.toFixed(2)} s, ${(bytes.byteLength / MB / importS).toFixed(1)} MB/s, ${result.rejected} rejected`,
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
