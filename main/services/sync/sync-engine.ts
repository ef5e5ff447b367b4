import { createHash, randomUUID } from 'node:crypto';
import type { WireChange, WireMutation } from '../../../preload/contract/hub-wire';
import type { SyncConflict } from '../../../preload/contract/schemas/sync';
import type { Clock } from '../clock';
import type { Row, Statement, Store } from '../store/types';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import { HubClient, type FetchLike, type HubConnection, HubHttpError, HubUnreachableError } from './hub-client';
import type { FieldVersion, HubChange } from '../../../preload/contract/merge-rules';
import { mutationStatements, outboxRowFromSql, type OutboxRow } from './outbox';
import { displayState, emptyReplica, type EntityReplica, foldChange, type FoldResult, replicaKey } from './replica';
import { syncRegistry, type SyncRegistry } from './sync-entity';
import { mutationProblem } from '../../../preload/contract/sync-entities';

export type SyncStateName = 'standalone' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncStateName;
  /** Local mutations the hub has not acknowledged yet. */
  pending: number;
  /** Last round that reached the hub and finished, ISO time. */
  lastSyncAt: string | null;
  clientId: string | null;
  /** What went wrong in the last round (offline or refused), for the officer. */
  lastError: string | null;
  openConflicts: number;
  /** Pulled changes set aside because they failed their schema or the database's rules. */
  quarantined: number;
}

/** A pulled change this workstation did not land, and why (kept for a supervisor to see). */
export interface QuarantinedChange {
  seq: number;
  clientId: string;
  entity: string;
  entityId: string;
  op: string;
  actorId: string | null;
  at: string;
  reason: string;
  quarantinedAt: string;
}

export interface SyncRoundResult {
  pushed: number;
  pulled: number;
  conflicts: number;
  blobsUploaded: number;
  blobsDownloaded: number;
}

/** The content-addressed blob store (evidence files) the engine uploads from and downloads into. */
export interface BlobSource {
  read(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
  /** Stores bytes the engine already checked against their SHA-256. */
  put(bytes: Uint8Array): Promise<void>;
}

export interface SyncEngineOptions {
  store: Store;
  clock: Clock;
  /** null means standalone: the engine keeps the outbox and does nothing else. */
  hub: () => HubConnection | null;
  registry?: SyncRegistry;
  fetch?: FetchLike;
  blobs?: BlobSource;
  /** The local audit chain head to have the hub sign; null while the chain is empty. */
  auditHead?: () => Promise<{ seq: number; head: string } | null>;
  pushBatch?: number;
  pullPage?: number;
  blobChunkBytes?: number;
  requestTimeoutMs?: number;
  /** Background rounds: every intervalMs while healthy, backing off to maxBackoffMs while failing. */
  intervalMs?: number;
  maxBackoffMs?: number;
  onStatus?: (status: SyncStatus) => void;
  onError?: (error: unknown) => void;
  /** After each round: whether the hub answered (any HTTP answer) or could not be reached, so online/offline follows at once. */
  onHubContact?: (reachable: boolean) => void;
  /** Told after a page in which pulled changes were quarantined. */
  onQuarantine?: (changes: QuarantinedChange[]) => void;
}

const GUARD_FAILURE = /sync_guard\.v/;
/** A pulled change the area's tables refuse (SQLite constraint or type rules): quarantined, not retried forever. */
const CONSTRAINT_FAILURE = /constraint failed|datatype mismatch/i;

/**
 * Pushes the outbox to the hub in order, pulls the hub's changes by cursor and
 * lands them through the registered entities. Every step is idempotent: a
 * round cut at any point (crash, hub restart, lost answer) is simply repeated.
 */
export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #registry: SyncRegistry;
  #clientId: string | null = null;
  #state: SyncStateName = 'idle';
  #lastError: string | null = null;
  #running: Promise<SyncRoundResult> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #failures = 0;
  #stopped = true;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#registry = options.registry ?? syncRegistry;
  }

  /** This workstation's id at the hub, assigned once and kept in the store. */
  async clientId(): Promise<string> {
    if (this.#clientId) return this.#clientId;
    const row = (await this.#o.store.query<{ client_id: string | null }>('SELECT client_id FROM sync_state WHERE id = 1'))[0];
    if (row?.client_id) return (this.#clientId = row.client_id);
    await this.#o.store.transaction([
      { sql: 'UPDATE sync_state SET client_id = :id WHERE id = 1 AND client_id IS NULL', params: { ':id': randomUUID() } },
    ]);
    return this.clientId();
  }

  async status(): Promise<SyncStatus> {
    const row = (
      await this.#o.store.query<{
        pending: number;
        last_sync_at: string | null;
        client_id: string | null;
        conflicts: number;
        quarantined: number;
      }>(
        `SELECT (SELECT count(*) FROM sync_outbox WHERE mutation_id > s.acked_through) AS pending, s.last_sync_at, s.client_id,
                (SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL) AS conflicts,
                (SELECT count(*) FROM sync_quarantine) AS quarantined
         FROM sync_state s WHERE s.id = 1`,
      )
    )[0];
    return {
      state: this.#o.hub() ? this.#state : 'standalone',
      pending: Number(row?.pending ?? 0),
      lastSyncAt: row?.last_sync_at ?? null,
      clientId: row?.client_id ?? null,
      lastError: this.#lastError,
      openConflicts: Number(row?.conflicts ?? 0),
      quarantined: Number(row?.quarantined ?? 0),
    };
  }

  /** Starts background rounds (standalone: only watches for a hub being configured). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }

  /** Asks for a round soon (after a local change, or the officer pressed "sync now"). */
  kick(): void {
    if (!this.#stopped && !this.#running) this.#schedule(50);
  }

  /** One full round: push everything, pull everything, upload blobs, send the audit head. */
  syncOnce(): Promise<SyncRoundResult> {
    if (this.#running) return this.#running;
    const round = this.#round().finally(() => {
      this.#running = null;
    });
    this.#running = round;
    return round;
  }

  #schedule(delayMs: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#stopped) return;
      if (!this.#o.hub()) return this.#schedule(this.#o.intervalMs ?? 10_000);
      void this.syncOnce().then(
        () => {
          this.#failures = 0;
          this.#schedule(this.#o.intervalMs ?? 10_000);
        },
        (error: unknown) => {
          this.#failures += 1;
          this.#o.onError?.(error);
          // Exponential backoff with jitter so a fleet coming back online does not stampede the hub.
          const base = Math.min(this.#o.maxBackoffMs ?? 60_000, 500 * 2 ** Math.min(this.#failures, 10));
          this.#schedule(base / 2 + Math.random() * (base / 2));
        },
      );
    }, delayMs);
    this.#timer.unref?.();
  }

  async #emitStatus(): Promise<void> {
    if (this.#o.onStatus) this.#o.onStatus(await this.status());
  }

  async #round(): Promise<SyncRoundResult> {
    const connection = this.#o.hub();
    if (!connection) {
      this.#state = 'idle';
      return { pushed: 0, pulled: 0, conflicts: 0, blobsUploaded: 0, blobsDownloaded: 0 };
    }
    const hub = new HubClient(connection, this.#o.fetch, this.#o.requestTimeoutMs);
    this.#state = 'syncing';
    await this.#emitStatus();
    try {
      const clientId = await this.clientId();
      const pushed = await this.#pushAll(hub, clientId);
      const { pulled, conflicts } = await this.#pullAll(hub, clientId);
      const blobsUploaded = await this.#uploadBlobs(hub);
      const blobsDownloaded = await this.#downloadBlobs(hub);
      await this.#sendAuditHead(hub, clientId);
      await this.#o.store.transaction([
        { sql: 'UPDATE sync_state SET last_sync_at = :at WHERE id = 1', params: { ':at': this.#o.clock.now().toISOString() } },
      ]);
      this.#state = 'idle';
      this.#lastError = null;
      this.#o.onHubContact?.(true);
      return { pushed, pulled, conflicts, blobsUploaded, blobsDownloaded };
    } catch (error) {
      this.#state = error instanceof HubHttpError ? 'error' : 'offline';
      this.#lastError = error instanceof Error ? error.message : String(error);
      if (error instanceof HubHttpError) this.#o.onHubContact?.(true);
      else if (error instanceof HubUnreachableError) this.#o.onHubContact?.(false);
      throw error;
    } finally {
      await this.#emitStatus().catch(() => undefined);
    }
  }

  async #pushAll(hub: HubClient, clientId: string): Promise<number> {
    let pushed = 0;
    for (;;) {
      const acked = Number(
        (await this.#o.store.query<{ acked: number }>('SELECT acked_through AS acked FROM sync_state WHERE id = 1'))[0]?.acked ??
          0,
      );
      const rows = (
        await this.#o.store.query('SELECT * FROM sync_outbox WHERE mutation_id > :acked ORDER BY mutation_id LIMIT :n', {
          ':acked': acked,
          ':n': this.#o.pushBatch ?? 500,
        })
      ).map(outboxRowFromSql);
      if (rows.length === 0) return pushed;
      let appliedThrough: number;
      try {
        const result = await hub.push(clientId, rows.map(toWire));
        appliedThrough = result.appliedThrough;
        pushed += result.applied;
      } catch (error) {
        // The hub has more (a lost answer) or fewer (never here: its store is durable) than we think: resume where it says.
        if (error instanceof HubHttpError && error.code === 'out_of_order' && typeof error.body.expectedMutationId === 'number') {
          appliedThrough = error.body.expectedMutationId - 1;
          await this.#o.store.transaction([
            { sql: 'UPDATE sync_state SET acked_through = :n WHERE id = 1', params: { ':n': appliedThrough } },
          ]);
          continue;
        }
        throw error;
      }
      await this.#o.store.transaction([
        { sql: 'UPDATE sync_state SET acked_through = max(acked_through, :n) WHERE id = 1', params: { ':n': appliedThrough } },
      ]);
    }
  }

  async #pullAll(hub: HubClient, clientId: string): Promise<{ pulled: number; conflicts: number }> {
    let pulled = 0;
    let conflicts = 0;
    for (;;) {
      const cursor = Number(
        (await this.#o.store.query<{ cursor: number }>('SELECT cursor FROM sync_state WHERE id = 1'))[0]?.cursor ?? 0,
      );
      const page = await hub.pull(cursor, this.#o.pullPage ?? 1000);
      const fresh = page.changes.filter((c) => c.seq > cursor);
      if (fresh.length > 0) conflicts += await this.#applyPage(fresh.map(fromWire), clientId);
      pulled += fresh.length;
      if (!page.hasMore || fresh.length === 0) return { pulled, conflicts };
    }
  }

  /**
   * Lands one page in one transaction; retried if a local mutation slipped in
   * meanwhile. A change that fails its entity's schema is quarantined instead of
   * landed; if the page still breaks a database rule, its changes are landed one
   * by one and the one that breaks it is quarantined. Either way the cursor moves
   * on: one bad change never stops sync.
   */
  async #applyPage(changes: HubChange[], clientId: string): Promise<number> {
    const rejected = new Map<number, string>();
    for (const change of changes) {
      const schema = this.#registry.get(change.entity)?.schema;
      const problem = schema ? mutationProblem({ [change.entity]: schema }, change) : null;
      if (problem) rejected.set(change.seq, `refused by its schema: ${problem}`);
    }
    try {
      return await this.#applyPageRetrying(changes, clientId, rejected);
    } catch (error) {
      if (!(error instanceof Error && CONSTRAINT_FAILURE.test(error.message))) throw error;
      const landable = changes.filter((c) => !rejected.has(c.seq));
      if (landable.length === 0) throw error;
      if (landable.length === 1) {
        rejected.set((landable[0] as HubChange).seq, `refused by the database: ${error.message}`);
        return this.#applyPageRetrying(changes, clientId, rejected);
      }
      let conflicts = 0;
      for (const change of changes) conflicts += await this.#applyPage([change], clientId);
      return conflicts;
    }
  }

  async #applyPageRetrying(changes: HubChange[], clientId: string, rejected: Map<number, string>): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const conflicts = await this.#applyPageOnce(changes, clientId, rejected);
        if (rejected.size > 0) this.#o.onQuarantine?.(await this.quarantine([...rejected.keys()]));
        return conflicts;
      } catch (error) {
        if (attempt < 20 && error instanceof Error && GUARD_FAILURE.test(error.message)) continue;
        throw error;
      }
    }
  }

  async #applyPageOnce(page: HubChange[], clientId: string, rejected: ReadonlyMap<number, string>): Promise<number> {
    const store = this.#o.store;
    const guard = Number((await store.query<{ n: number }>('SELECT next_mutation_id AS n FROM sync_state WHERE id = 1'))[0]?.n);
    const changes = page.filter((c) => !rejected.has(c.seq));
    const statements: Statement[] = [];
    const now = this.#o.clock.now().toISOString();
    for (const change of page) {
      const reason = rejected.get(change.seq);
      if (reason === undefined) continue;
      statements.push(quarantineStatement(change, reason, now));
      // An own change the hub accepted but this workstation cannot land is still acknowledged: it left the outbox.
      if (change.clientId === clientId)
        statements.push({ sql: 'DELETE FROM sync_outbox WHERE mutation_id = :m', params: { ':m': change.mutationId } });
    }
    const keys = [
      ...new Map(changes.map((c) => [replicaKey(c.entity, c.entityId), [c.entity, c.entityId] as [string, string]])).values(),
    ];
    const replicas = await this.#loadReplicas(keys);
    const folds = new Map<string, FoldResult>();
    let ownThrough = Math.max(0, ...page.filter((c) => c.clientId === clientId && rejected.has(c.seq)).map((c) => c.mutationId));
    for (const change of changes) {
      const k = replicaKey(change.entity, change.entityId);
      let fold = folds.get(k);
      if (!fold) folds.set(k, (fold = { changedScalars: new Set(), newItems: [], conflicts: [] }));
      foldChange(replicas.get(k) as EntityReplica, change, fold);
      if (change.clientId === clientId) {
        ownThrough = Math.max(ownThrough, change.mutationId);
        statements.push({ sql: 'DELETE FROM sync_outbox WHERE mutation_id = :m', params: { ':m': change.mutationId } });
      }
    }
    const pending = await this.#pendingFor(keys, ownThrough);
    let conflictCount = 0;
    for (const [k, fold] of folds) {
      const replica = replicas.get(k) as EntityReplica;
      for (const field of fold.changedScalars)
        statements.push(fieldUpsert(replica, field, replica.scalars.get(field) as FieldVersion));
      for (const item of fold.newItems)
        statements.push({
          sql: `INSERT INTO sync_list_items (entity, entity_id, field, item_key, item, seq) VALUES (:e, :i, :f, :k, :item, :seq)
                ON CONFLICT DO NOTHING`,
          params: {
            ':e': replica.entity,
            ':i': replica.entityId,
            ':f': item.field,
            ':k': item.key,
            ':item': item.item,
            ':seq': item.seq,
          },
        });
      for (const c of fold.conflicts) {
        conflictCount += 1;
        statements.push({
          sql: `INSERT INTO sync_conflicts (id, entity, entity_id, field, winner_value, winner_seq, winner_client, winner_actor, winner_at,
                  loser_value, loser_seq, loser_client, loser_actor, loser_at)
                VALUES (:id, :e, :i, :f, :wv, :ws, :wc, :wa, :wt, :lv, :ls, :lc, :la, :lt) ON CONFLICT (id) DO NOTHING`,
          params: {
            ':id': c.id,
            ':e': c.entity,
            ':i': c.entityId,
            ':f': c.field,
            ':wv': c.winner.value,
            ':ws': c.winner.seq,
            ':wc': c.winner.clientId,
            ':wa': c.winner.actorId,
            ':wt': c.winner.at,
            ':lv': c.loser.value,
            ':ls': c.loser.seq,
            ':lc': c.loser.clientId,
            ':la': c.loser.actorId,
            ':lt': c.loser.at,
          },
        });
      }
      const definition = this.#registry.get(replica.entity);
      if (definition) {
        const changed = [...fold.changedScalars, ...fold.newItems.map((i) => i.field)];
        const state = displayState(replica, pending.get(k) ?? [], changed);
        statements.push(...definition.applyRemote(state));
        for (const sha256 of definition.blobRefs?.(state) ?? [])
          if (/^[0-9a-f]{64}$/.test(sha256))
            statements.push({
              sql: 'INSERT INTO sync_blob_downloads (sha256, queued_seq) VALUES (:sha, :seq) ON CONFLICT DO NOTHING',
              params: { ':sha': sha256, ':seq': changes[changes.length - 1]?.seq ?? 0 },
            });
      }
    }
    const last = page[page.length - 1] as HubChange;
    statements.push(
      {
        sql: 'UPDATE sync_state SET cursor = max(cursor, :seq), acked_through = max(acked_through, :own) WHERE id = 1',
        params: { ':seq': last.seq, ':own': ownThrough },
      },
      {
        sql: 'INSERT INTO sync_guard (v) SELECT NULL FROM sync_state WHERE id = 1 AND next_mutation_id <> :n',
        params: { ':n': guard },
      },
    );
    await store.transaction(statements);
    return conflictCount;
  }

  async #loadReplicas(keys: Array<[string, string]>): Promise<Map<string, EntityReplica>> {
    const replicas = new Map<string, EntityReplica>(keys.map(([e, i]) => [replicaKey(e, i), emptyReplica(e, i)]));
    const json = JSON.stringify(keys);
    const scope = `(entity, entity_id) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:keys))`;
    for (const r of await this.#o.store.query(`SELECT * FROM sync_fields WHERE ${scope}`, { ':keys': json })) {
      const replica = replicas.get(replicaKey(String(r.entity), String(r.entity_id)));
      replica?.scalars.set(String(r.field), {
        value: String(r.value),
        seq: Number(r.seq),
        clientId: String(r.client_id),
        actorId: r.actor_id === null ? null : String(r.actor_id),
        at: String(r.at),
      });
    }
    for (const r of await this.#o.store.query(`SELECT * FROM sync_list_items WHERE ${scope}`, { ':keys': json })) {
      const replica = replicas.get(replicaKey(String(r.entity), String(r.entity_id)));
      if (!replica) continue;
      let items = replica.lists.get(String(r.field));
      if (!items) replica.lists.set(String(r.field), (items = new Map()));
      items.set(String(r.item_key), { item: String(r.item), seq: Number(r.seq) });
    }
    return replicas;
  }

  /** Pending (not yet pulled back) outbox rows per entity, excluding those this page confirms. */
  async #pendingFor(keys: Array<[string, string]>, confirmedThrough: number): Promise<Map<string, OutboxRow[]>> {
    const rows = await this.#o.store.query(
      `SELECT * FROM sync_outbox WHERE mutation_id > :m AND (entity, entity_id) IN
         (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:keys)) ORDER BY mutation_id`,
      { ':keys': JSON.stringify(keys), ':m': confirmedThrough },
    );
    const out = new Map<string, OutboxRow[]>();
    for (const row of rows.map(outboxRowFromSql)) {
      const k = replicaKey(row.entity, row.entityId);
      out.set(k, [...(out.get(k) ?? []), row]);
    }
    return out;
  }

  async #uploadBlobs(hub: HubClient): Promise<number> {
    const source = this.#o.blobs;
    if (!source) return 0;
    const queued = await this.#o.store.query<{ sha256: string; size: number }>(
      'SELECT sha256, size FROM sync_blob_queue WHERE uploaded_at IS NULL ORDER BY queued_at, sha256',
    );
    let uploaded = 0;
    for (const blob of queued) {
      const bytes = await source.read(blob.sha256);
      if (!bytes) continue; // not on disk (yet): the evidence owner reports missing files; retry next round
      let { offset, complete } = await hub.blobProgress(blob.sha256);
      const chunk = this.#o.blobChunkBytes ?? 4 * 1024 * 1024;
      while (!complete) {
        try {
          ({ offset, complete } = await hub.uploadChunk(
            blob.sha256,
            offset,
            bytes.length,
            bytes.subarray(offset, Math.min(bytes.length, offset + chunk)),
          ));
        } catch (error) {
          if (error instanceof HubHttpError && typeof error.body.expectedOffset === 'number') {
            offset = error.body.expectedOffset; // a lost answer or a second uploader: resume where the hub is
            continue;
          }
          throw error;
        }
      }
      await this.#o.store.transaction([
        {
          sql: 'UPDATE sync_blob_queue SET uploaded_at = :at WHERE sha256 = :sha',
          params: { ':at': this.#o.clock.now().toISOString(), ':sha': blob.sha256 },
        },
      ]);
      uploaded += 1;
    }
    return uploaded;
  }

  async #downloadBlobs(hub: HubClient): Promise<number> {
    const source = this.#o.blobs;
    if (!source) return 0;
    const wanted = await this.#o.store.query<{ sha256: string }>(
      'SELECT sha256 FROM sync_blob_downloads ORDER BY queued_seq, sha256',
    );
    let downloaded = 0;
    for (const { sha256 } of wanted) {
      if (!(await source.has(sha256))) {
        const progress = await hub.blobProgress(sha256);
        if (!progress.complete) continue; // its workstation has not finished uploading it: next round
        const bytes = await hub.downloadBlob(sha256);
        const found = createHash('sha256').update(bytes).digest('hex');
        if (found !== sha256)
          throw new HubUnreachableError(`blob ${sha256} arrived as bytes hashing to ${found}; discarded, will retry`);
        await source.put(bytes);
        downloaded += 1;
      }
      await this.#o.store.transaction([
        { sql: 'DELETE FROM sync_blob_downloads WHERE sha256 = :sha', params: { ':sha': sha256 } },
      ]);
    }
    return downloaded;
  }

  async #sendAuditHead(hub: HubClient, clientId: string): Promise<void> {
    const head = await this.#o.auditHead?.();
    if (!head) return;
    const known = await this.#o.store.query('SELECT 1 FROM sync_audit_receipts WHERE seq = :seq AND head = :head', {
      ':seq': head.seq,
      ':head': head.head,
    });
    if (known.length > 0) return;
    const receipt = await hub.sendAuditHead(clientId, head.seq, head.head, this.#o.clock.now());
    await this.#o.store.transaction([
      {
        sql: `INSERT INTO sync_audit_receipts (seq, head, received_at, key_id, signature, receipt) VALUES (:seq, :head, :at, :key, :sig, :receipt)
              ON CONFLICT (seq) DO NOTHING`,
        params: {
          ':seq': receipt.seq,
          ':head': receipt.head,
          ':at': receipt.receivedAt,
          ':key': receipt.keyId,
          ':sig': receipt.signature,
          ':receipt': canonicalJson(receipt),
        },
      },
    ]);
  }

  /** Quarantined changes, newest first (or just those with the given seqs). */
  async quarantine(seqs?: number[]): Promise<QuarantinedChange[]> {
    const rows = await this.#o.store.query(
      seqs
        ? 'SELECT * FROM sync_quarantine WHERE seq IN (SELECT value FROM json_each(:seqs)) ORDER BY seq DESC'
        : 'SELECT * FROM sync_quarantine ORDER BY seq DESC LIMIT 500',
      seqs ? { ':seqs': JSON.stringify(seqs) } : undefined,
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      clientId: String(r.client_id),
      entity: String(r.entity),
      entityId: String(r.entity_id),
      op: String(r.op),
      actorId: r.actor_id === null ? null : String(r.actor_id),
      at: String(r.at),
      reason: String(r.reason),
      quarantinedAt: String(r.quarantined_at),
    }));
  }

  /** Open conflicts (or all, newest first), with the values as JSON. */
  async conflicts(includeResolved = false): Promise<SyncConflict[]> {
    const rows = await this.#o.store.query(
      `SELECT * FROM sync_conflicts ${includeResolved ? '' : 'WHERE resolved_at IS NULL'} ORDER BY winner_seq DESC, field LIMIT 500`,
    );
    return rows.map(conflictFromSql);
  }

  /**
   * Settles a conflict. 'keep-winner' only records the decision; 'take-loser'
   * writes the losing value back as a new local mutation (it syncs like any
   * change) and lands it in the area's tables at once.
   */
  async resolveConflict(id: string, choice: 'keep-winner' | 'take-loser', actorId: string | null): Promise<SyncConflict> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#resolveOnce(id, choice, actorId);
      } catch (error) {
        if (attempt < 20 && error instanceof Error && GUARD_FAILURE.test(error.message)) continue;
        throw error;
      }
    }
  }

  async #resolveOnce(id: string, choice: 'keep-winner' | 'take-loser', actorId: string | null): Promise<SyncConflict> {
    const store = this.#o.store;
    const row = (await store.query('SELECT * FROM sync_conflicts WHERE id = :id', { ':id': id }))[0];
    if (!row)
      throw new Error(`sync conflict ${id} not found; it may have been resolved on this workstation already (refresh the list).`);
    const conflict = conflictFromSql(row);
    if (conflict.resolvedAt)
      throw new Error(`sync conflict ${id} on ${conflict.entity} ${conflict.entityId} (${conflict.field}) is already resolved.`);
    const now = this.#o.clock.now();
    const statements: Statement[] = [
      {
        sql: 'UPDATE sync_conflicts SET resolved_at = :at, resolved_by = :by, resolution = :r WHERE id = :id AND resolved_at IS NULL',
        params: {
          ':at': now.toISOString(),
          ':by': actorId,
          ':r': choice === 'keep-winner' ? 'kept-winner' : 'took-loser',
          ':id': id,
        },
      },
    ];
    if (choice === 'take-loser') {
      const guard = Number((await store.query<{ n: number }>('SELECT next_mutation_id AS n FROM sync_state WHERE id = 1'))[0]?.n);
      const base = Number((await store.query<{ c: number }>('SELECT cursor AS c FROM sync_state WHERE id = 1'))[0]?.c ?? 0);
      const mutation = {
        entity: conflict.entity,
        entityId: conflict.entityId,
        op: 'upsert' as const,
        fields: { [conflict.field]: conflict.loserValue },
        at: now,
        actorId,
      };
      statements.push(...mutationStatements(mutation));
      const keys: Array<[string, string]> = [[conflict.entity, conflict.entityId]];
      const replica = (await this.#loadReplicas(keys)).get(replicaKey(conflict.entity, conflict.entityId)) as EntityReplica;
      const pending = (await this.#pendingFor(keys, 0)).get(replicaKey(conflict.entity, conflict.entityId)) ?? [];
      const ownNew: OutboxRow = { mutationId: guard, baseSeq: base, ...mutation, at: now.toISOString() };
      const definition = this.#registry.get(conflict.entity);
      if (definition) statements.push(...definition.applyRemote(displayState(replica, [...pending, ownNew], [conflict.field])));
      statements.push({
        sql: 'INSERT INTO sync_guard (v) SELECT NULL FROM sync_state WHERE id = 1 AND next_mutation_id <> :n',
        params: { ':n': guard + 1 },
      });
    }
    await store.transaction(statements);
    this.kick();
    const updated = (await store.query('SELECT * FROM sync_conflicts WHERE id = :id', { ':id': id }))[0] as Row;
    return conflictFromSql(updated);
  }
}

export type { SyncConflict };

/** Values are stored as the JSON text of what was synced. */
type JsonValue = SyncConflict['winnerValue'];

function conflictFromSql(r: Row): SyncConflict {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    entity: String(r.entity),
    entityId: String(r.entity_id),
    field: String(r.field),
    winnerValue: JSON.parse(String(r.winner_value)) as JsonValue,
    winnerClient: String(r.winner_client),
    winnerActor: text(r.winner_actor),
    winnerAt: String(r.winner_at),
    loserValue: JSON.parse(String(r.loser_value)) as JsonValue,
    loserClient: String(r.loser_client),
    loserActor: text(r.loser_actor),
    loserAt: String(r.loser_at),
    resolvedAt: text(r.resolved_at),
    resolvedBy: text(r.resolved_by),
    resolution: (text(r.resolution) as SyncConflict['resolution']) ?? null,
  };
}

function quarantineStatement(change: HubChange, reason: string, now: string): Statement {
  return {
    sql: `INSERT INTO sync_quarantine (seq, client_id, mutation_id, entity, entity_id, op, fields, at, actor_id, reason, quarantined_at)
          VALUES (:seq, :c, :m, :e, :i, :op, :f, :at, :a, :r, :now) ON CONFLICT (seq) DO NOTHING`,
    params: {
      ':seq': change.seq,
      ':c': change.clientId,
      ':m': change.mutationId,
      ':e': change.entity,
      ':i': change.entityId,
      ':op': change.op,
      ':f': canonicalJson(change.fields),
      ':at': change.at,
      ':a': change.actorId,
      ':r': reason.slice(0, 2000),
      ':now': now,
    },
  };
}

function fieldUpsert(replica: EntityReplica, field: string, v: FieldVersion): Statement {
  return {
    sql: `INSERT INTO sync_fields (entity, entity_id, field, value, seq, client_id, actor_id, at) VALUES (:e, :i, :f, :v, :s, :c, :a, :t)
          ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq, client_id = excluded.client_id,
            actor_id = excluded.actor_id, at = excluded.at`,
    params: {
      ':e': replica.entity,
      ':i': replica.entityId,
      ':f': field,
      ':v': v.value,
      ':s': v.seq,
      ':c': v.clientId,
      ':a': v.actorId,
      ':t': v.at,
    },
  };
}

function toWire(row: OutboxRow): WireMutation {
  return {
    mutationId: row.mutationId,
    baseSeq: row.baseSeq,
    entity: row.entity,
    entityId: row.entityId,
    op: row.op,
    fields: row.fields as WireMutation['fields'],
    at: row.at,
    actorId: row.actorId,
  };
}

function fromWire(c: WireChange): HubChange {
  return { ...c, fields: c.fields as Record<string, unknown> };
}

export { HubUnreachableError };
