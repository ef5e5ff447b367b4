import type { MigrationStep } from '../store/types';

/**
 * Four-eyes requests (numbered in main/services/migrations.ts): one row per
 * request, kept after it is decided, so the decided list is the history beside the
 * audit log. At most one request per act and subject waits at a time (a partial
 * unique index): a second "release it" for the same declaration cannot queue
 * behind the first. Not synced: a request waits on the workstation where it was
 * made, and what an approval applies syncs as it always does.
 */
export const approvalsMigrations: MigrationStep[] = [
  {
    name: 'approvals: four-eyes requests',
    sql: `
CREATE TABLE approvals (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('declaration.release', 'case.close', 'risk.rule', 'risk.watchlist')),
  subject TEXT NOT NULL,
  summary TEXT NOT NULL,
  reason TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by_id TEXT NOT NULL,
  requested_by_name TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by_id TEXT,
  decided_by_name TEXT,
  decided_at TEXT,
  note TEXT,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX approvals_one_pending ON approvals (kind, subject) WHERE status = 'pending';
CREATE INDEX approvals_by_status ON approvals (status, requested_at);
`,
  },
];
