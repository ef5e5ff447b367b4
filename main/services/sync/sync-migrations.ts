import type { MigrationStep } from '../store/types';

/**
 * Workstation tables for sync. One state row holds the mutation counter, the
 * pull cursor and what the hub has acknowledged, so an outbox append, its
 * domain change and the counter bump commit (or roll back) together.
 */
export const syncMigrations: MigrationStep[] = [
  {
    name: 'sync: outbox, hub-confirmed replica, conflicts, blob queue, audit receipts',
    sql: `
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        client_id TEXT,
        next_mutation_id INTEGER NOT NULL CHECK (next_mutation_id >= 1),
        acked_through INTEGER NOT NULL DEFAULT 0,
        cursor INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT
      );
      INSERT INTO sync_state (id, next_mutation_id) VALUES (1, 1);

      -- Every local change, in the order it was made. A row leaves the outbox when
      -- the pull brings it back from the hub (then hub order decides its fields).
      CREATE TABLE sync_outbox (
        mutation_id INTEGER PRIMARY KEY,
        base_seq INTEGER NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'append', 'delete')),
        fields TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT
      );
      CREATE INDEX sync_outbox_by_entity ON sync_outbox(entity, entity_id, mutation_id);

      -- The state the hub's order produced, field by field (scalars: last writer).
      CREATE TABLE sync_fields (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        seq INTEGER NOT NULL,
        client_id TEXT NOT NULL,
        actor_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
      ) WITHOUT ROWID;

      -- List fields merge by union; an item is kept once, at the seq that first brought it.
      CREATE TABLE sync_list_items (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        item_key TEXT NOT NULL,
        item TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (entity, entity_id, field, item_key)
      ) WITHOUT ROWID;
      CREATE INDEX sync_list_items_order ON sync_list_items(entity, entity_id, field, seq, item_key);

      -- A losing value is never dropped: it waits here until an officer resolves it.
      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        winner_value TEXT NOT NULL,
        winner_seq INTEGER NOT NULL,
        winner_client TEXT NOT NULL,
        winner_actor TEXT,
        winner_at TEXT NOT NULL,
        loser_value TEXT NOT NULL,
        loser_seq INTEGER NOT NULL,
        loser_client TEXT NOT NULL,
        loser_actor TEXT,
        loser_at TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT,
        resolution TEXT CHECK (resolution IN ('kept-winner', 'took-loser'))
      ) WITHOUT ROWID;
      CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, winner_seq);

      -- Content-addressed evidence blobs still to upload.
      CREATE TABLE sync_blob_queue (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL CHECK (size >= 0),
        queued_at TEXT NOT NULL,
        uploaded_at TEXT
      ) WITHOUT ROWID;

      -- Blobs pulled states refer to that this workstation does not hold yet.
      CREATE TABLE sync_blob_downloads (
        sha256 TEXT PRIMARY KEY,
        queued_seq INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Signed receipts from the hub for this workstation's audit chain head.
      CREATE TABLE sync_audit_receipts (
        seq INTEGER PRIMARY KEY,
        head TEXT NOT NULL,
        received_at TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        receipt TEXT NOT NULL
      );

      -- Optimistic guard: a pull applies only if no local mutation slipped in
      -- between its read and its write (the NOT NULL insert aborts the transaction).
      CREATE TABLE sync_guard (v INTEGER NOT NULL);
    `,
  },
];

/** Pulled changes a workstation could not land (schema or database rules), kept with the reason. */
export const syncQuarantineMigrations: MigrationStep[] = [
  {
    name: 'sync: quarantine for pulled changes that fail their schema or the database rules',
    sql: `
      CREATE TABLE sync_quarantine (
        seq INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL,
        mutation_id INTEGER NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL,
        fields TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT,
        reason TEXT NOT NULL,
        quarantined_at TEXT NOT NULL
      );
    `,
  },
];
