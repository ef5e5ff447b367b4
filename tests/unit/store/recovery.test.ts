import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreEngine } from '../../../main/services/store/engine';
import { encodeRecord, listSegments } from '../../../main/services/store/journal';
import { snapshotPaths } from '../../../main/services/store/snapshot-files';
import { insert, migrations, tempDir } from './helpers';

// Engine-level tests: StoreEngine in this thread, so a "crash" (abandon) can be
// staged between any two steps and the files inspected.

let cleanup = (): void => {};
afterEach(() => cleanup());

function dir(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

const open = (d: string, snapshotAfterBytes = 1 << 30) =>
  StoreEngine.open({ dir: d, name: 'live', migrations, snapshotAfterBytes });

function dump(engine: StoreEngine): unknown[] {
  return [
    engine.query('SELECT * FROM items ORDER BY id'),
    engine.query('SELECT * FROM notes ORDER BY id'),
    engine.query('SELECT type, name, sql FROM sqlite_master ORDER BY name'),
    engine.query('PRAGMA user_version'),
  ];
}

function integrity(engine: StoreEngine): string {
  return String(engine.query('PRAGMA integrity_check')[0]?.integrity_check);
}

function commitMany(engine: StoreEngine, from: number, to: number): void {
  for (let id = from; id <= to; id += 1) {
    engine.transaction([
      insert(id, `label ${id}`, id % 3 === 0 ? new Uint8Array([id & 255, 1, 2]) : null),
      { sql: 'INSERT INTO notes (body) VALUES (?)', params: [`note ${id}`] },
    ]);
    if (id % 7 === 0) engine.transaction([{ sql: 'UPDATE items SET label = label || ? WHERE id = ?', params: ['!', id - 3] }]);
    if (id % 11 === 0) engine.transaction([{ sql: 'DELETE FROM notes WHERE id = ?', params: [id - 5] }]);
  }
}

describe('replay', () => {
  it('rebuilds an identical database from the journal alone', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 200);
    const before = dump(a);
    a.abandon();
    expect(existsSync(snapshotPaths(d, 'live').latest)).toBe(false);

    const b = await open(d);
    expect(b.openEvents[0]).toMatchObject({ kind: 'loaded', snapshotBytes: 0 });
    expect(dump(b)).toEqual(before);
    expect(integrity(b)).toBe('ok');
    b.abandon();
  });

  it('discards a torn tail, truncates the file to the last good record, and keeps going', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 20);
    const before = dump(a);
    a.abandon();
    const segment = listSegments(d, 'live').at(-1)?.path ?? '';
    const goodSize = statSync(segment).size;
    const torn = encodeRecord(999, Buffer.from('this commit never got its fsync')).subarray(0, 30);
    appendFileSync(segment, torn);

    const b = await open(d);
    expect(b.openEvents).toContainEqual({ kind: 'torn-tail-discarded', bytes: 30 });
    expect(statSync(segment).size).toBe(goodSize);
    expect(dump(b)).toEqual(before);
    commitMany(b, 21, 25);
    const after = dump(b);
    b.abandon();

    const c = await open(d);
    expect(c.openEvents.some((e) => e.kind === 'torn-tail-discarded')).toBe(false);
    expect(dump(c)).toEqual(after);
    c.abandon();
  });

  it('refuses to drop committed data when a segment other than the last is damaged', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 10);
    await a.snapshot();
    commitMany(a, 11, 20);
    a.abandon();
    const [first] = listSegments(d, 'live');
    const bytes = readFileSync(first?.path ?? '');
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    writeFileSync(first?.path ?? '', bytes);
    // The latest snapshot is fine, so the damaged (already covered) segment is not needed for data…
    const b = await open(d);
    expect(b.query('SELECT count(*) AS n FROM items')[0]?.n).toBe(20);
    b.abandon();
    // …but when it is needed, open fails loudly instead of silently losing records.
    const paths = snapshotPaths(d, 'live');
    writeFileSync(paths.latest, 'garbage');
    await expect(open(d)).rejects.toThrow(/damaged|missing|corrupt/);
  });

  it('leaves a corrupt only snapshot in place when nothing can rebuild the data', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 10);
    await a.snapshot();
    commitMany(a, 11, 20);
    await a.snapshot();
    a.abandon();
    const paths = snapshotPaths(d, 'live');
    for (const file of [paths.latest, paths.previous]) writeFileSync(file, 'garbage');
    await expect(open(d)).rejects.toThrow(/neither an earlier snapshot nor the complete journal/);
    expect(readFileSync(paths.latest, 'utf8')).toBe('garbage');
  });
});

describe('snapshots and the journal', () => {
  it('snapshots in the background, rotates segments, and replays only what the snapshot lacks', async () => {
    const d = dir();
    const a = await open(d, 4096);
    commitMany(a, 1, 300);
    await a.snapshot();
    commitMany(a, 301, 320);
    const before = dump(a);
    a.abandon();
    const files = readdirSync(d);
    expect(files).toContain('live.snapshot');
    expect(files).toContain('live.snapshot.prev');
    // Old segments were pruned; what is left covers everything after the previous snapshot.
    expect(listSegments(d, 'live').length).toBeLessThan(5);

    const b = await open(d, 4096);
    const loaded = b.openEvents.find((e) => e.kind === 'loaded');
    expect(loaded).toMatchObject({ kind: 'loaded' });
    expect(loaded && 'journalEntries' in loaded && loaded.journalEntries).toBeGreaterThan(0);
    expect(loaded && 'journalEntries' in loaded && loaded.journalEntries).toBeLessThan(60);
    expect(dump(b)).toEqual(before);
    expect(integrity(b)).toBe('ok');
    b.abandon();
  });

  it('skips journal records already inside the snapshot (crash between rename and journal rotation)', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 30);
    const segmentsBefore = listSegments(d, 'live').map((s) => ({ path: s.path, bytes: readFileSync(s.path) }));
    await a.snapshot();
    commitMany(a, 31, 35);
    const before = dump(a);
    a.abandon();
    // Put back the journal exactly as it was before the snapshot: its records are all in the snapshot.
    for (const s of segmentsBefore) writeFileSync(s.path, s.bytes);
    const b = await open(d);
    expect(dump(b)).toEqual(before);
    b.abandon();
  });

  it('recovers silently from a crash between the two snapshot renames', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 20);
    await a.snapshot();
    commitMany(a, 21, 40);
    await a.snapshot();
    commitMany(a, 41, 45);
    const before = dump(a);
    a.abandon();
    // State right after rename(latest → prev) and before rename(temp → latest).
    const paths = snapshotPaths(d, 'live');
    renameSync(paths.latest, paths.previous);
    writeFileSync(paths.temp, 'half-written next snapshot');
    const b = await open(d);
    expect(b.openEvents.map((e) => e.kind)).toEqual(['loaded']);
    expect(existsSync(paths.temp)).toBe(false);
    expect(dump(b)).toEqual(before);
    await b.snapshot();
    commitMany(b, 46, 50);
    const after = dump(b);
    b.abandon();
    const c = await open(d);
    expect(dump(c)).toEqual(after);
    c.abandon();
  });
});

describe('corrupt snapshot', () => {
  it('is moved aside and the store recovers from the previous snapshot plus the journal, losing nothing', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 50);
    await a.snapshot();
    commitMany(a, 51, 100);
    await a.snapshot();
    commitMany(a, 101, 120);
    const before = dump(a);
    a.abandon();
    const { latest } = snapshotPaths(d, 'live');
    const bytes = readFileSync(latest);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x5a;
    writeFileSync(latest, bytes);

    const b = await open(d);
    const event = b.openEvents[0];
    expect(event).toMatchObject({
      kind: 'snapshot-corrupt',
      file: latest,
      recoveredFrom: 'previous-snapshot',
      reason: 'checksum mismatch',
    });
    expect(event?.kind === 'snapshot-corrupt' && existsSync(event.movedTo)).toBe(true);
    expect(event?.kind === 'snapshot-corrupt' && event.movedTo.startsWith(`${latest}.corrupt-`)).toBe(true);
    expect(dump(b)).toEqual(before);
    expect(integrity(b)).toBe('ok');
    // Recovery wrote a fresh snapshot, so two good generations exist again.
    expect(existsSync(latest)).toBe(true);
    b.abandon();
    const c = await open(d);
    expect(c.openEvents.some((e) => e.kind === 'snapshot-corrupt')).toBe(false);
    expect(dump(c)).toEqual(before);
    c.abandon();
  });

  it('recovers from the journal alone when the only snapshot is damaged', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 40);
    await a.snapshot();
    commitMany(a, 41, 45);
    const before = dump(a);
    a.abandon();
    const { latest } = snapshotPaths(d, 'live');
    writeFileSync(latest, readFileSync(latest).subarray(0, 100));
    const b = await open(d);
    expect(b.openEvents[0]).toMatchObject({ kind: 'snapshot-corrupt', recoveredFrom: 'journal-only' });
    expect(dump(b)).toEqual(before);
    b.abandon();
  });
});

describe('failed transactions', () => {
  it('leave no trace: rolled back, not journaled, named statement index and sqlite message', async () => {
    const d = dir();
    const a = await open(d);
    commitMany(a, 1, 3);
    const segment = listSegments(d, 'live').at(-1)?.path ?? '';
    const size = statSync(segment).size;
    expect(() => a.transaction([insert(10), { sql: 'INSERT INTO notes (body) VALUES (?)', params: ['n'] }, insert(1)])).toThrow(
      /statement 2 .*UNIQUE constraint failed: items\.id/,
    );
    expect(() => a.transaction([insert(11), { sql: 'INSERT INTO nowhere VALUES (1)' }])).toThrow(
      /statement 1 .*no such table: nowhere/,
    );
    expect(statSync(segment).size).toBe(size);
    expect(a.query('SELECT id FROM items WHERE id IN (10, 11)')).toEqual([]);
    const before = dump(a);
    a.transaction([insert(12)]);
    a.abandon();
    const b = await open(d);
    expect(b.query('SELECT id FROM items WHERE id >= 10')).toEqual([{ id: 12 }]);
    expect((dump(b)[1] as unknown[]).length).toBe((before[1] as unknown[]).length);
    b.abandon();
  });

  it('query() cannot change anything', async () => {
    const a = await open(dir());
    expect(() => a.query('DELETE FROM items')).toThrow(/readonly|read-only|query_only|attempt to write/i);
    a.transaction([insert(1)]);
    expect(a.query('SELECT count(*) AS n FROM items')).toEqual([{ n: 1 }]);
    a.abandon();
  });
});
