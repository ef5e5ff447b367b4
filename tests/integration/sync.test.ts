/**
 * Sync under a bad network, against a real PostgreSQL.
 *
 * Three workstations (real stores in temp folders, one sync engine each) make
 * random mutations on a probe entity (scalars and lists, a small pool of ids so
 * they collide) while offline and online; every request goes through the
 * fault-injecting proxy (drops, delays, duplicates, stale replays, cuts); the
 * hub runs as a child process and is killed with SIGKILL and restarted at random.
 * At the end, over a clean network, everyone must agree:
 * - the hub applied every mutation of every workstation exactly once (ids 1..N);
 * - each workstation's replica, its probe rows and the hub's merged state are equal;
 * - the conflicts everyone holds equal those an independent replay of the hub log predicts.
 *
 *   CLEARWAY_SYNC_MUTATIONS=N   mutations per workstation (default 1500)
 *   CLEARWAY_SYNC_SEED=N        seed of the workload and the proxy (default: time)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../main/services/clock';
import { canonicalJson } from '../../preload/contract/canonical-json';
import { DELETED_FIELD } from '../../main/services/sync/sync-entity';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import {
  addDeviceToken,
  bundleHub,
  type HubProcess,
  openWorkstation,
  readProbe,
  startHubProcess,
  type Workstation,
} from './sync-harness';
import { describeWithPostgres } from '../support/describe-with-postgres';

const MUTATIONS = Number(process.env.CLEARWAY_SYNC_MUTATIONS ?? 1500);
const SEED = Number(process.env.CLEARWAY_SYNC_SEED ?? Date.now() % 1_000_000);

describeWithPostgres('sync: 3 workstations, faulty network, hub restarts', () => {
  let cluster: PostgresCluster;
  let bundle = '';
  let hub: HubProcess;
  let hubPort = 0;
  let proxy: FaultProxy;
  let dir = '';
  let db: pg.Pool;
  const stations: Workstation[] = [];
  const clock = new ManualClock('2026-06-01T06:00:00.000Z');

  beforeAll(async () => {
    cluster = await startPostgres({ fsync: false });
    db = new pg.Pool({ connectionString: cluster.url, max: 2 });
    bundle = await bundleHub();
    hub = await startHubProcess(bundle, cluster.url, 0);
    hubPort = Number(new URL(hub.url).port);
    proxy = await startFaultProxy({ targetPort: hubPort, seed: SEED });
    dir = mkdtempSync(join(tmpdir(), 'cw-sync-it-'));
    for (const name of ['north', 'south', 'east']) {
      const token = await addDeviceToken(cluster.url, `gate-${name}`);
      stations.push(
        await openWorkstation(name, join(dir, name), clock, {
          hub: () => ({ url: proxy.url, token }),
          requestTimeoutMs: 3000,
          pushBatch: 100,
          pullPage: 250,
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    for (const s of stations) await s.store.close().catch(() => undefined);
    await proxy?.close();
    await hub?.kill();
    await db?.end();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converges with every mutation applied exactly once and every conflict kept', { timeout: 300_000 }, async () => {
    const random = seededRandom(SEED + 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const ids = Array.from({ length: 40 }, (_, i) => `case-${i}`);
    const made = new Map<string, number>(stations.map((s) => [s.name, 0]));
    let itemCounter = 0;
    const appendedItems = new Set<string>();
    let restarts = 0;
    let failedRounds = 0;

    const mutateOnce = async (s: Workstation): Promise<void> => {
      const entityId = pick(ids);
      const roll = random();
      clock.advance(1000);
      if (roll < 0.6) {
        const fields: Record<string, unknown> = {};
        const count = 1 + Math.floor(random() * 2);
        for (let i = 0; i < count; i++) {
          const field = pick(['status', 'assignee', 'weight', 'seal']);
          fields[field] = field === 'weight' ? Math.floor(random() * 5000) : `${field}-${s.name}-${Math.floor(random() * 6)}`;
        }
        await s.mutate({ entityId, op: 'upsert', fields });
      } else if (roll < 0.97) {
        const field = pick(['notes', 'tags']);
        const item =
          field === 'notes'
            ? { id: `${s.name}-n${++itemCounter}`, text: `note ${itemCounter}`, by: s.name }
            : `tag-${Math.floor(random() * 8)}`;
        if (typeof item === 'object') appendedItems.add(item.id);
        await s.mutate({ entityId, op: 'append', fields: { [field]: [item] } });
      } else {
        await s.mutate({ entityId, op: 'delete', fields: {} });
      }
      made.set(s.name, (made.get(s.name) ?? 0) + 1);
    };

    const started = Date.now();
    const rounds = 30;
    const perRound = Math.ceil(MUTATIONS / rounds);
    for (let round = 0; round < rounds; round++) {
      // Each workstation is offline for a stretch now and then.
      const online = stations.map(() => random() > 0.3);
      for (const s of stations) for (let i = 0; i < perRound && (made.get(s.name) ?? 0) < MUTATIONS; i++) await mutateOnce(s);
      proxy.setOffline(random() < 0.1);
      // An online workstation retries a failed round twice, like the engine's backoff loop would.
      const syncWithRetries = async (s: Workstation): Promise<void> => {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return void (await s.engine.syncOnce());
          } catch {
            failedRounds += 1;
          }
        }
      };
      const syncs = stations.map((s, i) => (online[i] ? syncWithRetries(s) : Promise.resolve()));
      if (random() < 0.25) {
        // kill -9 the hub while the workstations are mid-round, then bring it back on the same port.
        await new Promise((r) => setTimeout(r, random() * 150));
        await hub.kill();
        hub = await startHubProcess(bundle, cluster.url, hubPort);
        restarts += 1;
      }
      await Promise.all(syncs);
      proxy.setOffline(false);
    }

    // The network heals: sync until nothing is pending and everyone has the whole log.
    proxy.setRates({ dropRequest: 0, dropResponse: 0, duplicate: 0, replayOld: 0, cutRequest: 0, cutResponse: 0, delay: 0 });
    await new Promise((r) => setTimeout(r, 300)); // let stale replays already in flight land
    for (let pass = 0; pass < 3; pass++) for (const s of stations) await s.engine.syncOnce();

    // 1. Exactly once: every workstation's mutations 1..N, each once, at the hub.
    const perClient = await db.query<{ client_id: string; n: string; lo: string; hi: string; distinct_ids: string }>(
      'SELECT client_id, count(*) AS n, min(mutation_id) AS lo, max(mutation_id) AS hi, count(DISTINCT mutation_id) AS distinct_ids FROM changes GROUP BY client_id',
    );
    for (const s of stations) {
      const clientId = await s.engine.clientId();
      const row = perClient.rows.find((r) => r.client_id === clientId);
      const n = made.get(s.name) ?? 0;
      expect(row, `hub has no changes from ${s.name}`).toBeDefined();
      expect([Number(row?.n), Number(row?.lo), Number(row?.hi), Number(row?.distinct_ids)]).toEqual([n, 1, n, n]);
      const status = await s.engine.status();
      expect(status.pending).toBe(0);
    }
    const lastSeq = Number((await db.query<{ last_seq: string }>('SELECT last_seq FROM log_head')).rows[0]?.last_seq);
    expect(lastSeq).toBe(MUTATIONS * stations.length);

    // 2. Same data everywhere: hub merged state = each replica = what each area table shows.
    const hubFields = (
      await db.query(
        'SELECT entity, entity_id, field, value, seq, client_id FROM entity_fields ORDER BY entity, entity_id, field',
      )
    ).rows.map((r: Record<string, unknown>) => [r.entity, r.entity_id, r.field, r.value, Number(r.seq), r.client_id]);
    const hubItems = (
      await db.query(
        'SELECT entity, entity_id, field, item_key, item, seq FROM entity_list_items ORDER BY entity, entity_id, field, item_key',
      )
    ).rows.map((r: Record<string, unknown>) => [r.entity, r.entity_id, r.field, r.item_key, r.item, Number(r.seq)]);
    const noteKeys = new Set(hubItems.filter((i) => i[2] === 'notes').map((i) => String(i[3]).slice(3)));
    expect(noteKeys.size).toBe(appendedItems.size);
    const probeDocs: string[] = [];
    for (const s of stations) {
      const fields = (
        await s.store.query(
          'SELECT entity, entity_id, field, value, seq, client_id FROM sync_fields ORDER BY entity, entity_id, field',
        )
      ).map((r) => [r.entity, r.entity_id, r.field, r.value, Number(r.seq), r.client_id]);
      const items = (
        await s.store.query(
          'SELECT entity, entity_id, field, item_key, item, seq FROM sync_list_items ORDER BY entity, entity_id, field, item_key',
        )
      ).map((r) => [r.entity, r.entity_id, r.field, r.item_key, r.item, Number(r.seq)]);
      expect(fields).toEqual(hubFields);
      expect(items).toEqual(hubItems);
      const docs = await Promise.all(ids.map(async (id) => canonicalJson(await readProbe(s.store, id))));
      probeDocs.push(docs.join('\n'));
    }
    expect(probeDocs[1]).toBe(probeDocs[0]);
    expect(probeDocs[2]).toBe(probeDocs[0]);

    // 3. Conflicts: an independent replay of the hub log predicts them; hub and workstations hold exactly those.
    const log = await db.query<{ seq: string; client_id: string; base_seq: string; op: string; fields: Record<string, unknown> }>(
      'SELECT seq, client_id, base_seq, op, fields, entity, entity_id FROM changes ORDER BY seq',
    );
    const lastWrite = new Map<string, { seq: number; client: string; value: string }>();
    const expected: string[] = [];
    for (const c of log.rows as Array<Record<string, unknown>>) {
      const writes: Array<[string, unknown]> =
        c.op === 'delete' ? [[DELETED_FIELD, true]] : c.op === 'upsert' ? Object.entries(c.fields as object) : [];
      for (const [field, raw] of writes) {
        const k = `${String(c.entity)}|${String(c.entity_id)}|${field}`;
        const value = canonicalJson(raw);
        const prior = lastWrite.get(k);
        if (prior && prior.client !== c.client_id && prior.seq > Number(c.base_seq) && prior.value !== value)
          expected.push(`${String(c.seq)}:${field}`);
        lastWrite.set(k, { seq: Number(c.seq), client: String(c.client_id), value });
      }
    }
    expected.sort();
    const hubConflicts = (await db.query<{ id: string }>('SELECT id FROM conflicts')).rows.map((r) => r.id).sort();
    expect(hubConflicts).toEqual(expected);
    for (const s of stations)
      expect((await s.store.query<{ id: string }>('SELECT id FROM sync_conflicts')).map((r) => r.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);

    console.log(
      `sync integration (seed ${SEED}): ${stations.length} workstations × ${MUTATIONS} mutations = ${lastSeq} applied exactly once; ` +
        `${expected.length} conflicts kept everywhere; ${hubItems.length} list items; ${hubFields.length} scalar fields; ` +
        `${restarts} hub kill -9 restarts; ${failedRounds} sync rounds failed and were retried; ` +
        `proxy ${JSON.stringify(proxy.stats)}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
