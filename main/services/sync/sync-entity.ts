import type { SyncEntitySchema } from '../../../preload/contract/sync-entities';
import type { Row, SqlParams, Statement } from '../store/types';

/**
 * How a domain area (cases, evidence…) lets the sync engine land pulled changes
 * in its own tables. Register once, at module load of the area's sync file
 * (e.g. `main/services/cases/case-sync.ts`, imported by the area's service):
 *
 *   registerSyncEntity({
 *     entity: 'case',
 *     listFields: ['notes', 'evidence', 'custody'],
 *     applyRemote: (state) => caseRowStatementsFrom(state),
 *     readLocal: (id, store) => readCase(store, id),
 *   });
 *
 * The engine keeps a replica of what the hub's order produced for every synced
 * entity. After a pull (and after an officer resolves a conflict) it computes the
 * entity's merged state — hub-confirmed fields, then this workstation's still
 * pending mutations on top (local pending values win for display until the hub
 * has them; then hub order decides) — and calls `applyRemote(state)`. The
 * returned statements run in the engine's transaction with the replica update
 * and cursor move, so they must be deterministic SQL (ids and times as params)
 * and must NOT call mutationStatements (a remote change is not a new local one).
 *
 * The definition must not hold a store: several workstations (tests) share one
 * registry; `readLocal` receives the store reader to use.
 */
export interface RemoteEntityState {
  entity: string;
  entityId: string;
  /** True once a delete is the last word on this entity. */
  deleted: boolean;
  /**
   * Every field ever set: scalars with their merged value, list fields as
   * arrays in hub order (then pending local items). A field never set is absent.
   */
  fields: Record<string, unknown>;
  /** Fields this apply changed (scalars and lists), for areas that update selectively. */
  changedFields: string[];
}

export interface StoreReader {
  query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
}

export interface SyncEntityDefinition {
  /** Same name as used in mutationStatements({ entity }). */
  entity: string;
  /**
   * What a pulled change of this entity may carry (the hub checks pushes against
   * the same schema); a change that fails it is quarantined, not landed.
   */
  schema?: SyncEntitySchema;
  /** Fields merged by union (e.g. notes, evidence, custody); every other field is a scalar. */
  listFields: readonly string[];
  /** Statements that write the merged state into the area's own tables. */
  applyRemote(state: RemoteEntityState): Statement[];
  /**
   * The area's current view of one entity (as the officer sees it), or null.
   * Used to show the current value beside a conflict and to check convergence.
   */
  readLocal(id: string, store: StoreReader): Promise<Record<string, unknown> | null>;
  /**
   * SHA-256 addresses of content blobs (evidence files) the state refers to.
   * The engine downloads those this workstation lacks after landing the state,
   * through the engine's BlobSource; optional for areas without files.
   */
  blobRefs?(state: RemoteEntityState): string[];
}

import { DELETED_FIELD } from '../../../preload/contract/merge-rules';

export { DELETED_FIELD };

/** A set of entity definitions; the engine takes one (default: the shared registry). */
export class SyncRegistry {
  readonly #byEntity = new Map<string, SyncEntityDefinition>();

  register(definition: SyncEntityDefinition): void {
    const existing = this.#byEntity.get(definition.entity);
    if (existing && existing !== definition && existing.applyRemote !== definition.applyRemote) {
      // Re-registration from a hot reload or a second import is fine; two areas claiming one name is not.
      if (existing.listFields.join(',') !== definition.listFields.join(','))
        throw new Error(
          `sync entity ${definition.entity} is registered twice with different list fields (${existing.listFields.join(', ')} vs ${definition.listFields.join(', ')}).`,
        );
    }
    if (definition.listFields.includes(DELETED_FIELD))
      throw new Error(`sync entity ${definition.entity}: ${DELETED_FIELD} cannot be a list field.`);
    this.#byEntity.set(definition.entity, definition);
  }

  get(entity: string): SyncEntityDefinition | undefined {
    return this.#byEntity.get(entity);
  }

  entities(): SyncEntityDefinition[] {
    return [...this.#byEntity.values()];
  }
}

/** The registry the app's sync engine uses. */
export const syncRegistry = new SyncRegistry();

/** Registers an area's entity with the app's sync engine (see the interface above). */
export function registerSyncEntity(definition: SyncEntityDefinition): void {
  syncRegistry.register(definition);
}

/** The definition registered for `entity` in the shared registry, if any. */
export function findSyncEntity(entity: string): SyncEntityDefinition | undefined {
  return syncRegistry.get(entity);
}
