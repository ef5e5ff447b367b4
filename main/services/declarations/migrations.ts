/**
 * Schema for imported declarations (numbered in main/services/migrations.ts).
 * The full declaration is kept as JSON in `body`; the columns beside it are what
 * the queue, the risk engine and the gate look things up by.
 */
import type { MigrationStep } from '../store/types';

export const declarationMigrations: MigrationStep[] = [
  {
    name: 'declarations',
    sql: `
CREATE TABLE declarations (
  number TEXT PRIMARY KEY,
  type_code TEXT NOT NULL,
  office TEXT NOT NULL,
  lodgement_time TEXT NOT NULL,
  arrival_time TEXT,
  declarant_id TEXT NOT NULL,
  declarant_name TEXT NOT NULL,
  exporter_id TEXT,
  exporter_name TEXT,
  importer_id TEXT,
  importer_name TEXT,
  transport_mode TEXT NOT NULL,
  means_id TEXT,
  vehicle_plate TEXT,
  loading_location TEXT,
  unloading_location TEXT,
  perishable INTEGER NOT NULL,
  expedited INTEGER NOT NULL,
  aeo INTEGER NOT NULL,
  item_count INTEGER NOT NULL,
  gross_mass_kg REAL NOT NULL,
  customs_value_json TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX declarations_lodgement ON declarations (lodgement_time);
CREATE INDEX declarations_declarant ON declarations (declarant_id);
CREATE INDEX declarations_plate ON declarations (vehicle_plate);

CREATE TABLE declaration_items (
  declaration_number TEXT NOT NULL REFERENCES declarations (number) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,
  hs_code TEXT NOT NULL,
  description TEXT NOT NULL,
  origin_country TEXT NOT NULL,
  gross_mass_kg REAL NOT NULL,
  net_mass_kg REAL,
  customs_value REAL NOT NULL,
  currency TEXT NOT NULL,
  packages INTEGER,
  PRIMARY KEY (declaration_number, sequence)
);
CREATE INDEX declaration_items_hs ON declaration_items (hs_code);

CREATE TABLE declaration_containers (
  declaration_number TEXT NOT NULL REFERENCES declarations (number) ON DELETE CASCADE,
  container_id TEXT NOT NULL,
  seal TEXT,
  PRIMARY KEY (declaration_number, container_id)
);
CREATE INDEX declaration_containers_id ON declaration_containers (container_id);

CREATE TABLE declaration_rejects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file TEXT NOT NULL,
  format TEXT,
  message_ref TEXT,
  message_index INTEGER,
  segment_number INTEGER,
  segment_tag TEXT,
  path TEXT,
  reason TEXT NOT NULL,
  rejected_at TEXT NOT NULL
);
CREATE INDEX declaration_rejects_at ON declaration_rejects (rejected_at);
`,
  },
];
