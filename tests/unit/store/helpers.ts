import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migration } from '../../../main/services/store/types';

export const migrations: Migration[] = [
  { version: 1, name: 'items', sql: 'CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL, data BLOB);' },
  {
    version: 2,
    name: 'items-index',
    sql: 'CREATE INDEX items_label ON items(label); CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);',
  },
];

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cw-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function insert(id: number, label = `item ${id}`, data: Uint8Array | null = null) {
  return { sql: 'INSERT INTO items (id, label, data) VALUES (?, ?, ?)', params: [id, label, data] };
}
