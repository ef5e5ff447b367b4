import { readFileSync } from 'node:fs';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultWasmPath } from '../../../main/services/store/engine';
import { SqlExecutor } from '../../../main/services/store/executor';
import { changeKindOf, leadingKeyword } from '../../../main/services/store/statement-cache';

// The executor against a bare sql.js database: prepared-statement reuse must never
// change what a statement returns, how many rows it reports changed, or how it fails.

let SQL: SqlJsStatic;
const open: SqlExecutor[] = [];

beforeAll(async () => {
  const wasm = readFileSync(defaultWasmPath());
  SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
});

afterEach(() => {
  for (const executor of open.splice(0)) executor.close();
});

function executor(cacheSize?: number, db: Database = new SQL.Database()): SqlExecutor {
  const x = new SqlExecutor(db, true, cacheSize);
  open.push(x);
  x.runTransaction(
    [
      { sql: 'CREATE TABLE parent (id INTEGER PRIMARY KEY, label TEXT NOT NULL)' },
      { sql: 'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), v TEXT)' },
    ],
    () => () => {},
  );
  return x;
}

const noJournal = () => () => {};
const insertParent = (id: number, label: string | null) => ({
  sql: 'INSERT INTO parent (id, label) VALUES (?, ?)',
  params: [id, label],
});

describe('statement cache', () => {
  it('reuses one prepared statement per SQL text and keeps each run its own parameters', () => {
    const x = executor();
    const results = x.runTransaction(
      Array.from({ length: 50 }, (_, i) => insertParent(i + 1, `p${i + 1}`)),
      noJournal,
    );
    expect(results.every((r) => r.changes === 1 && r.rows.length === 0)).toBe(true);
    expect(x.runQuery('SELECT count(*) AS n, sum(id) AS s, max(label) AS top FROM parent', undefined)).toEqual([
      { n: 50, s: 1275, top: 'p9' },
    ]);
    // The INSERT text, the query, and the query_only pragmas; not 50 statements.
    expect(x.cachedStatements).toBeLessThanOrEqual(4);
  });

  it('clears bindings between runs: a text run without params binds NULL, not the previous values', () => {
    const x = executor();
    x.runTransaction([{ sql: 'INSERT INTO child (id, v) VALUES (?, ?)', params: [1, 'first'] }], noJournal);
    x.runTransaction([{ sql: 'INSERT INTO child (id, v) VALUES (?, ?)', params: [2, 'second'] }], noJournal);
    x.runTransaction([{ sql: 'INSERT INTO child (id, v) VALUES (?, ?)' }], noJournal);
    // id NULL means "next rowid" for an INTEGER PRIMARY KEY: 3, with v NULL.
    expect(x.runQuery('SELECT id, v FROM child ORDER BY id', undefined)).toEqual([
      { id: 1, v: 'first' },
      { id: 2, v: 'second' },
      { id: 3, v: null },
    ]);
  });

  it('evicts the least recently used statement and stays correct past its capacity', () => {
    const x = executor(2);
    for (let round = 0; round < 3; round += 1) {
      for (let id = 1; id <= 4; id += 1) {
        const label = `r${round}`;
        x.runTransaction(
          [{ sql: `INSERT OR REPLACE INTO parent (id, label) VALUES (?, ?) -- text ${id}`, params: [id, label] }],
          noJournal,
        );
        expect(x.cachedStatements).toBeLessThanOrEqual(2);
      }
    }
    expect(x.runQuery('SELECT group_concat(label) AS labels FROM parent', undefined)).toEqual([{ labels: 'r2,r2,r2,r2' }]);
  });

  it('keeps working after a snapshot export and keeps the connection pragmas', () => {
    const x = executor();
    x.runTransaction([insertParent(1, 'a')], noJournal);
    const image = x.exportImage();
    expect(image.byteLength).toBeGreaterThan(0);
    x.runTransaction([insertParent(2, 'b')], noJournal);
    expect(x.runQuery('SELECT count(*) AS n FROM parent', undefined)).toEqual([{ n: 2 }]);
    expect(() =>
      x.runTransaction([{ sql: 'INSERT INTO child (id, parent_id) VALUES (?, ?)', params: [1, 99] }], noJournal),
    ).toThrow(/FOREIGN KEY/);
  });

  it('caches neither multi-statement texts nor statements that cannot be prepared twice', () => {
    const x = executor();
    const [made] = x.runTransaction([{ sql: 'CREATE TABLE once (id INTEGER)' }], noJournal);
    expect(made).toEqual({ changes: 0, rows: [] });
    expect(() => x.runTransaction([{ sql: 'CREATE TABLE once (id INTEGER)' }], noJournal)).toThrow(
      /statement 0 .*already exists/,
    );
    const script = "INSERT INTO parent (id, label) VALUES (10, 'x'); INSERT INTO parent (id, label) VALUES (11, 'y')";
    x.runTransaction([{ sql: script }], noJournal);
    expect(() => x.runTransaction([{ sql: script }], noJournal)).toThrow(/UNIQUE/);
    const fresh = "INSERT INTO parent (id, label) VALUES (20, 'x'); INSERT INTO parent (id, label) VALUES (21, 'y')";
    expect(() => x.runTransaction([{ sql: fresh, params: [] }], noJournal)).toThrow(/single SQL statement/);
    expect(x.runQuery('SELECT count(*) AS n FROM parent WHERE id >= 20', undefined)).toEqual([{ n: 0 }]);
  });
});

describe('changes', () => {
  it('counts this statement only: DML exactly, SELECT and PRAGMA as 0 even right after a write', () => {
    const x = executor();
    const results = x.runTransaction(
      [
        insertParent(1, 'a'),
        insertParent(2, 'b'),
        insertParent(3, 'c'),
        { sql: 'SELECT count(*) AS n FROM parent' },
        { sql: 'UPDATE parent SET label = label || ? WHERE id >= ?', params: ['!', 2] },
        { sql: 'PRAGMA user_version = 7' },
        { sql: 'UPDATE parent SET label = ? WHERE id = ?', params: ['none', 99] },
        { sql: 'INSERT INTO parent (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', params: [1, 'dup'] },
        { sql: 'WITH ids(id) AS (VALUES (4), (5)) INSERT INTO parent (id, label) SELECT id, ? FROM ids', params: ['w'] },
        { sql: 'WITH doomed AS (SELECT id FROM parent WHERE label = ?) SELECT count(*) AS n FROM doomed', params: ['w'] },
        { sql: '/* tidy */ -- up\n DELETE FROM parent WHERE id > ? RETURNING id', params: [3] },
      ],
      noJournal,
    );
    expect(results.map((r) => r.changes)).toEqual([1, 1, 1, 0, 2, 0, 0, 0, 2, 0, 2]);
    expect(results[3]?.rows).toEqual([{ n: 3 }]);
    expect(results[9]?.rows).toEqual([{ n: 2 }]);
    expect(results[10]?.rows).toEqual([{ id: 4 }, { id: 5 }]);
  });

  it('is the same on a cached statement as on its first run', () => {
    const x = executor();
    const update = { sql: 'UPDATE parent SET label = ? WHERE id <= ?', params: ['u', 2] };
    const first = x.runTransaction([insertParent(1, 'a'), insertParent(2, 'b'), update, { sql: 'SELECT 1 AS one' }], noJournal);
    const again = x.runTransaction([insertParent(3, 'c'), update, { sql: 'SELECT 1 AS one' }], noJournal);
    expect(first.map((r) => r.changes)).toEqual([1, 1, 2, 0]);
    expect(again.map((r) => r.changes)).toEqual([1, 2, 0]);
  });
});

describe('failures', () => {
  it('name the statement, roll back everything, skip the journal, and leave the cached statement usable', () => {
    const x = executor();
    x.runTransaction([insertParent(1, 'a')], noJournal);
    let journaled = false;
    expect(() =>
      x.runTransaction([insertParent(2, 'b'), insertParent(3, null)], () => {
        journaled = true;
        return () => {};
      }),
    ).toThrow(/transaction failed at statement 1 \(INSERT INTO parent .*NOT NULL constraint failed: parent\.label/);
    expect(journaled).toBe(false);
    expect(x.runQuery('SELECT id FROM parent', undefined)).toEqual([{ id: 1 }]);
    expect(x.runTransaction([insertParent(3, 'c')], noJournal)).toEqual([{ changes: 1, rows: [] }]);
  });

  it('a query cannot write, through a cached statement either', () => {
    const x = executor();
    const sql = 'INSERT INTO parent (id, label) VALUES (?, ?)';
    x.runTransaction([{ sql, params: [1, 'a'] }], noJournal);
    expect(() => x.runQuery(sql, [2, 'b'])).toThrow(/readonly|query_only/i);
    expect(x.runQuery('SELECT count(*) AS n FROM parent', undefined)).toEqual([{ n: 1 }]);
    x.runTransaction([{ sql, params: [2, 'b'] }], noJournal);
    expect(x.runQuery('SELECT count(*) AS n FROM parent', undefined)).toEqual([{ n: 2 }]);
  });
});

describe('statement kind', () => {
  it('reads the leading keyword past whitespace and comments', () => {
    expect(leadingKeyword('  -- note\n /* block */ insert into t values (1)')).toBe('INSERT');
    expect(leadingKeyword('-- only a comment')).toBe('');
    expect(changeKindOf('REPLACE INTO t VALUES (1)')).toBe('dml');
    expect(changeKindOf('VALUES (1)')).toBe('read');
    expect(changeKindOf('WITH x AS (SELECT 1) DELETE FROM t')).toBe('other');
    expect(changeKindOf('PRAGMA user_version = 3')).toBe('other');
  });
});
