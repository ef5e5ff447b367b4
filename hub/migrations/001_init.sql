-- Devices that may talk to the hub. Only a SHA-256 of each bearer token is kept.
CREATE TABLE devices (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ
);

-- One row per workstation outbox; the row lock serializes its pushes and the
-- last applied id makes them exactly-once.
CREATE TABLE clients (
  client_id TEXT PRIMARY KEY,
  device_id BIGINT NOT NULL REFERENCES devices(id),
  last_applied_mutation_id BIGINT NOT NULL DEFAULT 0,
  first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_push_at TIMESTAMPTZ
);

-- The single hub order. log_head is locked by every push, so seqs are handed
-- out in commit order and a puller never skips a seq that commits later.
CREATE TABLE log_head (
  id INT PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL
);
INSERT INTO log_head (id, last_seq) VALUES (1, 0);

CREATE TABLE changes (
  seq BIGINT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(client_id),
  mutation_id BIGINT NOT NULL,
  base_seq BIGINT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'append', 'delete')),
  fields JSONB NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  actor_id TEXT,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (client_id, mutation_id)
);

-- The merged state the hub order produces (same rules as the workstations).
CREATE TABLE entity_fields (
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL, -- canonical JSON
  seq BIGINT NOT NULL,
  client_id TEXT NOT NULL,
  actor_id TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id, field)
);

CREATE TABLE entity_list_items (
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  item_key TEXT NOT NULL,
  item TEXT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (entity, entity_id, field, item_key)
);

CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  winner_value TEXT NOT NULL,
  winner_seq BIGINT NOT NULL,
  winner_client TEXT NOT NULL,
  loser_value TEXT NOT NULL,
  loser_seq BIGINT NOT NULL,
  loser_client TEXT NOT NULL
);

-- Evidence blobs, content-addressed. Uploads in progress grow in blob_uploads
-- and move to blobs once their SHA-256 checks out.
CREATE TABLE blob_uploads (
  sha256 TEXT PRIMARY KEY,
  total_size BIGINT NOT NULL,
  data BYTEA NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  data BYTEA NOT NULL,
  uploaded_by BIGINT REFERENCES devices(id),
  completed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Signing key for audit-head receipts; shared by every hub instance.
CREATE TABLE signing_keys (
  key_id TEXT PRIMARY KEY,
  private_key_pem TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE audit_heads (
  id BIGSERIAL PRIMARY KEY,
  client_id TEXT NOT NULL,
  device_id BIGINT NOT NULL REFERENCES devices(id),
  seq BIGINT NOT NULL,
  head TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  UNIQUE (client_id, seq)
);
