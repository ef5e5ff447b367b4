import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, resolveWorkerEntry } from '../../../main/services/store';
import type { Migration, Store } from '../../../main/services/store/types';
import initSqlJs from 'sql.js';
import { snapshotPaths, writeSnapshot } from '../../../main/services/store/snapshot-files';
import { insert, migrations, tempDir } from './helpers';

// Through the public API: a real worker thread per store (worker.ts run by tsx).

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function open(d: string, name = 'live', ms: readonly Migration[] = migrations): Promise<Store> {
  const store = await openStore({ dir: d, name, migrations: ms });
  cleanups.push(() => store.close().catch(() => undefined));
  return store;
}

describe('worker resolution', () => {
  it('prefers the built worker, falls back to the source through tsx, honours an override', () => {
    const d = dir();
    expect(() => resolveWorkerEntry(undefined, d)).toThrow(/store worker not found/);
    writeFileSync(join(d, 'worker.ts'), '');
    expect(resolveWorkerEntry(undefined, d)).toEqual({ file: join(d, 'worker.ts'), execArgv: ['--require', 'tsx/cjs'] });
    writeFileSync(join(d, 'store-worker.js'), '');
    expect(resolveWorkerEntry(undefined, d)).toEqual({ file: join(d, 'store-worker.js'), execArgv: [] });
    expect(resolveWorkerEntry('/x/w.js', d)).toEqual({ file: '/x/w.js', execArgv: [] });
  });

  it('finds the built worker beside the entry files when the client was bundled into chunks/', () => {
    const d = dir();
    mkdirSync(join(d, 'chunks'));
    writeFileSync(join(d, 'store-worker.js'), '');
    expect(resolveWorkerEntry(undefined, join(d, 'chunks'))).toEqual({
      file: join(d, 'chunks', '..', 'store-worker.js'),
      execArgv: [],
    });
  });
});

describe('store through its worker', () => {
  it('commits, reads, reports changes and RETURNING rows, survives close and reopen', async () => {
    const d = dir();
    const store = await open(d);
    expect(store.openEvents).toEqual([{ kind: 'created' }, { kind: 'migrated', from: 0, to: 2 }]);
    expect(store.schemaVersion).toBe(2);
    const blob = new Uint8Array([1, 2, 3, 250]);
    const [first, second] = await store.transaction([
      { sql: 'INSERT INTO items (id, label, data) VALUES (?, ?, ?) RETURNING id', params: [1, 'one', blob] },
      { sql: 'UPDATE items SET label = :label WHERE id = :id', params: { ':label': 'uno', ':id': 1 } },
    ]);
    expect(first).toEqual({ changes: 1, rows: [{ id: 1 }] });
    expect(second).toEqual({ changes: 1, rows: [] });
    const [select] = await store.transaction([{ sql: 'SELECT count(*) AS n FROM items' }]);
    expect(select).toEqual({ changes: 0, rows: [{ n: 1 }] });
    await store.close();
    expect(readdirSync(d)).toContain('live.snapshot');

    const again = await open(d);
    expect(again.openEvents).toEqual([{ kind: 'loaded', snapshotBytes: expect.any(Number), journalEntries: 0 }]);
    expect(await again.query('SELECT id, label, data FROM items')).toEqual([{ id: 1, label: 'uno', data: blob }]);
    expect(await again.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('returns worker errors as real Errors, processes requests strictly in order', async () => {
    const store = await open(dir());
    const results = await Promise.allSettled([
      store.transaction([insert(1)]),
      store.transaction([insert(2), insert(1)]),
      store.query('SELECT id FROM items ORDER BY id'),
      store.transaction([insert(2)]),
      store.query('SELECT id FROM items ORDER BY id'),
      store.query('SELEC nonsense'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const failed = results[1] as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(Error);
    expect((failed.reason as Error).message).toMatch(/statement 1 .*UNIQUE constraint failed/);
    expect((results[2] as PromiseFulfilledResult<unknown>).value).toEqual([{ id: 1 }]);
    expect((results[4] as PromiseFulfilledResult<unknown>).value).toEqual([{ id: 1 }, { id: 2 }]);
    expect((results[5] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    await store.close();
    await expect(store.query('SELECT 1')).rejects.toThrow(/closed/);
  });

  it('keeps training and live in separate files in the same folder', async () => {
    const d = dir();
    const live = await open(d, 'live');
    const training = await open(d, 'training');
    await live.transaction([insert(1, 'real declaration')]);
    await training.transaction([insert(1, 'exercise'), insert(2, 'exercise 2')]);
    expect(await live.query('SELECT label FROM items')).toEqual([{ label: 'real declaration' }]);
    expect(await training.query('SELECT count(*) AS n FROM items')).toEqual([{ n: 2 }]);
    await live.close();
    await training.close();
    const files = readdirSync(d);
    expect(files.filter((f) => f.startsWith('live.'))).toContain('live.snapshot');
    expect(files.filter((f) => f.startsWith('training.'))).toContain('training.snapshot');
    const reopened = await open(d, 'training');
    expect(await reopened.query('SELECT label FROM items ORDER BY id')).toEqual([{ label: 'exercise' }, { label: 'exercise 2' }]);
    await expect(openStore({ dir: d, name: '../escape', migrations })).rejects.toThrow(/store name/);
  });

  it('tells the caller about a corrupt snapshot and loses nothing', async () => {
    const d = dir();
    const store = await open(d);
    await store.transaction([insert(1)]);
    await store.snapshot();
    await store.transaction([insert(2)]);
    await store.close(); // second snapshot: the first becomes .prev
    const latest = join(d, 'live.snapshot');
    const bytes = readFileSync(latest);
    bytes.fill(0, 100, 200);
    writeFileSync(latest, bytes);
    const again = await open(d);
    const event = again.openEvents[0];
    expect(event).toMatchObject({ kind: 'snapshot-corrupt', file: latest, recoveredFrom: 'previous-snapshot' });
    expect(event?.kind === 'snapshot-corrupt' && existsSync(event.movedTo)).toBe(true);
    expect(await again.query('SELECT id FROM items ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await again.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('migrations', () => {
  it('apply in version order whatever the array order, once, and resume with new ones', async () => {
    const d = dir();
    const store = await open(d, 'live', [...migrations].reverse());
    expect(await store.query('SELECT version, name FROM schema_migrations ORDER BY rowid')).toEqual([
      { version: 1, name: 'items' },
      { version: 2, name: 'items-index' },
    ]);
    await store.close();
    const reopened = await open(d);
    expect(reopened.openEvents.some((e) => e.kind === 'migrated')).toBe(false);
    expect(reopened.schemaVersion).toBe(2);
    await reopened.close();
    const third: Migration = { version: 3, name: 'items-weight', sql: 'ALTER TABLE items ADD COLUMN weight REAL' };
    const upgraded = await open(d, 'live', [...migrations, third]);
    expect(upgraded.openEvents).toContainEqual({ kind: 'migrated', from: 2, to: 3 });
    expect(await upgraded.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: 3 }]);
  });

  it('refuses a database newer than the code, clearly, and without touching it', async () => {
    const d = dir();
    const store = await open(d);
    await store.close();
    const before = readdirSync(d).map((f) => [f, readFileSync(join(d, f)).length]);
    await expect(openStore({ dir: d, name: 'live', migrations: migrations.slice(0, 1) })).rejects.toThrow(
      /schema version 2, newer than this build of Clearway knows \(1\)/,
    );
    expect(readdirSync(d).map((f) => [f, readFileSync(join(d, f)).length])).toEqual(before);
  });

  it('a failing migration names itself and leaves the version where it was', async () => {
    const d = dir();
    const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE ok3 (x); ALTER TABLE nope ADD COLUMN y' };
    await expect(openStore({ dir: d, name: 'live', migrations: [...migrations, broken] })).rejects.toThrow(
      /migration 3 "broken" failed: .*no such table: nope/,
    );
    const store = await open(d);
    expect(store.schemaVersion).toBe(2);
    expect(await store.query("SELECT name FROM sqlite_master WHERE name = 'ok3'")).toEqual([]);
    await expect(
      openStore({ dir: d, name: 'x', migrations: [migrations[0] as Migration, { ...(migrations[0] as Migration) }] }),
    ).rejects.toThrow(/share version 1/);
  });
});

describe('page size', () => {
  it('creates new databases with 16 KiB pages, kept through snapshot and reopen', async () => {
    const d = dir();
    const store = await open(d);
    expect(await store.query('PRAGMA page_size')).toEqual([{ page_size: 16384 }]);
    await store.transaction([insert(1)]);
    await store.close();
    const again = await open(d);
    expect(again.openEvents[0]).toMatchObject({ kind: 'loaded' });
    expect(await again.query('PRAGMA page_size')).toEqual([{ page_size: 16384 }]);
    expect(await again.query('SELECT label FROM items')).toEqual([{ label: 'item 1' }]);
  });

  it('opens an existing 4 KiB-page image as it is and keeps writing to it', async () => {
    const d = dir();
    const SQL = await initSqlJs();
    const old = new SQL.Database();
    old.exec(
      'PRAGMA page_size = 4096; CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, data BLOB); PRAGMA user_version = 1;',
    );
    old.exec("INSERT INTO items (id, label) VALUES (1, 'from an older store')");
    await writeSnapshot(snapshotPaths(d, 'live'), d, 0, old.export());
    old.close();

    const store = await open(d);
    expect(await store.query('PRAGMA page_size')).toEqual([{ page_size: 4096 }]);
    await store.transaction([insert(2)]);
    expect(await store.query('SELECT id, label FROM items ORDER BY id')).toEqual([
      { id: 1, label: 'from an older store' },
      { id: 2, label: 'item 2' },
    ]);
    expect(await store.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
