import type { AuditEntry } from '../../../preload/contract/schemas/audit';
import type { Row, Statement, Store } from '../store/types';
import { canonicalJson } from '../../../preload/contract/canonical-json';

/** Who did it: null for the system or an anonymous caller (e.g. a failed sign-in). */
export interface AuditActor {
  id: string;
  name: string;
}

export interface AuditRecord {
  at: Date;
  actor: AuditActor | null;
  /** Dotted event name, e.g. auth.login, shift.start, settings.update. */
  action: string;
  subject?: string | null;
  detail?: Record<string, unknown>;
}

/** Audit statements waiting for their place in the chain (see AuditChain.wrap). */
const pending = new WeakMap<Statement, AuditRecord>();

/**
 * The INSERT for one audit entry. Callers put it in the SAME transaction as the
 * change it describes, so the change and its record commit or fail together.
 *
 * The hash chain needs the entry's seq and its predecessor's hash, known only at
 * commit time; so the statement is remembered here and the chained store that
 * createServices() hands every service (AuditChain.wrap) replaces it, inside its
 * serialized commit, with the INSERT carrying seq, prev_hash, hash and hmac.
 * Run on an unwrapped store (unit tests of other services) the plain INSERT
 * below lands without hashes, and the verifier reports it as unchained.
 */
export function auditStatement(record: AuditRecord): Statement {
  const statement: Statement = {
    sql: 'INSERT INTO audit (at, actor_id, actor_name, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)',
    params: [
      record.at.toISOString(),
      record.actor?.id ?? null,
      record.actor?.name ?? null,
      record.action,
      record.subject ?? null,
      canonicalJson(record.detail ?? {}),
    ],
  };
  pending.set(statement, record);
  return statement;
}

/** The record behind a statement made by auditStatement(), or undefined for any other statement. */
export function pendingAuditRecord(statement: Statement): AuditRecord | undefined {
  return pending.get(statement);
}

export interface AuditQuery {
  limit: number;
  beforeSeq?: number;
  action?: string;
}

/** Newest first; page backwards with beforeSeq. */
export async function listAudit(store: Store, query: AuditQuery): Promise<AuditEntry[]> {
  const rows = await store.query(
    `SELECT seq, at, actor_id, actor_name, action, subject, detail FROM audit
     WHERE (?1 IS NULL OR seq < ?1) AND (?2 IS NULL OR action = ?2)
     ORDER BY seq DESC LIMIT ?3`,
    [query.beforeSeq ?? null, query.action ?? null, query.limit],
  );
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    at: String(row.at),
    actorId: row.actor_id === null ? null : String(row.actor_id),
    actorName: row.actor_name === null ? null : String(row.actor_name),
    action: String(row.action),
    subject: row.subject === null ? null : String(row.subject),
    detail: parseDetail(row.detail),
  };
}

/** The detail column holds JSON text written by auditStatement, so whatever parses is JSON values only. */
function parseDetail(value: Row[string] | undefined): AuditEntry['detail'] {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as AuditEntry['detail']) : {};
  } catch {
    return {};
  }
}
