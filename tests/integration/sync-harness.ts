import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../../hub/src/migrate';
import { migrations } from '../../main/services/migrations';
import type { Clock } from '../../main/services/clock';
import { openStore } from '../../main/services/store';
import type { Migration, Store } from '../../main/services/store/types';
import { canonicalJson, listItemKey } from '../../preload/contract/canonical-json';
import { type Mutation, mutationStatements } from '../../main/services/sync/outbox';
import { registerSyncEntity, type RemoteEntityState, type StoreReader } from '../../main/services/sync/sync-entity';
import { SyncEngine, type SyncEngineOptions } from '../../main/services/sync/sync-engine';

/**
 * A test entity with scalar and list fields, stored by a tiny "area" in its own
 * table the way cases will: the area writes its row and the outbox mutation in
 * one transaction; pulled changes arrive through applyRemote.
 */
export const PROBE = 'probe';
export const PROBE_LISTS = ['notes', 'tags'] as const;

export const probeMigration: Migration = {
  version: migrations.length + 1,
  name: 'test: probe area',
  sql: 'CREATE TABLE probe (id TEXT PRIMARY KEY, doc TEXT NOT NULL)',
};

export interface ProbeDoc {
  deleted: boolean;
  fields: Record<string, unknown>;
}

export function probeRowStatement(id: string, doc: ProbeDoc): { sql: string; params: Record<string, string> } {
  return {
    sql: 'INSERT INTO probe (id, doc) VALUES (:id, :doc) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
    params: { ':id': id, ':doc': canonicalJson(doc) },
  };
}

export async function readProbe(store: StoreReader, id: string): Promise<ProbeDoc | null> {
  const row = (await store.query<{ doc: string }>('SELECT doc FROM probe WHERE id = :id', { ':id': id }))[0];
  return row ? (JSON.parse(row.doc) as ProbeDoc) : null;
}

registerSyncEntity({
  entity: PROBE,
  listFields: PROBE_LISTS,
  applyRemote: (state: RemoteEntityState) => [
    probeRowStatement(state.entityId, { deleted: state.deleted, fields: state.fields }),
  ],
  readLocal: async (id, store) => (await readProbe(store, id)) as Record<string, unknown> | null,
});

/** The local change as the area applies it to its own row (same semantics as the merge rules). */
export function applyLocally(doc: ProbeDoc | null, m: Pick<Mutation, 'op' | 'fields'>): ProbeDoc {
  const next: ProbeDoc = { deleted: doc?.deleted ?? false, fields: { ...(doc?.fields ?? {}) } };
  if (m.op === 'delete') next.deleted = true;
  else if (m.op === 'upsert') Object.assign(next.fields, m.fields);
  else
    for (const [field, items] of Object.entries(m.fields)) {
      const list = Array.isArray(next.fields[field]) ? [...(next.fields[field] as unknown[])] : [];
      const keys = new Set(list.map(listItemKey));
      for (const item of items as unknown[]) if (!keys.has(listItemKey(item))) list.push(item);
      next.fields[field] = list;
    }
  return next;
}

export interface Workstation {
  name: string;
  store: Store;
  engine: SyncEngine;
  /** Makes one local change: the probe row and its outbox mutation in one transaction. */
  mutate(m: Omit<Mutation, 'entity' | 'at' | 'actorId'>): Promise<void>;
}

export async function openWorkstation(
  name: string,
  dir: string,
  clock: Clock,
  engineOptions: Omit<SyncEngineOptions, 'store' | 'clock'>,
): Promise<Workstation> {
  mkdirSync(dir, { recursive: true });
  const store = await openStore({
    dir,
    name: 'live',
    migrations: [...migrations, probeMigration],
    workerPath: process.env.CLEARWAY_STORE_WORKER || undefined,
  });
  const engine = new SyncEngine({ store, clock, ...engineOptions });
  await engine.clientId();
  return {
    name,
    store,
    engine,
    async mutate(m) {
      const current = await readProbe(store, m.entityId);
      await store.transaction([
        probeRowStatement(m.entityId, applyLocally(current, m)),
        ...mutationStatements({ ...m, entity: PROBE, at: clock.now(), actorId: `officer-${name}` }),
      ]);
    },
  };
}

/** Registers a device directly in the hub database and returns its token. */
export async function addDeviceToken(databaseUrl: string, name: string): Promise<string> {
  const { addDevice } = await import('../../hub/src/devices');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return (await addDevice(pool, name)).token;
  } finally {
    await pool.end();
  }
}

const root = resolve(__dirname, '../..');

/** Bundles the hub (its command line, with the test entities) once so a (re)start takes ~0.3 s instead of tsx's ~1.5 s. */
export async function bundleHub(): Promise<string> {
  const out = join(root, '.tmp', 'sync-build', 'hub.cjs');
  await build({
    entryPoints: [join(root, 'tests/integration/hub-with-test-entities.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return out;
}

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** kill -9: no graceful close, transactions in flight are lost unless committed. */
  kill(): Promise<void>;
}

/** Starts the bundled hub as a child process on `port` (0 = any) and waits for its URL. */
export function startHubProcess(bundle: string, databaseUrl: string, port: number): Promise<HubProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(
      process.execPath,
      [bundle, '--database-url', databaseUrl, '--port', String(port), '--host', '127.0.0.1'],
      {
        env: { ...process.env, CLEARWAY_HUB_MIGRATIONS_DIR: MIGRATIONS_DIR, CLEARWAY_HUB_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start in 20 s: ${err}`)), 20_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /CLEARWAY_HUB_URL=(\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({
          child,
          url: match[1],
          kill: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before listening: ${err}`));
    });
  });
}
