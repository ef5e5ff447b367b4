/**
 * Sync throughput against a local PostgreSQL hub (fsync on, as in production):
 * - hub push: batches of 500 mutations over HTTP, mutations/s;
 * - hub pull: pages of 1000 changes over HTTP, mutations/s;
 * - a workstation back from a long offline stretch with 10k pending mutations:
 *   time for its full round (push all, pull them back, land them);
 * - a second workstation catching up on those 10k changes (pull and apply).
 * Skips with the reason when PostgreSQL's server binaries are missing.
 */
import { testEntitySchemas } from '../support/test-entities';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WireMutation } from '../../preload/contract/hub-wire';
import { createHub } from '../../hub/src/server';
import { ManualClock } from '../../main/services/clock';
import { HubClient } from '../../main/services/sync/hub-client';
import { mutationStatements } from '../../main/services/sync/outbox';
import {
  addDeviceToken,
  applyLocally,
  openWorkstation,
  PROBE,
  probeRowStatement,
  type ProbeDoc,
} from '../integration/sync-harness';
import { findPostgresBin, startPostgres } from '../support/postgres';

const N = 10_000;

export async function run(): Promise<void> {
  const found = findPostgresBin();
  if ('missing' in found) {
    console.log(`sync bench skipped: PostgreSQL server binaries are missing (${found.missing}).`);
    return;
  }
  const cluster = await startPostgres();
  const hub = await createHub({ databaseUrl: cluster.url, entities: testEntitySchemas });
  const url = await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const dir = mkdtempSync(join(tmpdir(), 'cw-sync-bench-'));
  try {
    // Raw hub throughput.
    const rawToken = await addDeviceToken(cluster.url, 'bench-raw');
    const client = new HubClient({ url, token: rawToken });
    const mutations: WireMutation[] = Array.from({ length: N }, (_, i) => ({
      mutationId: i + 1,
      baseSeq: 0,
      entity: PROBE,
      entityId: `raw-${i % 500}`,
      op: i % 3 === 0 ? 'append' : 'upsert',
      fields: (i % 3 === 0
        ? { notes: [{ id: `raw-n${i}`, text: 'seal intact' }] }
        : { status: `s${i % 7}`, weight: i }) as WireMutation['fields'],
      at: new Date(Date.UTC(2026, 5, 1, 0, 0, i)).toISOString(),
      actorId: 'bench',
    }));
    let t = performance.now();
    for (let i = 0; i < N; i += 500) await client.push('bench-raw-client', mutations.slice(i, i + 500));
    const pushRate = N / ((performance.now() - t) / 1000);
    t = performance.now();
    let cursor = 0;
    let pulled = 0;
    for (;;) {
      const page = await client.pull(cursor, 1000);
      pulled += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const pullRate = pulled / ((performance.now() - t) / 1000);
    console.log(`hub push: ${N} mutations in batches of 500: ${pushRate.toFixed(0)} mutations/s`);
    console.log(`hub pull: ${pulled} changes in pages of 1000: ${pullRate.toFixed(0)} mutations/s`);

    // A workstation that was offline for a long shift.
    const clock = new ManualClock('2026-06-01T06:00:00.000Z');
    const tokenA = await addDeviceToken(cluster.url, 'bench-a');
    const tokenB = await addDeviceToken(cluster.url, 'bench-b');
    const a = await openWorkstation('a', join(dir, 'a'), clock, { hub: () => ({ url, token: tokenA }) });
    const b = await openWorkstation('b', join(dir, 'b'), clock, { hub: () => ({ url, token: tokenB }) });
    const docs = new Map<string, ProbeDoc>();
    for (let i = 0; i < N; i += 250) {
      const statements = [];
      for (let j = i; j < i + 250; j++) {
        clock.advance(1000);
        const id = `case-${j % 800}`;
        const m =
          j % 4 === 0
            ? { op: 'append' as const, fields: { notes: [{ id: `n${j}`, text: 'weighed' }] } }
            : { op: 'upsert' as const, fields: { status: `s${j % 5}` } };
        const doc = applyLocally(docs.get(id) ?? null, m);
        docs.set(id, doc);
        statements.push(
          probeRowStatement(id, doc),
          ...mutationStatements({ entity: PROBE, entityId: id, ...m, at: clock.now(), actorId: 'officer-a' }),
        );
      }
      await a.store.transaction(statements);
    }
    t = performance.now();
    const roundA = await a.engine.syncOnce();
    const aSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const roundB = await b.engine.syncOnce();
    const bSeconds = (performance.now() - t) / 1000;
    console.log(
      `workstation back online with ${N} pending: pushed ${roundA.pushed} and landed them back in ${aSeconds.toFixed(2)} s (${(N / aSeconds).toFixed(0)} mutations/s)`,
    );
    console.log(
      `second workstation catching up: pulled and applied ${roundB.pulled} changes in ${bSeconds.toFixed(2)} s (${(roundB.pulled / bSeconds).toFixed(0)} mutations/s)`,
    );
    await a.store.close();
    await b.store.close();
  } finally {
    await hub.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
