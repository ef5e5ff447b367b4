/**
 * Queue tables (numbered in main/services/migrations.ts, after declarations and risk).
 *
 * `declaration_queue` is one lean, denormalized row per declaration: everything
 * the 100k-row list filters and sorts on lives in this one table so a page is a
 * single indexed scan without joins. `search_text` (lower-cased number, trader
 * name/id, containers, plate) and `hs_codes` (" 851712 0303 …") serve the text
 * and HS-prefix filters. Rows are written in the same transaction as the
 * declaration itself (see intake.ts).
 */
import type { MigrationStep } from '../store/types';

export const queueMigrations: MigrationStep[] = [
  {
    name: 'queue: statuses, decisions, responses, saved views',
    sql: `
CREATE TABLE declaration_queue (
  number TEXT PRIMARY KEY,
  office TEXT NOT NULL,
  lodgement_time TEXT NOT NULL,
  arrival_time TEXT,
  trader_id TEXT NOT NULL,
  trader_name TEXT NOT NULL,
  aeo INTEGER NOT NULL,
  perishable INTEGER NOT NULL,
  expedited INTEGER NOT NULL,
  -- 1 when perishable or expedited: the queue's first sort key.
  priority INTEGER NOT NULL,
  lane TEXT NOT NULL CHECK (lane IN ('green', 'yellow', 'blue', 'red')),
  engine_lane TEXT NOT NULL,
  score INTEGER NOT NULL,
  hits_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'documentsRequested', 'inspection', 'held', 'released')),
  assignee_id TEXT,
  assignee_name TEXT,
  sla_due_at TEXT NOT NULL,
  risk_assessed_at TEXT NOT NULL,
  documentary_check_at TEXT,
  inspection_at TEXT,
  released_at TEXT,
  search_text TEXT NOT NULL,
  hs_codes TEXT NOT NULL
);
CREATE INDEX queue_priority ON declaration_queue (priority DESC, sla_due_at, number);
CREATE INDEX queue_status_priority ON declaration_queue (status, priority DESC, sla_due_at);
CREATE INDEX queue_lane ON declaration_queue (lane, priority DESC, sla_due_at);
-- Every sortable column ends with number, as ORDER BY does, so a sorted page is an index walk.
CREATE INDEX queue_lodgement ON declaration_queue (lodgement_time, number);
CREATE INDEX queue_arrival ON declaration_queue (arrival_time, number);
CREATE INDEX queue_sla ON declaration_queue (sla_due_at, number);
CREATE INDEX queue_trader ON declaration_queue (trader_name, number);
CREATE INDEX queue_trader_id ON declaration_queue (trader_id);
CREATE INDEX queue_aeo ON declaration_queue (aeo, number);
CREATE INDEX queue_score ON declaration_queue (score, number);
CREATE INDEX queue_assignee ON declaration_queue (assignee_id);
CREATE INDEX queue_assignee_name ON declaration_queue (assignee_name, number);
-- The same expressions as queue-query.ts's lane and status orders (must match them exactly).
CREATE INDEX queue_lane_order ON declaration_queue ((CASE lane WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END), number);
CREATE INDEX queue_status_order ON declaration_queue ((CASE status WHEN 'pending' THEN 0 WHEN 'documentsRequested' THEN 1 WHEN 'inspection' THEN 2 WHEN 'held' THEN 3 ELSE 4 END), number);
CREATE INDEX queue_released ON declaration_queue (released_at);

-- What hit each declaration ('rule:<id>', 'watchlist:<id>', 'random'), for prior dispositions.
CREATE TABLE declaration_hit_keys (
  hit_key TEXT NOT NULL,
  number TEXT NOT NULL,
  PRIMARY KEY (hit_key, number)
) WITHOUT ROWID;
CREATE INDEX declaration_hit_keys_number ON declaration_hit_keys (number);

-- Status timeline: decisions, assignments, reroutes (append-only).
CREATE TABLE declaration_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('decision', 'assigned', 'rerouted')),
  actor_id TEXT,
  actor_name TEXT,
  decision TEXT,
  from_status TEXT,
  to_status TEXT,
  from_lane TEXT,
  to_lane TEXT,
  reason TEXT,
  assignee_name TEXT
);
CREATE INDEX declaration_events_number ON declaration_events (number, id);
CREATE INDEX declaration_events_decision ON declaration_events (kind, decision);

-- Responses sent to the declarant (CUSRES, WCO DM response), also written to <dataDir>/outbox/.
CREATE TABLE declaration_responses (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cusres', 'wco-xml')),
  decision TEXT NOT NULL,
  created_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX declaration_responses_number ON declaration_responses (number, created_at);

CREATE TABLE queue_saved_views (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  filter_json TEXT NOT NULL,
  sort_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
`,
  },
];
