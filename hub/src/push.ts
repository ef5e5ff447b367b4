import type pg from 'pg';
import {
  decideScalar,
  type ConflictRecord,
  type FieldVersion,
  type HubChange,
  listWrites,
  scalarWrites,
} from '../../preload/contract/merge-rules';
import { firstRow, HubError } from './hub-error';
import type { PushBody, PushResult } from '../../preload/contract/hub-wire';
import { mutationProblem, type SyncEntitySchemas } from '../../preload/contract/sync-entities';

const key = (entity: string, entityId: string, field: string): string => JSON.stringify([entity, entityId, field]);

/**
 * Applies a device's batch exactly once, in one PostgreSQL transaction:
 * the client row (FOR UPDATE) says which mutation comes next; duplicates are
 * skipped, a gap is refused with 409 and the expected id; the log head row
 * (FOR UPDATE) hands out seqs in commit order; the merged state and conflicts
 * are updated by the same rules the workstations use.
 */
export async function applyPush(
  pool: pg.Pool,
  deviceId: string,
  body: PushBody,
  schemas: SyncEntitySchemas,
): Promise<PushResult> {
  checkEntities(body, schemas);
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await db.query('INSERT INTO clients (client_id, device_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [
      body.clientId,
      deviceId,
    ]);
    const client = firstRow(
      (
        await db.query<{ device_id: string; last: string }>(
          'SELECT device_id, last_applied_mutation_id AS last FROM clients WHERE client_id = $1 FOR UPDATE',
          [body.clientId],
        )
      ).rows,
      'client row',
    );
    if (String(client.device_id) !== deviceId)
      throw new HubError(
        403,
        'client_of_other_device',
        `Client ${body.clientId} belongs to another device; each workstation pushes with its own device token.`,
      );
    const last = Number(client.last);
    const fresh = body.mutations.filter((m) => m.mutationId > last);
    const first = fresh[0];
    const final = fresh[fresh.length - 1];
    if (first === undefined || final === undefined) {
      await db.query('COMMIT');
      return { appliedThrough: last, applied: 0, lastSeq: 0 };
    }
    if (first.mutationId !== last + 1)
      throw new HubError(
        409,
        'out_of_order',
        `Mutation ${first.mutationId} of client ${body.clientId} arrived before ${last + 1}; push from ${last + 1}.`,
        {
          expectedMutationId: last + 1,
        },
      );

    await bindActors(db, deviceId, fresh);
    const head = Number(
      firstRow((await db.query<{ last_seq: string }>('SELECT last_seq FROM log_head WHERE id = 1 FOR UPDATE')).rows, 'log head')
        .last_seq,
    );
    const changes: HubChange[] = fresh.map((m, i) => ({
      ...m,
      baseSeq: Math.min(m.baseSeq, head),
      seq: head + 1 + i,
      clientId: body.clientId,
    }));
    const lastSeq = head + changes.length;

    await db.query(
      `INSERT INTO changes (seq, client_id, mutation_id, base_seq, entity, entity_id, op, fields, at, actor_id)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[], $10::text[])`,
      [
        changes.map((c) => c.seq),
        changes.map((c) => c.clientId),
        changes.map((c) => c.mutationId),
        changes.map((c) => c.baseSeq),
        changes.map((c) => c.entity),
        changes.map((c) => c.entityId),
        changes.map((c) => c.op),
        changes.map((c) => JSON.stringify(c.fields)),
        changes.map((c) => c.at),
        changes.map((c) => c.actorId),
      ],
    );
    await applyState(db, changes);
    await db.query('UPDATE log_head SET last_seq = $1 WHERE id = 1', [lastSeq]);
    await db.query('UPDATE clients SET last_applied_mutation_id = $2, last_push_at = now() WHERE client_id = $1', [
      body.clientId,
      final.mutationId,
    ]);
    await db.query('COMMIT');
    return { appliedThrough: final.mutationId, applied: fresh.length, lastSeq };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

/** Every mutation must fit its entity's schema; the first that does not is refused by name (nothing applied). */
function checkEntities(body: PushBody, schemas: SyncEntitySchemas): void {
  for (const [index, m] of body.mutations.entries()) {
    const problem = mutationProblem(schemas, m);
    if (problem)
      throw new HubError(400, 'invalid_entity', `Mutation ${m.mutationId}: ${problem}.`, {
        mutationId: m.mutationId,
        index,
        entity: m.entity,
        entityId: m.entityId,
      });
  }
}

/**
 * An actor (a workstation user) belongs to the first device that sends a change
 * by them; afterwards only that device may send as them, so a device cannot
 * write a status change or a custody entry in another workstation's user's name.
 */
async function bindActors(db: pg.PoolClient, deviceId: string, mutations: PushBody['mutations']): Promise<void> {
  const actors = [...new Set(mutations.map((m) => m.actorId).filter((a): a is string => a !== null))];
  if (actors.length === 0) return;
  await db.query(
    `INSERT INTO device_actors (actor_id, device_id) SELECT a, $2 FROM unnest($1::text[]) AS a ON CONFLICT (actor_id) DO NOTHING`,
    [actors, deviceId],
  );
  const foreign = await db.query<{ actor_id: string }>(
    'SELECT actor_id FROM device_actors WHERE actor_id = ANY($1::text[]) AND device_id <> $2 ORDER BY actor_id LIMIT 1',
    [actors, deviceId],
  );
  const actor = foreign.rows[0]?.actor_id;
  if (actor !== undefined)
    throw new HubError(
      403,
      'actor_of_other_device',
      `Actor ${actor} belongs to another device; a workstation sends changes only in the names of its own users.`,
      { actorId: actor },
    );
}

/** Folds the batch into entity_fields / entity_list_items / conflicts with a few set-based queries. */
async function applyState(db: pg.PoolClient, changes: HubChange[]): Promise<void> {
  const scalarKeys = new Map<string, [string, string, string]>();
  for (const c of changes)
    for (const [field] of scalarWrites(c)) scalarKeys.set(key(c.entity, c.entityId, field), [c.entity, c.entityId, field]);

  const current = new Map<string, FieldVersion>();
  if (scalarKeys.size > 0) {
    const triples = [...scalarKeys.values()];
    const rows = await db.query<{
      entity: string;
      entity_id: string;
      field: string;
      value: string;
      seq: string;
      client_id: string;
      actor_id: string | null;
      at: string;
    }>(
      `SELECT f.* FROM entity_fields f
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(entity, entity_id, field)
         ON f.entity = k.entity AND f.entity_id = k.entity_id AND f.field = k.field
       FOR UPDATE OF f`,
      [triples.map((t) => t[0]), triples.map((t) => t[1]), triples.map((t) => t[2])],
    );
    for (const r of rows.rows)
      current.set(key(r.entity, r.entity_id, r.field), {
        value: r.value,
        seq: Number(r.seq),
        clientId: r.client_id,
        actorId: r.actor_id,
        at: r.at,
      });
  }

  const conflicts: ConflictRecord[] = [];
  const touched = new Set<string>();
  const items = new Map<string, [string, string, string, string, string, number]>();
  for (const c of changes) {
    for (const [field, value] of scalarWrites(c)) {
      const k = key(c.entity, c.entityId, field);
      const decision = decideScalar(current.get(k), c, field, value);
      current.set(k, decision.next);
      touched.add(k);
      if (decision.conflict) conflicts.push(decision.conflict);
    }
    for (const [field, itemKey, item] of listWrites(c)) {
      const k = JSON.stringify([c.entity, c.entityId, field, itemKey]);
      if (!items.has(k)) items.set(k, [c.entity, c.entityId, field, itemKey, item, c.seq]);
    }
  }

  if (touched.size > 0) {
    const rows = [...touched].map(
      (k) => [...(JSON.parse(k) as [string, string, string]), current.get(k) as FieldVersion] as const,
    );
    await db.query(
      `INSERT INTO entity_fields (entity, entity_id, field, value, seq, client_id, actor_id, at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (entity, entity_id, field) DO UPDATE SET value = EXCLUDED.value, seq = EXCLUDED.seq, client_id = EXCLUDED.client_id,
         actor_id = EXCLUDED.actor_id, at = EXCLUDED.at`,
      [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3].value),
        rows.map((r) => r[3].seq),
        rows.map((r) => r[3].clientId),
        rows.map((r) => r[3].actorId),
        rows.map((r) => r[3].at),
      ],
    );
  }
  if (items.size > 0) {
    const rows = [...items.values()];
    await db.query(
      `INSERT INTO entity_list_items (entity, entity_id, field, item_key, item, seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
       ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4, 5].map((i) => rows.map((r) => r[i])),
    );
  }
  if (conflicts.length > 0) {
    await db.query(
      `INSERT INTO conflicts (id, entity, entity_id, field, winner_value, winner_seq, winner_client, loser_value, loser_seq, loser_client)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::bigint[], $10::text[])
       ON CONFLICT (id) DO NOTHING`,
      [
        conflicts.map((c) => c.id),
        conflicts.map((c) => c.entity),
        conflicts.map((c) => c.entityId),
        conflicts.map((c) => c.field),
        conflicts.map((c) => c.winner.value),
        conflicts.map((c) => c.winner.seq),
        conflicts.map((c) => c.winner.clientId),
        conflicts.map((c) => c.loser.value),
        conflicts.map((c) => c.loser.seq),
        conflicts.map((c) => c.loser.clientId),
      ],
    );
  }
}
