import type { MigrationStep } from '../store/types';

/**
 * Risk tables, numbered from 200 (other areas use 1–199). Every save is a new
 * row: (id, version) is the key and rows are never updated, so an assessment
 * made under rule X version 3 can always be explained with version 3. The
 * primary key also turns a concurrent save from a stale version into a
 * constraint error that rolls the whole transaction (and its audit entry) back.
 */
const versionedTable = (table: string): string => `
  CREATE TABLE ${table} (
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    author TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    body TEXT NOT NULL, -- the JSON draft, without id / version / author / updatedAt
    PRIMARY KEY (id, version)
  ) WITHOUT ROWID;`;

export const RISK_TABLES = {
  rule: 'risk_rule_versions',
  profile: 'risk_profile_versions',
  watchlist: 'risk_watchlist_versions',
  randomSelection: 'risk_random_selection_versions',
} as const;

export const riskMigrations: MigrationStep[] = [
  {
    name: 'risk: versioned rules, profiles, watchlists and random selection',
    sql: Object.values(RISK_TABLES).map(versionedTable).join('\n'),
  },
];
