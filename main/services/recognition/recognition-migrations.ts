/**
 * Recognition at the gate (numbered in main/services/migrations.ts): the decision
 * taken for each recognised vehicle, and the settings a supervisor keeps per camera
 * and per lane. A decision row is written once; only its resolution (the officer's
 * answer to an alert) is filled in later, once, and never cleared.
 */
import type { MigrationStep } from '../store/types';

export const recognitionMigrations: MigrationStep[] = [
  {
    name: 'recognition: gate decisions, camera settings and lane policies',
    sql: `
CREATE TABLE gate_decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  event_id TEXT NOT NULL REFERENCES gate_events (id),
  lane_id TEXT NOT NULL,
  camera_id TEXT NOT NULL,
  plate_json TEXT NOT NULL,
  container_json TEXT,
  face TEXT NOT NULL CHECK (face IN ('match', 'mismatch', 'uncertain', 'not-checked')),
  declaration_number TEXT,
  candidates_json TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('autoReleased', 'alert', 'confirmed', 'corrected')),
  reasons_json TEXT NOT NULL,
  barrier_opened INTEGER NOT NULL CHECK (barrier_opened IN (0, 1)),
  first_seen_at TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  decision_ms INTEGER NOT NULL CHECK (decision_ms >= 0),
  frames INTEGER NOT NULL,
  snapshot TEXT,
  resolved_by TEXT,
  resolved_at TEXT,
  resolved_plate TEXT,
  resolved_declaration TEXT,
  CHECK ((kind IN ('confirmed', 'corrected')) = (resolved_at IS NOT NULL))
);
CREATE INDEX gate_decisions_decided ON gate_decisions (decided_at DESC, seq DESC);
CREATE INDEX gate_decisions_open ON gate_decisions (seq DESC) WHERE kind = 'alert';
-- A decision is evidence: its reads and reasons never change, and an alert is resolved once.
CREATE TRIGGER gate_decisions_no_delete BEFORE DELETE ON gate_decisions BEGIN SELECT RAISE(ABORT, 'gate decisions are kept'); END;
CREATE TRIGGER gate_decisions_resolve_once BEFORE UPDATE ON gate_decisions
WHEN OLD.kind <> 'alert' OR NEW.plate_json <> OLD.plate_json OR NEW.reasons_json <> OLD.reasons_json OR NEW.decided_at <> OLD.decided_at
BEGIN SELECT RAISE(ABORT, 'a gate decision is resolved once and its reads never change'); END;

CREATE TABLE recognition_cameras (
  camera_id TEXT PRIMARY KEY,
  settings_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE TABLE gate_lane_policies (
  lane_id TEXT PRIMARY KEY,
  auto_release INTEGER NOT NULL CHECK (auto_release IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
`,
  },
];
