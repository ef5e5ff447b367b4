/**
 * Crash test for the durable store.
 *
 * A child process (commit-child.ts) commits numbered transactions and prints each
 * acknowledged id; this test SIGKILLs it at random moments, over and over on the same
 * data folder, and checks on every restart (and once more at the end, in this process)
 * that every acknowledged id is present and `PRAGMA integrity_check` is ok.
 * A small snapshotAfterBytes makes background snapshots frequent, so kills also land
 * during export/write/rename/segment pruning; some kills land during start-up/replay.
 *
 *   CLEARWAY_CRASH_KILLS=N   number of kills (default 200)
 *
 * The child and the store worker are bundled once with esbuild (tsx's own compiler)
 * so each run starts in ~0.2 s instead of ~1 s under tsx: 200 kills then fit in ~2 min.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../main/services/store';

const KILLS = Number(process.env.CLEARWAY_CRASH_KILLS ?? 200);
const root = resolve(__dirname, '../..');
let work = '';
let childJs = '';
let workerJs = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cw-crash-'));
  const out = join(root, '.tmp', 'crash-build');
  mkdirSync(out, { recursive: true });
  childJs = join(out, 'commit-child.cjs');
  workerJs = join(out, 'store-worker.cjs');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sql.js'],
    logLevel: 'error',
  };
  await build({ ...common, entryPoints: [join(__dirname, 'commit-child.ts')], outfile: childJs });
  await build({ ...common, entryPoints: [join(root, 'main/services/store/worker.ts')], outfile: workerJs });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface RunResult {
  acked: number[];
  state: { rows: number; top: number; integrity: string; events: string } | null;
}

const randomBetween = (lo: number, hi: number): number => lo + Math.floor(Math.random() * (hi - lo + 1));

/** One child life: start, (maybe) report state, commit until SIGKILLed. */
function runOnce(dir: string, killDuringStartup: boolean): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childJs, dir], {
      env: {
        ...process.env,
        CLEARWAY_STORE_WORKER: workerJs,
        CRASH_SNAPSHOT_BYTES: String(randomBetween(1, 16) * 1024),
        // Mostly the fixed threshold (frequent snapshots); sometimes the adaptive one the app uses.
        CRASH_SNAPSHOT_RATIO: Math.random() < 0.75 ? '0' : '0.5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: RunResult = { acked: [], state: null };
    let buffered = '';
    let stderr = '';
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    if (killDuringStartup) setTimeout(kill, randomBetween(50, 500));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, a, b, c, d] = line.split(' ');
        if (kind === 'ack') result.acked.push(Number(a));
        else if (kind === 'state') {
          result.state = { rows: Number(a), top: Number(b), integrity: c ?? '', events: d ?? '' };
          if (!killDuringStartup) setTimeout(kill, randomBetween(20, 300));
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (code ${code}): ${stderr}`));
      else resolvePromise(result);
    });
  });
}

it(`every acknowledged commit survives ${KILLS} SIGKILLs`, async () => {
  const dir = join(work, 'data');
  const acked: number[] = [];
  let maxAcked = 0;
  let restartsChecked = 0;
  const started = Date.now();
  for (let kill = 0; kill < KILLS; kill += 1) {
    const run = await runOnce(dir, Math.random() < 0.1);
    if (run.state) {
      // Ids are committed one after another from 1, so "count == max id" means no hole.
      expect(run.state.integrity, `integrity after kill ${kill}`).toBe('ok');
      expect(run.state.rows, `rows 1..max contiguous after kill ${kill}`).toBe(run.state.top);
      expect(run.state.top, `acknowledged ids present after kill ${kill}`).toBeGreaterThanOrEqual(maxAcked);
      expect(run.state.events).not.toMatch(/snapshot-corrupt/);
      restartsChecked += 1;
    }
    for (const id of run.acked) {
      acked.push(id);
      maxAcked = Math.max(maxAcked, id);
    }
  }

  const store = await openStore({
    dir,
    name: 'crash',
    migrations: [{ version: 1, name: 'acks', sql: 'CREATE TABLE acks (id INTEGER PRIMARY KEY, pad TEXT NOT NULL)' }],
  });
  try {
    const present = new Set((await store.query<{ id: number }>('SELECT id FROM acks')).map((r) => r.id));
    const missing = acked.filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    expect(await store.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    console.log(
      `store crash test: ${KILLS} kills, ${restartsChecked} restarts checked, ${acked.length} acknowledged txns verified ` +
        `(${present.size} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await store.close();
  }
}, 600_000);
