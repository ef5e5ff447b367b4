import { listItemKey } from '../../../preload/contract/canonical-json';
import {
  type ConflictRecord,
  decideScalar,
  type FieldVersion,
  type HubChange,
  listWrites,
  scalarWrites,
} from '../../../preload/contract/merge-rules';
import type { OutboxRow } from './outbox';
import { DELETED_FIELD, type RemoteEntityState } from './sync-entity';

/** What the hub's order produced for one entity, as the workstation keeps it. */
export interface EntityReplica {
  entity: string;
  entityId: string;
  scalars: Map<string, FieldVersion>;
  /** field → item key → { item (canonical JSON), seq } */
  lists: Map<string, Map<string, { item: string; seq: number }>>;
}

export interface FoldResult {
  changedScalars: Set<string>;
  newItems: Array<{ field: string; key: string; item: string; seq: number }>;
  conflicts: ConflictRecord[];
}

export const replicaKey = (entity: string, entityId: string): string => JSON.stringify([entity, entityId]);

export function emptyReplica(entity: string, entityId: string): EntityReplica {
  return { entity, entityId, scalars: new Map(), lists: new Map() };
}

/** Applies one hub change to the replica (same rules as the hub) and reports what changed. */
export function foldChange(replica: EntityReplica, change: HubChange, into: FoldResult): void {
  for (const [field, value] of scalarWrites(change)) {
    const decision = decideScalar(replica.scalars.get(field), change, field, value);
    replica.scalars.set(field, decision.next);
    into.changedScalars.add(field);
    if (decision.conflict) into.conflicts.push(decision.conflict);
  }
  for (const [field, key, item] of listWrites(change)) {
    let items = replica.lists.get(field);
    if (!items) replica.lists.set(field, (items = new Map()));
    if (items.has(key)) continue;
    items.set(key, { item, seq: change.seq });
    into.newItems.push({ field, key, item, seq: change.seq });
  }
}

/**
 * The state an officer sees: hub-confirmed fields, then this workstation's
 * pending mutations on top in their order (local pending values win until the
 * hub has them). Lists keep hub order, then pending items not yet confirmed.
 */
export function displayState(
  replica: EntityReplica,
  pending: readonly OutboxRow[],
  changedFields: Iterable<string>,
): RemoteEntityState {
  const fields: Record<string, unknown> = {};
  for (const [field, version] of replica.scalars)
    if (field !== DELETED_FIELD) fields[field] = JSON.parse(version.value) as unknown;
  let deleted = replica.scalars.get(DELETED_FIELD)?.value === 'true';
  const listKeys = new Map<string, Set<string>>();
  for (const [field, items] of replica.lists) {
    const ordered = [...items.entries()].sort((a, b) => a[1].seq - b[1].seq || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    fields[field] = ordered.map(([, v]) => JSON.parse(v.item) as unknown);
    listKeys.set(field, new Set(ordered.map(([k]) => k)));
  }
  for (const m of pending) {
    if (m.op === 'delete') deleted = true;
    else if (m.op === 'upsert') Object.assign(fields, m.fields);
    else
      for (const [field, items] of Object.entries(m.fields)) {
        const list = Array.isArray(fields[field]) ? (fields[field] as unknown[]) : [];
        const keys = listKeys.get(field) ?? new Set<string>();
        for (const item of items as unknown[]) {
          const key = listItemKey(item);
          if (keys.has(key)) continue;
          keys.add(key);
          list.push(item);
        }
        fields[field] = list;
        listKeys.set(field, keys);
      }
  }
  return {
    entity: replica.entity,
    entityId: replica.entityId,
    deleted,
    fields,
    changedFields: [...new Set(changedFields)].sort(),
  };
}
