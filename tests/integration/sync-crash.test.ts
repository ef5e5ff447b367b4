/**
 * Crash test for the outbox: a workstation child process mutates and syncs in a
 * loop and is killed with SIGKILL at random moments (often mid-push or mid-pull),
 * then restarted on the same data folder. At the end the same folder syncs once
 * more; every mutation it acknowledged locally must be at the hub exactly once
 * (ids 1..N, no hole, no duplicate), and its data must equal the hub's.
 *
 *   CLEARWAY_SYNC_KILLS=N   number of kills (default 8)
 */
import { testEntitySchemas } from '../support/test-entities';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../../hub/src/server';
import { ManualClock } from '../../main/services/clock';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import { addDeviceToken, openWorkstation } from './sync-harness';
import { describeWithPostgres } from '../support/describe-with-postgres';

const KILLS = Number(process.env.CLEARWAY_SYNC_KILLS ?? 8);
const root = resolve(__dirname, '../..');

describeWithPostgres('sync: kill -9 a workstation during sync', () => {
  let cluster: PostgresCluster;
  let hub: Hub;
  let hubUrl = '';
  let token = '';
  let work = '';
  let childJs = '';
  let workerJs = '';

  beforeAll(async () => {
    cluster = await startPostgres({ fsync: false });
    hub = await createHub({ databaseUrl: cluster.url, entities: testEntitySchemas });
    hubUrl = await hub.app.listen({ port: 0, host: '127.0.0.1' });
    token = await addDeviceToken(cluster.url, 'crash-gate');
    work = mkdtempSync(join(tmpdir(), 'cw-sync-crash-'));
    const out = join(root, '.tmp', 'sync-build');
    mkdirSync(out, { recursive: true });
    childJs = join(out, 'sync-crash-child.cjs');
    workerJs = join(out, 'store-worker.cjs');
    const common: BuildOptions = {
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    };
    await build({ ...common, entryPoints: [join(__dirname, 'sync-crash-child.ts')], outfile: childJs });
    await build({ ...common, entryPoints: [join(root, 'main/services/store/worker.ts')], outfile: workerJs });
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
    await cluster?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** One child life: runs until killed; returns the highest locally acknowledged mutation id. */
  const runOnce = (dir: string): Promise<{ made: number; rounds: number }> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [childJs, dir, hubUrl, token], {
        env: { ...process.env, CLEARWAY_STORE_WORKER: workerJs },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let made = 0;
      let rounds = 0;
      let syncs = 0;
      const killAtRound = 1 + Math.floor(Math.random() * 4);
      let buffered = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const [kind, value] = line.split(' ');
          if (kind === 'made') made = Math.max(made, Number(value));
          if (kind === 'synced') rounds += 1;
          // Kill inside a sync round (push, pull or landing), after one to four rounds.
          if (kind === 'syncing' && ++syncs === killAtRound) setTimeout(() => child.kill('SIGKILL'), Math.random() * 250);
        }
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? done({ made, rounds }) : fail(new Error(`child exited by itself (${code}): ${stderr}`)),
      );
    });

  it(`resumes the outbox after ${KILLS} SIGKILLs with nothing lost or duplicated`, { timeout: 240_000 }, async () => {
    const dir = join(work, 'ws');
    let acknowledged = 0;
    let rounds = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const run = await runOnce(dir);
      acknowledged = Math.max(acknowledged, run.made);
      rounds += run.rounds;
    }
    const ws = await openWorkstation('crash', dir, new ManualClock(), { hub: () => ({ url: hubUrl, token }) });
    try {
      const [local] = await ws.store.query<{ n: number }>('SELECT next_mutation_id - 1 AS n FROM sync_state');
      const made = Number(local?.n);
      expect(made).toBeGreaterThanOrEqual(acknowledged); // no locally acknowledged mutation lost
      await ws.engine.syncOnce();
      expect((await ws.engine.status()).pending).toBe(0);
      const clientId = await ws.engine.clientId();
      const hubSide = (
        await hub.pool.query<{ n: string; lo: string; hi: string; d: string }>(
          'SELECT count(*) AS n, min(mutation_id) AS lo, max(mutation_id) AS hi, count(DISTINCT mutation_id) AS d FROM changes WHERE client_id = $1',
          [clientId],
        )
      ).rows[0];
      expect([hubSide?.n, hubSide?.lo, hubSide?.hi, hubSide?.d].map(Number)).toEqual([made, 1, made, made]);
      const hubNotes = Number(
        (await hub.pool.query<{ n: string }>("SELECT count(*) AS n FROM entity_list_items WHERE field = 'notes'")).rows[0]?.n,
      );
      const [localNotes] = await ws.store.query<{ n: number }>("SELECT count(*) AS n FROM sync_list_items WHERE field = 'notes'");
      expect(Number(localNotes?.n)).toBe(hubNotes);
      console.log(
        `sync crash test: ${KILLS} kills, ${rounds} rounds finished before a kill landed in the next, ${made} mutations (${acknowledged} acknowledged before the last kill) at the hub exactly once`,
      );
    } finally {
      await ws.store.close();
    }
  });
});
