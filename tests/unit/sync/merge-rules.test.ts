import { describe, expect, it } from 'vitest';
import { canonicalJson, listItemKey } from '../../../preload/contract/canonical-json';
import type { OutboxRow } from '../../../main/services/sync/outbox';
import { decideScalar, type FieldVersion, type HubChange, listWrites, scalarWrites } from '../../../preload/contract/merge-rules';
import { displayState, emptyReplica, foldChange, type FoldResult } from '../../../main/services/sync/replica';

const change = (over: Partial<HubChange>): HubChange => ({
  seq: 10,
  clientId: 'client-b',
  mutationId: 1,
  baseSeq: 0,
  entity: 'case',
  entityId: 'c1',
  op: 'upsert',
  fields: {},
  at: '2026-05-01T08:00:00.000Z',
  actorId: 'u1',
  ...over,
});
const version = (over: Partial<FieldVersion>): FieldVersion => ({
  value: '"open"',
  seq: 5,
  clientId: 'client-a',
  actorId: 'u0',
  at: '2026-05-01T07:00:00.000Z',
  ...over,
});
const fold = (): FoldResult => ({ changedScalars: new Set(), newItems: [], conflicts: [] });

describe('canonical JSON', () => {
  it('gives equal values equal text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 1, z: 0 }] }, b: 1 }),
    );
  });
  it('identifies list items by id, else by content', () => {
    expect(listItemKey({ id: 'n1', text: 'a' })).toBe(listItemKey({ text: 'b', id: 'n1' }));
    expect(listItemKey('tag-1')).toBe('json:"tag-1"');
    expect(listItemKey({ text: 'x', n: 1 })).toBe(listItemKey({ n: 1, text: 'x' }));
  });
});

describe('scalar last-writer-wins with the loser kept', () => {
  it('conflicts when another workstation wrote a different value the writer had not seen', () => {
    const { next, conflict } = decideScalar(version({ seq: 5 }), change({ baseSeq: 4 }), 'status', '"closed"');
    expect(next).toMatchObject({ value: '"closed"', seq: 10, clientId: 'client-b' });
    expect(conflict).toMatchObject({
      id: '10:status',
      field: 'status',
      winner: { value: '"closed"' },
      loser: { value: '"open"', clientId: 'client-a', seq: 5 },
    });
  });
  it('does not conflict when the writer had seen the value it replaces', () => {
    expect(decideScalar(version({ seq: 5 }), change({ baseSeq: 5 }), 'status', '"closed"').conflict).toBeNull();
  });
  it('does not conflict with the same workstation, nor over an equal value, nor on a first write', () => {
    expect(decideScalar(version({ clientId: 'client-b' }), change({}), 'status', '"closed"').conflict).toBeNull();
    expect(decideScalar(version({}), change({}), 'status', '"open"').conflict).toBeNull();
    expect(decideScalar(undefined, change({}), 'status', '"open"').conflict).toBeNull();
  });
  it('treats a delete as the reserved scalar and an append as list items', () => {
    expect(scalarWrites({ op: 'delete', fields: {} })).toEqual([['$deleted', 'true']]);
    expect(scalarWrites({ op: 'upsert', fields: { b: 2, a: { y: 1, x: 0 } } })).toEqual([
      ['a', '{"x":0,"y":1}'],
      ['b', '2'],
    ]);
    expect(listWrites({ op: 'append', fields: { notes: [{ id: 'n1' }, 'plain'] } })).toEqual([
      ['notes', 'id:n1', '{"id":"n1"}'],
      ['notes', 'json:"plain"', '"plain"'],
    ]);
    expect(scalarWrites({ op: 'append', fields: { notes: [] } })).toEqual([]);
  });
});

describe('replica fold and display', () => {
  it('merges lists by union in hub order and keeps an item at the seq that first brought it', () => {
    const replica = emptyReplica('case', 'c1');
    const f = fold();
    foldChange(replica, change({ seq: 1, op: 'append', fields: { notes: [{ id: 'a', t: 1 }] } }), f);
    foldChange(
      replica,
      change({ seq: 2, clientId: 'client-a', op: 'append', fields: { notes: [{ id: 'b' }, { id: 'a', t: 1 }] } }),
      f,
    );
    expect(f.newItems.map((i) => [i.key, i.seq])).toEqual([
      ['id:a', 1],
      ['id:b', 2],
    ]);
    expect(displayState(replica, [], []).fields.notes).toEqual([{ id: 'a', t: 1 }, { id: 'b' }]);
  });

  it('shows pending local values over confirmed ones, and pending list items after confirmed ones', () => {
    const replica = emptyReplica('case', 'c1');
    foldChange(replica, change({ seq: 1, fields: { status: 'open', weight: 3 } }), fold());
    foldChange(replica, change({ seq: 2, op: 'append', fields: { tags: ['x'] } }), fold());
    const pending: OutboxRow[] = [
      {
        mutationId: 7,
        baseSeq: 2,
        entity: 'case',
        entityId: 'c1',
        op: 'upsert' as const,
        fields: { status: 'closed' },
        at: '',
        actorId: null,
      },
      {
        mutationId: 8,
        baseSeq: 2,
        entity: 'case',
        entityId: 'c1',
        op: 'append' as const,
        fields: { tags: ['x', 'y'] },
        at: '',
        actorId: null,
      },
    ];
    expect(displayState(replica, pending, ['status'])).toEqual({
      entity: 'case',
      entityId: 'c1',
      deleted: false,
      fields: { status: 'closed', weight: 3, tags: ['x', 'y'] },
      changedFields: ['status'],
    });
    const deleting: OutboxRow[] = [{ ...(pending[0] as OutboxRow), mutationId: 9, op: 'delete', fields: {} }];
    expect(displayState(replica, deleting, []).deleted).toBe(true);
  });

  it('records one conflict per losing write, chained through three writers', () => {
    const replica = emptyReplica('case', 'c1');
    const f = fold();
    foldChange(replica, change({ seq: 1, clientId: 'x', fields: { s: 1 } }), f);
    foldChange(replica, change({ seq: 2, clientId: 'y', fields: { s: 2 } }), f);
    foldChange(replica, change({ seq: 3, clientId: 'z', fields: { s: 3 } }), f);
    expect(f.conflicts.map((c) => [c.id, c.loser.value, c.winner.value])).toEqual([
      ['2:s', '1', '2'],
      ['3:s', '2', '3'],
    ]);
  });
});

describe('bookkeeping fields', () => {
  it('take the last writer without raising a conflict', () => {
    const current = {
      value: '"2026-11-25T10:00:00.000Z"',
      seq: 5,
      clientId: 'ws-a',
      actorId: 'u1',
      at: '2026-11-25T10:00:00.000Z',
    };
    const change = {
      seq: 6,
      clientId: 'ws-b',
      mutationId: 1,
      baseSeq: 2,
      entity: 'case',
      entityId: 'c1',
      op: 'upsert' as const,
      fields: { updatedAt: '2026-11-25T10:01:00.000Z' },
      at: '2026-11-25T10:01:00.000Z',
      actorId: 'u2',
    };
    const decided = decideScalar(current, change, 'updatedAt', '"2026-11-25T10:01:00.000Z"');
    expect(decided.conflict).toBeNull();
    expect(decided.next.seq).toBe(6);
    expect(decideScalar(current, change, 'title', '"x"').conflict).not.toBeNull();
  });
});
