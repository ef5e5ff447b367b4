/**
 * The gate event log (numbered in main/services/migrations.ts). One row per
 * vehicle seen arriving or leaving through a lane; `seq` orders events recorded
 * in the same millisecond. Rows are never changed or deleted: the log is evidence.
 * Not synced: a gate event is this workstation's own sighting and its declaration
 * link depends on the local queue; syncing would need a hub-side entity and merge
 * rules (main/services/sync/sync-entity.ts), which is more than a registration.
 */
import type { MigrationStep } from '../store/types';
import { plateKeySql } from './plate-key-sql';

export const gateMigrations: MigrationStep[] = [
  {
    name: 'gate: event log',
    sql: `
CREATE TABLE gate_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  lane_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('arrival', 'departure')),
  plate TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('officer', 'recognition')),
  camera_id TEXT,
  confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
  recorded_by_id TEXT,
  recorded_by TEXT NOT NULL,
  declaration_number TEXT,
  CHECK ((source = 'recognition') = (confidence IS NOT NULL))
);
CREATE INDEX gate_events_at ON gate_events (at DESC, seq DESC);
CREATE INDEX gate_events_plate ON gate_events (plate, at, seq);
CREATE INDEX gate_events_lane ON gate_events (lane_id, at DESC, seq DESC);
CREATE TRIGGER gate_events_no_update BEFORE UPDATE ON gate_events BEGIN SELECT RAISE(ABORT, 'the gate log is append-only'); END;
CREATE TRIGGER gate_events_no_delete BEFORE DELETE ON gate_events BEGIN SELECT RAISE(ABORT, 'the gate log is append-only'); END;
-- The gate links an event to a declaration by plate, in its normalised form.
CREATE INDEX declarations_plate_key ON declarations (${plateKeySql('vehicle_plate')});
`,
  },
  {
    // The key as a column written by the declarations repository with normalisePlate,
    // so the gate links plates the SQL expression above missed (en dashes, underscores,
    // full-width forms). Rows from before this step are filled in by fillPlateKeys.
    name: 'gate: declaration plate key column',
    sql: `
ALTER TABLE declarations ADD COLUMN plate_key TEXT;
DROP INDEX declarations_plate_key;
CREATE INDEX declarations_plate_key ON declarations (plate_key) WHERE plate_key IS NOT NULL;
CREATE INDEX declarations_plate_key_missing ON declarations (number) WHERE plate_key IS NULL AND vehicle_plate IS NOT NULL;
`,
  },
];
