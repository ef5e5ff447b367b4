import type { MigrationStep } from '../store/types';

/**
 * Cases and their parts. People are stored as id + name at the time of the act,
 * so a case reads the same after an account is renamed (and after sync brings
 * in acts by colleagues this workstation has no account for).
 */
export const caseMigrations: readonly MigrationStep[] = [
  {
    name: 'cases, evidence, chain of custody',
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'under_inspection', 'pending_decision', 'closed')),
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('declaration', 'vehicle', 'container', 'person')),
        subject_ref TEXT NOT NULL,
        subject_label TEXT,
        origin TEXT NOT NULL,
        assignee_id TEXT,
        assignee_name TEXT,
        opened_by_id TEXT NOT NULL,
        opened_by_name TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT
      );
      CREATE INDEX cases_by_status ON cases(status, updated_at);
      CREATE INDEX cases_by_assignee ON cases(assignee_id, updated_at);
      CREATE INDEX cases_by_updated ON cases(updated_at);

      CREATE TABLE case_findings (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        category TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, by_id TEXT NOT NULL, by_name TEXT NOT NULL
      );
      CREATE TABLE case_seizures (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        item TEXT NOT NULL, quantity REAL NOT NULL CHECK (quantity > 0), unit TEXT NOT NULL,
        value_amount REAL NOT NULL CHECK (value_amount >= 0), value_currency TEXT NOT NULL, location TEXT NOT NULL,
        at TEXT NOT NULL, by_id TEXT NOT NULL, by_name TEXT NOT NULL
      );
      CREATE TABLE case_notes (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        text TEXT NOT NULL, at TEXT NOT NULL, by_id TEXT NOT NULL, by_name TEXT NOT NULL
      );
      CREATE TABLE case_tasks (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        title TEXT NOT NULL, due TEXT, done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        created_at TEXT NOT NULL, by_id TEXT NOT NULL, by_name TEXT NOT NULL
      );
      CREATE TABLE case_links (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL, ref TEXT NOT NULL, label TEXT, at TEXT NOT NULL
      );
      CREATE INDEX case_findings_by_case ON case_findings(case_id, at);
      CREATE INDEX case_seizures_by_case ON case_seizures(case_id, at);
      CREATE INDEX case_notes_by_case ON case_notes(case_id, at);
      CREATE INDEX case_tasks_by_case ON case_tasks(case_id, created_at);
      CREATE INDEX case_links_by_case ON case_links(case_id, at);

      -- An evidence item: one file (by its intake SHA-256) in one case.
      CREATE TABLE case_evidence (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        sha256 TEXT NOT NULL, file_name TEXT NOT NULL, media_type TEXT NOT NULL, bytes INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('file', 'camera')), source_ref TEXT,
        added_at TEXT NOT NULL, by_id TEXT NOT NULL, by_name TEXT NOT NULL
      );
      CREATE INDEX case_evidence_by_case ON case_evidence(case_id, added_at);

      -- Chain of custody: append-only like the audit log.
      CREATE TABLE evidence_custody (
        id TEXT PRIMARY KEY, evidence_id TEXT NOT NULL REFERENCES case_evidence(id), case_id TEXT NOT NULL,
        at TEXT NOT NULL, by_id TEXT NOT NULL, by_name TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('intake', 'viewed', 'exported', 'transferred', 'verified', 'verify-failed')),
        reason TEXT NOT NULL, to_party TEXT
      );
      CREATE INDEX evidence_custody_by_case ON evidence_custody(case_id, at);
      CREATE TRIGGER evidence_custody_no_update BEFORE UPDATE ON evidence_custody BEGIN SELECT RAISE(ABORT, 'custody is append-only'); END;
      CREATE TRIGGER evidence_custody_no_delete BEFORE DELETE ON evidence_custody BEGIN SELECT RAISE(ABORT, 'custody is append-only'); END;
    `,
  },
];
