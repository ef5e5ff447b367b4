import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../main/services/migrations';
import { openStore } from '../../../main/services/store';
import type { Store } from '../../../main/services/store/types';
import { blobUploadStatements } from '../../../main/services/sync/blob-queue';
import { type Mutation, mutationStatements } from '../../../main/services/sync/outbox';
import '../../integration/sync-harness'; // registers the probe entity (lists: notes, tags)

const at = new Date('2026-05-01T08:00:00.000Z');
const m = (over: Partial<Mutation> = {}): Mutation => ({
  entity: 'probe',
  entityId: 'c1',
  op: 'upsert',
  fields: { status: 'open' },
  at,
  actorId: 'u1',
  ...over,
});

describe('outbox', () => {
  let dir = '';
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-outbox-'));
    store = await openStore({ dir, name: 'live', migrations });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('numbers mutations 1, 2, 3… in commit order, with the pull cursor as their base', async () => {
    await store.transaction([...mutationStatements(m()), ...mutationStatements(m({ entityId: 'c2' }))]);
    await store.transaction([{ sql: 'UPDATE sync_state SET cursor = 41 WHERE id = 1' }]);
    await store.transaction(mutationStatements(m({ op: 'append', fields: { notes: [{ id: 'n1', text: 'hi' }] } })));
    const rows = await store.query('SELECT mutation_id, base_seq, entity_id, op, fields FROM sync_outbox ORDER BY mutation_id');
    expect(rows).toEqual([
      { mutation_id: 1, base_seq: 0, entity_id: 'c1', op: 'upsert', fields: '{"status":"open"}' },
      { mutation_id: 2, base_seq: 0, entity_id: 'c2', op: 'upsert', fields: '{"status":"open"}' },
      { mutation_id: 3, base_seq: 41, entity_id: 'c1', op: 'append', fields: '{"notes":[{"id":"n1","text":"hi"}]}' },
    ]);
  });

  it('consumes no id when the surrounding transaction rolls back', async () => {
    await expect(
      store.transaction([...mutationStatements(m()), { sql: 'INSERT INTO no_such_table VALUES (1)' }]),
    ).rejects.toThrow();
    await store.transaction(mutationStatements(m({ entityId: 'c9' })));
    const ids = (await store.query<{ mutation_id: number }>('SELECT mutation_id FROM sync_outbox ORDER BY mutation_id')).map(
      (r) => r.mutation_id,
    );
    expect(ids).toEqual([1, 2, 3, 4]);
  });

  it('refuses malformed mutations before anything is written', () => {
    expect(() => mutationStatements(m({ entity: '' }))).toThrow(/entity must be a name/);
    expect(() => mutationStatements(m({ entityId: '' }))).toThrow(/entityId/);
    expect(() => mutationStatements(m({ fields: {} }))).toThrow(/at least one field/);
    expect(() => mutationStatements(m({ fields: { notes: 'x' } }))).toThrow(/notes is a list field/);
    expect(() => mutationStatements(m({ op: 'append', fields: { status: ['x'] } }))).toThrow(
      /status is not a list field of probe/,
    );
    expect(() => mutationStatements(m({ op: 'append', fields: { notes: 'x' } }))).toThrow(/must be an array/);
    expect(() => mutationStatements(m({ op: 'delete', fields: { a: 1 } }))).toThrow(/delete takes no fields/);
    expect(() => mutationStatements(m({ fields: { $deleted: true } }))).toThrow(/plain name|reserved/);
    expect(() => mutationStatements(m({ fields: { a: undefined } }))).toThrow(/undefined/);
    expect(() => mutationStatements(m({ at: new Date('nope') }))).toThrow(/valid Date/);
    expect(() => mutationStatements(m({ op: 'merge' as never }))).toThrow(/op must be/);
  });

  it('queues a blob once, and refuses a malformed hash', async () => {
    const sha = 'a'.repeat(64);
    await store.transaction([
      ...blobUploadStatements({ sha256: sha, size: 10, at }),
      ...blobUploadStatements({ sha256: sha, size: 10, at }),
    ]);
    expect(await store.query('SELECT sha256, size FROM sync_blob_queue')).toEqual([{ sha256: sha, size: 10 }]);
    expect(() => blobUploadStatements({ sha256: 'ABC', size: 1, at })).toThrow(/64 lowercase hex/);
  });
});
