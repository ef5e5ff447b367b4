-- Who may speak for an actor: the first device that sends a change by an actor
-- (a workstation user) holds it, and no other device may send as that actor.
CREATE TABLE device_actors (
  actor_id TEXT PRIMARY KEY,
  device_id BIGINT NOT NULL REFERENCES devices(id),
  first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Evidence uploads are keyed by content hash AND device: a device that started
-- an upload with a wrong length, or stopped halfway, can only hold up itself, and
-- its own next try with another length starts afresh. Untouched uploads expire.
-- The bytes are chunk rows (no ever-growing bytea rewritten on every append).
DROP TABLE blob_uploads;
CREATE TABLE blob_uploads (
  sha256 TEXT NOT NULL,
  device_id BIGINT NOT NULL REFERENCES devices(id),
  total_size BIGINT NOT NULL CHECK (total_size >= 0),
  received BIGINT NOT NULL DEFAULT 0,
  expires_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (sha256, device_id)
);
CREATE INDEX blob_uploads_expiry ON blob_uploads (expires_at);
CREATE TABLE blob_upload_chunks (
  sha256 TEXT NOT NULL,
  device_id BIGINT NOT NULL,
  "offset" BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (sha256, device_id, "offset"),
  FOREIGN KEY (sha256, device_id) REFERENCES blob_uploads (sha256, device_id) ON DELETE CASCADE
);

-- Complete blobs are chunk rows too, read back one chunk at a time as a stream.
CREATE TABLE blob_chunks (
  sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
  "offset" BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (sha256, "offset")
);
INSERT INTO blob_chunks (sha256, "offset", data) SELECT sha256, 0, data FROM blobs WHERE size > 0;
ALTER TABLE blobs DROP COLUMN data;
