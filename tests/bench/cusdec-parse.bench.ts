/**
 * CUSDEC parsing throughput (issue target ≥ 20 MB/s): a ~20 MB interchange of demo
 * declarations written by write-cusdec, parsed by the import pipeline with nothing
 * stored or assessed. Prints the whole parse (importFile over bytes in memory: UTF-8
 * decoding, tokenizing, envelope grouping, mapping to the model and its model check)
 * and each stage alone over the previous stage's output, wall and CPU time.
 * The machine is shared, so the best of a few runs and the load average are printed.
 *
 * The figures are of BUNDLED code: run() first bundles this file with esbuild into one
 * ESM file (the app's main process ships bundled too, by electron-vite: no per-module
 * loader) and measures that. Under tsx each module is transformed on load and every function gets
 * a name-keeping helper call; the parse measured 10–20% faster bundled.
 *
 *   npx tsx tests/bench/cusdec-parse.bench.ts   (or npm run bench -- cusdec)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ChunkDecoder } from '../../main/services/declarations/chunk-decoder';
import { readCusdec } from '../../main/services/declarations/cusdec/read-cusdec';
import { writeCusdecInterchange } from '../../main/services/declarations/cusdec/write-cusdec';
import { generateDeclarations } from '../../main/services/declarations/demo-generator';
import { InterchangeReader, type EdifactMessage } from '../../main/services/declarations/edifact/interchange-reader';
import { EdifactTokenizer, type Token } from '../../main/services/declarations/edifact/tokenizer';
import { acceptDeclaration } from '../../main/services/declarations/accept-declaration';
import { importFile } from '../../main/services/declarations/import';
import { Declaration } from '../../preload/contract/schemas/declarations';

const MB = 1024 * 1024;
const TARGET_MB = 20;
const CHUNK = 1 << 20;
const RUNS = 3;
/**
 * The whole parse runs more often: the first import in a process runs while V8 is still
 * compiling the parser, and the app's importer is a long-lived process that parses file
 * after file. Every run is printed, the cold first one included.
 */
const WHOLE_RUNS = 6;
const NOW = new Date('2026-03-15T10:00:00Z');

interface Measured<T> {
  value: T;
  wallS: number;
  cpuS: number;
}

function measure<T>(work: () => T): Measured<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, wallS, cpuS: (used.user + used.system) / 1e6 };
}

async function measureAsync<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, wallS, cpuS: (used.user + used.system) / 1e6 };
}

/** The fastest of RUNS by wall time: on a shared machine the slower runs mostly measure the neighbours. */
function best<T>(runs: Measured<T>[]): Measured<T> {
  return runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
}

/** A CUSDEC interchange of demo declarations just over `targetMb`. */
function interchange(targetMb: number): { bytes: Uint8Array; count: number } {
  const options = { sender: 'BENCH', recipient: 'CUSTOMS', controlRef: '1', preparedAt: NOW.toISOString() };
  const sample = writeCusdecInterchange(generateDeclarations({ count: 500, seed: 3, now: NOW }), options);
  const count = Math.ceil(((targetMb * MB) / Buffer.byteLength(sample)) * 500);
  const declarations = generateDeclarations({ count, seed: 3, now: NOW });
  return { bytes: new TextEncoder().encode(writeCusdecInterchange(declarations, options)), count };
}

function decodeAll(bytes: Uint8Array): string[] {
  const decoder = new ChunkDecoder();
  const chunks: string[] = [];
  for (let at = 0; at < bytes.byteLength; at += CHUNK)
    chunks.push(decoder.decode(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.byteLength));
  return chunks;
}

function tokenizeAll(chunks: readonly string[]): Token[][] {
  const tokenizer = new EdifactTokenizer();
  const out = chunks.map((chunk) => tokenizer.push(chunk));
  out.push(tokenizer.end());
  return out;
}

function groupAll(tokens: readonly Token[][]): EdifactMessage[] {
  const envelope = new InterchangeReader();
  const messages: EdifactMessage[] = [];
  const take = (items: ReturnType<InterchangeReader['accept']>) => {
    for (const item of items) {
      if (item.kind === 'message') messages.push(item.message);
      else throw new Error(`bench interchange rejected: ${item.error.reason}`);
    }
  };
  for (const batch of tokens) take(envelope.accept(batch));
  take(envelope.finish());
  return messages;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const rate = (mb: number, s: number) => `${(mb / s).toFixed(1)} MB/s`;

/** Set by the bundle's `define`: true inside the bundled copy of this file. */
const BUNDLED = process.env.CLEARWAY_CUSDEC_BENCH_BUNDLED === 'yes';

export async function run(): Promise<void> {
  if (BUNDLED) return measureAll();
  const dir = mkdtempSync(join(tmpdir(), 'clearway-cusdec-bench-'));
  const outfile = join(dir, 'cusdec-parse.bench.mjs');
  // Imported only here, so the bundled copy never loads the bundler.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    define: { 'process.env.CLEARWAY_CUSDEC_BENCH_BUNDLED': '"yes"' },
    // The bundler itself stays out of the bundle (the bundled copy never imports it).
    external: ['esbuild'],
  });
  try {
    const bundled = (await import(pathToFileURL(outfile).href)) as { run(): Promise<void> };
    await bundled.run();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureAll(): Promise<void> {
  console.log('cusdec-parse: measuring the esbuild bundle of the parser (see the header)');
  console.log(`cusdec-parse: load average (1/5/15 min) ${load()} on a shared 2-core machine`);
  const built = measure(() => interchange(TARGET_MB));
  const { bytes, count } = built.value;
  const mb = bytes.byteLength / MB;
  console.log(
    `cusdec-parse: ${mb.toFixed(1)} MB interchange, ${count.toLocaleString('en')} declarations (generated and written in ${built.wallS.toFixed(1)} s)`,
  );

  const whole: Measured<number>[] = [];
  for (let i = 0; i < WHOLE_RUNS; i++) {
    const result = await measureAsync(() => importFile({ name: 'bench.edi', bytes }, { chunkBytes: CHUNK }));
    if (result.value.rejects.length) throw new Error(`bench interchange rejected: ${result.value.rejects[0]!.reason}`);
    whole.push({ ...result, value: result.value.declarations.length });
  }
  const w = best(whole);
  console.log(
    `cusdec-parse: whole parse (importFile, ${w.value.toLocaleString('en')} declarations, best of ${WHOLE_RUNS}): ` +
      `${w.wallS.toFixed(2)} s wall → ${rate(mb, w.wallS)} (target ≥ ${TARGET_MB} MB/s); ` +
      `${w.cpuS.toFixed(2)} s CPU → ${rate(mb, w.cpuS)}; runs in order ${whole.map((r) => rate(mb, r.wallS)).join(', ')} (the first one cold)`,
  );

  // Each stage alone, over the previous stage's output.
  const stages = {
    decode: [] as Measured<unknown>[],
    tokenize: [] as Measured<unknown>[],
    group: [] as Measured<unknown>[],
    map: [] as Measured<unknown>[],
  };
  for (let i = 0; i < RUNS; i++) {
    const decoded = measure(() => decodeAll(bytes));
    const tokens = measure(() => tokenizeAll(decoded.value));
    const messages = measure(() => groupAll(tokens.value));
    const mapped = measure(() => messages.value.map((m) => readCusdec(m)).length);
    stages.decode.push(decoded);
    stages.tokenize.push(tokens);
    stages.group.push(messages);
    stages.map.push(mapped);
  }
  const labels: Record<keyof typeof stages, string> = {
    decode: 'UTF-8 decoding',
    tokenize: 'tokenizing (segments, elements, release characters)',
    group: 'grouping (envelope checks, UNH…UNT messages)',
    map: 'mapping to the model (read-cusdec + model check)',
  };
  let sum = 0;
  for (const key of Object.keys(stages) as (keyof typeof stages)[]) sum += best(stages[key]).wallS;
  for (const key of Object.keys(stages) as (keyof typeof stages)[]) {
    const s = best(stages[key]);
    console.log(
      `cusdec-parse:   ${labels[key]}: ${(s.wallS * 1000).toFixed(0)} ms wall (${((100 * s.wallS) / sum).toFixed(0)}%, ${rate(mb, s.wallS)}), ` +
        `${(s.cpuS * 1000).toFixed(0)} ms CPU (${rate(mb, s.cpuS)})`,
    );
  }
  // The model check inside mapping, timed alone on the same declarations: the fast check the importer
  // runs (acceptDeclaration), and the zod schema it falls back to for a message that fails.
  const declarations = groupAll(tokenizeAll(decodeAll(bytes))).map((m) => readCusdec(m));
  const fast: Measured<unknown>[] = [];
  const zod: Measured<unknown>[] = [];
  for (let i = 0; i < RUNS; i++) {
    fast.push(measure(() => declarations.filter((d) => acceptDeclaration(d) !== undefined).length));
    zod.push(measure(() => declarations.filter((d) => Declaration.safeParse(d).success).length));
  }
  const checkLabels = [
    ['the model check the importer runs (acceptDeclaration, timed alone)', best(fast)],
    ['the zod schema on the same declarations (only failing messages reach it)', best(zod)],
  ] as const;
  for (const [label, check] of checkLabels) {
    console.log(
      `cusdec-parse:     of which ${label}: ${(check.wallS * 1000).toFixed(0)} ms wall (${rate(mb, check.wallS)}), ` +
        `${(check.cpuS * 1000).toFixed(0)} ms CPU (${rate(mb, check.cpuS)})`,
    );
  }
  console.log(`cusdec-parse: load average after ${load()}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
