import type { Statement } from '../store/types';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import { DELETED_FIELD, type MutationOp, type OutboxRow } from '../../../preload/contract/merge-rules';
import { findSyncEntity } from './sync-entity';

export type { MutationOp, OutboxRow };

/**
 * The outbox: every local change to a synced entity is recorded here as a
 * mutation, in the SAME store transaction as the change itself, so a change and
 * its mutation exist together or not at all (a crash cannot lose one of them).
 *
 * Usage (in the owning service):
 *
 *   await store.transaction([
 *     ...caseRowStatements,                       // the domain change
 *     auditStatement({...}),                      // its audit entry
 *     ...mutationStatements({ entity: 'case', entityId: id, op: 'upsert',
 *         fields: { status: 'closed', assignee: 'u2' }, at: clock.now(), actorId }),
 *   ]);
 *
 * Operations:
 * - `upsert`: set scalar fields (a partial record; omitted fields are untouched).
 *   Concurrent edits of one field resolve by hub order (last writer wins); the
 *   losing value is kept in `sync_conflicts` for an officer to resolve.
 * - `append`: add items to list fields (`fields: { notes: [note], custody: [entry] }`,
 *   every value an array). Lists merge by union: an item is identified by its
 *   string `id` when it has one, else by its canonical JSON; it is never lost.
 * - `delete`: mark the entity deleted (`fields` must be `{}`); a tombstone, ordered
 *   by the hub like any scalar field.
 *
 * Values must be JSON (no undefined, functions, bigint; Dates become ISO strings).
 *
 * Mutation ids: the workstation's client id (assigned once by the sync engine)
 * plus a per-workstation counter that increases by exactly 1 per mutation. The
 * counter is bumped and read inside SQL (no random(), no clock in SQL), so the
 * journal replays it identically; if the surrounding transaction rolls back, the
 * id is not consumed and no gap appears.
 */

export interface Mutation {
  entity: string;
  entityId: string;
  op: MutationOp;
  fields: Record<string, unknown>;
  at: Date;
  /** The signed-in user who made the change; null for system changes. */
  actorId: string | null;
}

/** An outbox row as the sync engine reads it back. */

const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** Throws an Error naming the offending part of the mutation; nothing is written. */
export function validateMutation(m: Mutation): void {
  const where = `sync mutation on ${JSON.stringify(m.entity)} ${JSON.stringify(m.entityId)}`;
  if (!NAME.test(m.entity))
    throw new Error(`${where}: entity must be a name of letters, digits, '_', '.', '-' (1–64, starting with a letter).`);
  if (typeof m.entityId !== 'string' || m.entityId.length === 0 || m.entityId.length > 200)
    throw new Error(`${where}: entityId must be a non-empty string of at most 200 characters.`);
  if (!(m.at instanceof Date) || Number.isNaN(m.at.getTime())) throw new Error(`${where}: at must be a valid Date.`);
  if (m.fields === null || typeof m.fields !== 'object' || Array.isArray(m.fields))
    throw new Error(`${where}: fields must be an object.`);
  const names = Object.keys(m.fields);
  const definition = findSyncEntity(m.entity);
  for (const name of names) {
    if (!NAME.test(name)) throw new Error(`${where}: field name ${JSON.stringify(name)} is not a plain name.`);
    if (name === DELETED_FIELD) throw new Error(`${where}: ${DELETED_FIELD} is reserved; use op 'delete'.`);
  }
  switch (m.op) {
    case 'upsert':
      if (names.length === 0) throw new Error(`${where}: upsert needs at least one field.`);
      for (const name of names) {
        if (definition?.listFields.includes(name))
          throw new Error(`${where}: ${name} is a list field; add to it with op 'append'.`);
        if (m.fields[name] === undefined) throw new Error(`${where}: field ${name} is undefined; use null to clear it.`);
      }
      break;
    case 'append':
      if (names.length === 0) throw new Error(`${where}: append needs at least one list field.`);
      for (const name of names) {
        if (!Array.isArray(m.fields[name])) throw new Error(`${where}: append field ${name} must be an array of items.`);
        if (definition && !definition.listFields.includes(name))
          throw new Error(
            `${where}: ${name} is not a list field of ${m.entity} (lists: ${definition.listFields.join(', ') || 'none'}).`,
          );
      }
      break;
    case 'delete':
      if (names.length > 0) throw new Error(`${where}: delete takes no fields.`);
      break;
    default:
      throw new Error(`${where}: op must be upsert, append or delete.`);
  }
}

/**
 * Statements that append `m` to the outbox. Put them in the same
 * `store.transaction([...])` as the change they describe. Throws (before
 * anything is written) when the mutation is malformed.
 */
export function mutationStatements(m: Mutation): Statement[] {
  validateMutation(m);
  const fields = canonicalJson(m.fields);
  return [
    { sql: 'UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE id = 1' },
    {
      sql: `INSERT INTO sync_outbox (mutation_id, base_seq, entity, entity_id, op, fields, at, actor_id)
            SELECT next_mutation_id - 1, cursor, :entity, :entityId, :op, :fields, :at, :actorId FROM sync_state WHERE id = 1`,
      params: {
        ':entity': m.entity,
        ':entityId': m.entityId,
        ':op': m.op,
        ':fields': fields,
        ':at': m.at.toISOString(),
        ':actorId': m.actorId,
      },
    },
  ];
}

/** Reads outbox rows after `afterMutationId`, oldest first (the push order). */
export function outboxRowFromSql(row: Record<string, unknown>): OutboxRow {
  return {
    mutationId: Number(row.mutation_id),
    baseSeq: Number(row.base_seq),
    entity: String(row.entity),
    entityId: String(row.entity_id),
    op: String(row.op) as MutationOp,
    fields: JSON.parse(String(row.fields)) as Record<string, unknown>,
    at: String(row.at),
    actorId: row.actor_id === null ? null : String(row.actor_id),
  };
}
