import { declarationMigrations } from './declarations/migrations';
import { queueMigrations } from './queue/queue-migrations';
import { queueSearchMigrations } from './queue/queue-search-migrations';
import { riskMigrations } from './risk/risk-migrations';
import { auditMigrations } from './audit/audit-migrations';
import { caseMigrations } from './cases/case-migrations';
import { caseCloserMigrations } from './cases/case-closer-migrations';
import type { Migration, MigrationStep } from './store/types';
import { syncMigrations, syncQuarantineMigrations } from './sync/sync-migrations';
import { recognitionMigrations } from './recognition/recognition-migrations';
import { gateMigrations } from './gate/gate-migrations';
import { declarationReadMigrations } from './declarations/profiles/read-record';
import { queueVersionMigrations } from './queue/queue-version-migrations';
import { approvalsMigrations } from './approvals/approvals-migrations';

/**
 * The schema, as numbered steps from 1. Append new steps; never edit a shipped
 * one (databases in the field have already run it). SQL only and deterministic:
 * the store journals and replays them like any other transaction.
 * Settings are not here: they live in electron-store / conf (one JSON schema).
 */
const foundation: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'inspector', 'supervisor', 'trainer', 'trainee')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_login_at TEXT
      );
      -- One row per fact about this profile (setup done, demo data present).
      -- The primary key makes a second first-run setup fail atomically.
      CREATE TABLE profile (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'shifts',
    sql: `
      CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        office TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        start_notes TEXT,
        handover_notes TEXT,
        CHECK ((ended_at IS NULL) = (handover_notes IS NULL))
      );
      -- One open shift per officer, enforced by the database as well as the service.
      CREATE UNIQUE INDEX shifts_one_open_per_user ON shifts(user_id) WHERE ended_at IS NULL;
      CREATE INDEX shifts_by_office_end ON shifts(office, ended_at);
      CREATE INDEX shifts_by_start ON shifts(started_at);
    `,
  },
  {
    version: 3,
    name: 'audit',
    sql: `
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_by_action ON audit(action, seq);
      -- Append-only: the database itself refuses to rewrite history.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    `,
  },
];

/**
 * Areas' steps continue the one sequence; append at the end, never reorder. Only the
 * last spread may grow its own list: an area further up adds a new list at the end
 * (as caseCloserMigrations does), or every later step would change its number.
 * tests/unit/services/migrations.test.ts holds the shipped order.
 */
const areaSteps: readonly MigrationStep[] = [
  ...declarationMigrations,
  ...riskMigrations,
  ...syncMigrations,
  ...queueMigrations,
  ...auditMigrations,
  ...caseMigrations,
  ...queueSearchMigrations,
  ...gateMigrations,
  ...caseCloserMigrations,
  ...declarationReadMigrations,
  ...queueVersionMigrations,
  ...approvalsMigrations,
  ...syncQuarantineMigrations,
  ...recognitionMigrations,
];

export const migrations: readonly Migration[] = [
  ...foundation,
  ...areaSteps.map((step, index) => ({ version: foundation.length + 1 + index, ...step })),
];
