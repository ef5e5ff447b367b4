import { canonicalJson, listItemKey } from './canonical-json';

/** The reserved scalar that carries a delete (op 'delete' sets it to true). */
export const DELETED_FIELD = '$deleted';

export type MutationOp = 'upsert' | 'append' | 'delete';

/** One change as the workstation's outbox keeps it and pushes it. */
export interface OutboxRow {
  mutationId: number;
  /** The hub seq this workstation had pulled up to when the change was made. */
  baseSeq: number;
  entity: string;
  entityId: string;
  op: MutationOp;
  fields: Record<string, unknown>;
  at: string;
  actorId: string | null;
}

/**
 * The merge rules, shared by the hub and every workstation so all of them reach
 * the same state and the same conflicts from the same hub order. Pure functions.
 *
 * - Scalars: last writer wins by hub seq. A write is a CONFLICT when the value it
 *   replaces came from another workstation, was not yet seen by the writer (its
 *   seq is above the writer's base seq, the cursor it had pulled when it made
 *   the change) and differs. The replaced value is kept as the loser.
 * - Lists: union of items; an item keeps the seq that first brought it.
 * - Delete: the scalar DELETED_FIELD set to true, ordered like any scalar.
 * - Bookkeeping fields (`updatedAt`) follow last writer wins but never raise a
 *   conflict: every concurrent edit touches them, and officers should only be
 *   asked about the fields they actually edited.
 */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['updatedAt']);

/** A workstation's mutation as the hub numbered it (its seq) and hands it out on pull. */
export interface HubChange extends OutboxRow {
  seq: number;
  clientId: string;
}

export interface FieldVersion {
  /** Canonical JSON of the value. */
  value: string;
  seq: number;
  clientId: string;
  actorId: string | null;
  at: string;
}

export interface ConflictRecord {
  /** `<winner seq>:<field>`: the same id on the hub and every workstation. */
  id: string;
  entity: string;
  entityId: string;
  field: string;
  winner: FieldVersion;
  loser: FieldVersion;
}

/** Scalar writes a change makes, as [field, canonical JSON value]. */
export function scalarWrites(change: Pick<HubChange, 'op' | 'fields'>): Array<[string, string]> {
  if (change.op === 'delete') return [[DELETED_FIELD, 'true']];
  if (change.op !== 'upsert') return [];
  return Object.keys(change.fields)
    .sort()
    .map((field) => [field, canonicalJson(change.fields[field])]);
}

/** List items a change adds, as [field, item key, canonical JSON item]. */
export function listWrites(change: Pick<HubChange, 'op' | 'fields'>): Array<[string, string, string]> {
  if (change.op !== 'append') return [];
  const out: Array<[string, string, string]> = [];
  for (const field of Object.keys(change.fields).sort()) {
    const items = change.fields[field];
    if (!Array.isArray(items)) continue;
    for (const item of items) out.push([field, listItemKey(item), canonicalJson(item)]);
  }
  return out;
}

/** The version a scalar write installs, and the conflict it causes, if any. */
export function decideScalar(
  current: FieldVersion | undefined,
  change: HubChange,
  field: string,
  value: string,
): { next: FieldVersion; conflict: ConflictRecord | null } {
  const next: FieldVersion = { value, seq: change.seq, clientId: change.clientId, actorId: change.actorId, at: change.at };
  const unseenRival =
    !BOOKKEEPING_FIELDS.has(field) &&
    current !== undefined &&
    current.clientId !== change.clientId &&
    current.seq > change.baseSeq &&
    current.value !== value;
  const conflict = unseenRival
    ? { id: `${change.seq}:${field}`, entity: change.entity, entityId: change.entityId, field, winner: next, loser: current }
    : null;
  return { next, conflict };
}
