/**
 * How each imported version of a declaration was read: the profile, why it was
 * chosen, its warnings, the facts the model has no column for yet (procedure,
 * consignee, declared totals) and the raw message as sent, so content that no
 * profile maps can still be viewed. One row per import of a version.
 */
import type { MigrationStep, Statement, Store } from '../../store/types';
import type { MessageReport } from './import-profiled';

export const declarationReadMigrations: MigrationStep[] = [
  {
    name: 'declaration_reads',
    sql: `
CREATE TABLE declaration_reads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  declaration_number TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  profile TEXT NOT NULL,
  reason TEXT NOT NULL,
  warnings_json TEXT NOT NULL,
  facts_json TEXT,
  raw TEXT NOT NULL
);
CREATE INDEX declaration_reads_number ON declaration_reads (declaration_number, id);
`,
  },
];

/** Raw messages above this size are cut (the file itself stays in the inbox's archive). */
const MAX_RAW_CHARS = 1 << 20;

export function readRecordStatement(number: string, importedAt: string, report: MessageReport): Statement {
  const raw =
    report.raw.length > MAX_RAW_CHARS
      ? `${report.raw.slice(0, MAX_RAW_CHARS)}\n… (cut at ${MAX_RAW_CHARS} characters)`
      : report.raw;
  return {
    sql: 'INSERT INTO declaration_reads (declaration_number, imported_at, profile, reason, warnings_json, facts_json, raw) VALUES (?, ?, ?, ?, ?, ?, ?)',
    params: [
      number,
      importedAt,
      report.profile ?? '',
      report.reason,
      JSON.stringify(report.warnings),
      report.facts ? JSON.stringify(report.facts) : null,
      raw,
    ],
  };
}

export interface DeclarationRead {
  importedAt: string;
  profile: string;
  reason: string;
  warnings: MessageReport['warnings'];
  facts: MessageReport['facts'] | null;
  raw: string;
}

/** Every recorded read of a declaration, newest first. */
export async function declarationReads(store: Store, number: string): Promise<DeclarationRead[]> {
  const rows = await store.query<{
    imported_at: string;
    profile: string;
    reason: string;
    warnings_json: string;
    facts_json: string | null;
    raw: string;
  }>(
    'SELECT imported_at, profile, reason, warnings_json, facts_json, raw FROM declaration_reads WHERE declaration_number = ? ORDER BY id DESC',
    [number],
  );
  return rows.map((r) => ({
    importedAt: r.imported_at,
    profile: r.profile,
    reason: r.reason,
    warnings: JSON.parse(r.warnings_json) as MessageReport['warnings'],
    facts: r.facts_json ? (JSON.parse(r.facts_json) as MessageReport['facts']) : null,
    raw: r.raw,
  }));
}
