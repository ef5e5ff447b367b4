/**
 * Declaration versions (numbered in main/services/migrations.ts, appended last).
 *
 * A re-lodged number used to replace its queue row, undoing releases and re-routes.
 * Now every received version is kept in `declaration_versions` (with its message
 * function, source, content hash and what it did), the queue row learns a
 * `cancelled` status and remembers the lane a supervisor set by hand
 * (`manual_lane`), and the timeline gains amendment, cancellation and review
 * events. SQLite cannot change a CHECK constraint in place, so the queue and
 * event tables are rebuilt with their rows, ids and indexes. Versions already in
 * the database become version 1 with an empty hash, filled in the first time the
 * number is received again (hashing needs JavaScript, migrations are SQL).
 */
import type { MigrationStep } from '../store/types';

export const queueVersionMigrations: MigrationStep[] = [
  {
    name: 'queue: declaration versions, cancelled status, manual lane, amendment events',
    sql: `
CREATE TABLE declaration_queue_next (
  number TEXT PRIMARY KEY,
  office TEXT NOT NULL,
  lodgement_time TEXT NOT NULL,
  arrival_time TEXT,
  trader_id TEXT NOT NULL,
  trader_name TEXT NOT NULL,
  aeo INTEGER NOT NULL,
  perishable INTEGER NOT NULL,
  expedited INTEGER NOT NULL,
  priority INTEGER NOT NULL,
  lane TEXT NOT NULL CHECK (lane IN ('green', 'yellow', 'blue', 'red')),
  engine_lane TEXT NOT NULL,
  score INTEGER NOT NULL,
  hits_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'documentsRequested', 'inspection', 'held', 'released', 'cancelled')),
  assignee_id TEXT,
  assignee_name TEXT,
  sla_due_at TEXT NOT NULL,
  risk_assessed_at TEXT NOT NULL,
  documentary_check_at TEXT,
  inspection_at TEXT,
  released_at TEXT,
  search_text TEXT NOT NULL,
  hs_codes TEXT NOT NULL,
  -- The lane a supervisor set by hand; an amendment's re-assessment never goes below it.
  manual_lane TEXT CHECK (manual_lane IN ('green', 'yellow', 'blue', 'red')),
  cancelled_at TEXT
);
INSERT INTO declaration_queue_next
SELECT q.number, q.office, q.lodgement_time, q.arrival_time, q.trader_id, q.trader_name, q.aeo, q.perishable, q.expedited,
       q.priority, q.lane, q.engine_lane, q.score, q.hits_json, q.status, q.assignee_id, q.assignee_name, q.sla_due_at,
       q.risk_assessed_at, q.documentary_check_at, q.inspection_at, q.released_at, q.search_text, q.hs_codes,
       (SELECT e.to_lane FROM declaration_events e WHERE e.number = q.number AND e.kind = 'rerouted' ORDER BY e.id DESC LIMIT 1),
       NULL
FROM declaration_queue q;
DROP TABLE declaration_queue;
ALTER TABLE declaration_queue_next RENAME TO declaration_queue;
CREATE INDEX queue_priority ON declaration_queue (priority DESC, sla_due_at, number);
CREATE INDEX queue_status_priority ON declaration_queue (status, priority DESC, sla_due_at);
CREATE INDEX queue_lane ON declaration_queue (lane, priority DESC, sla_due_at);
CREATE INDEX queue_lodgement ON declaration_queue (lodgement_time, number);
CREATE INDEX queue_arrival ON declaration_queue (arrival_time, number);
CREATE INDEX queue_sla ON declaration_queue (sla_due_at, number);
CREATE INDEX queue_trader ON declaration_queue (trader_name, number);
CREATE INDEX queue_trader_id ON declaration_queue (trader_id);
CREATE INDEX queue_aeo ON declaration_queue (aeo, number);
CREATE INDEX queue_score ON declaration_queue (score, number);
CREATE INDEX queue_assignee ON declaration_queue (assignee_id);
CREATE INDEX queue_assignee_name ON declaration_queue (assignee_name, number);
CREATE INDEX queue_lane_order ON declaration_queue ((CASE lane WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END), number);
CREATE INDEX queue_status_order ON declaration_queue ((CASE status WHEN 'pending' THEN 0 WHEN 'documentsRequested' THEN 1 WHEN 'inspection' THEN 2 WHEN 'held' THEN 3 ELSE 4 END), number);
CREATE INDEX queue_released ON declaration_queue (released_at);
CREATE INDEX queue_search ON declaration_queue (search_text);

CREATE TABLE declaration_events_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('decision', 'assigned', 'rerouted', 'amended', 'cancelled', 'reviewed')),
  actor_id TEXT,
  actor_name TEXT,
  decision TEXT,
  from_status TEXT,
  to_status TEXT,
  from_lane TEXT,
  to_lane TEXT,
  reason TEXT,
  assignee_name TEXT,
  version INTEGER
);
INSERT INTO declaration_events_next (id, number, at, kind, actor_id, actor_name, decision, from_status, to_status, from_lane, to_lane, reason, assignee_name)
SELECT id, number, at, kind, actor_id, actor_name, decision, from_status, to_status, from_lane, to_lane, reason, assignee_name FROM declaration_events;
DROP TABLE declaration_events;
ALTER TABLE declaration_events_next RENAME TO declaration_events;
CREATE INDEX declaration_events_number ON declaration_events (number, id);
CREATE INDEX declaration_events_decision ON declaration_events (kind, decision);

-- Every received version of a declaration (append-only apart from the duplicate count, a missing hash and the review).
CREATE TABLE declaration_versions (
  number TEXT NOT NULL,
  version INTEGER NOT NULL,
  function_code TEXT NOT NULL CHECK (function_code IN ('9', '5', '4', '1')),
  outcome TEXT NOT NULL CHECK (outcome IN ('original', 'reassessed', 'postRelease', 'cancellation')),
  received_at TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  duplicates INTEGER NOT NULL DEFAULT 0,
  reviewed_at TEXT,
  reviewed_by TEXT,
  review_note TEXT,
  PRIMARY KEY (number, version)
);
CREATE INDEX declaration_versions_hash ON declaration_versions (content_hash);
CREATE INDEX declaration_versions_review ON declaration_versions (outcome, reviewed_at);
INSERT INTO declaration_versions (number, version, function_code, outcome, received_at, source_file, source_format, content_hash, body)
SELECT number, 1, '9', 'original', imported_at, source_file, source_format, '', body FROM declarations;
`,
  },
];
