import type { CaseDetail, CaseOrigin, CaseSummary } from '../../../preload/contract/schemas/cases';
import type { CustodyEntry, EvidenceItem } from '../../../preload/contract/schemas/evidence';
import type { Row, SqlValue } from '../store/types';

/** Any store-like reader (the store, or the sync engine's reader). */
export interface Reader {
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[] | Readonly<Record<string, SqlValue>>): Promise<T[]>;
}

export type StoredCase = Omit<CaseDetail, 'evidence'> & { evidence: Omit<EvidenceItem, 'verify'>[] };

const s = (v: SqlValue | undefined): string => String(v ?? '');
const n = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const person = (row: Row, prefix = 'by') => ({ id: s(row[`${prefix}_id`]), name: s(row[`${prefix}_name`]) });

const SUMMARY_COLUMNS = `c.id, c.ref, c.title, c.status, c.subject_kind, c.subject_ref, c.subject_label, c.assignee_id, c.assignee_name,
  c.opened_at, c.updated_at, (SELECT COUNT(*) FROM case_evidence e WHERE e.case_id = c.id) AS evidence_count`;

function toSummary(row: Row): CaseSummary {
  return {
    id: s(row.id),
    ref: s(row.ref),
    title: s(row.title),
    status: s(row.status) as CaseSummary['status'],
    subject: {
      kind: s(row.subject_kind) as CaseSummary['subject']['kind'],
      ref: s(row.subject_ref),
      ...(row.subject_label ? { label: s(row.subject_label) } : {}),
    },
    assignee: row.assignee_id ? { id: s(row.assignee_id), name: s(row.assignee_name) } : null,
    openedAt: s(row.opened_at),
    updatedAt: s(row.updated_at),
    evidenceCount: Number(row.evidence_count ?? 0),
  };
}

export interface CaseFilter {
  status?: string;
  assigneeId?: string;
  subjectKind?: string;
  search?: string;
  limit: number;
}

/** Newest activity first; search matches ref, title, subject and assignee (case-insensitive). */
export async function listCases(db: Reader, filter: CaseFilter): Promise<CaseSummary[]> {
  const like = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db.query(
    `SELECT ${SUMMARY_COLUMNS} FROM cases c
     WHERE (:status IS NULL OR c.status = :status)
       AND (:assignee IS NULL OR c.assignee_id = :assignee)
       AND (:kind IS NULL OR c.subject_kind = :kind)
       AND (:like IS NULL OR c.ref LIKE :like ESCAPE '\\' OR c.title LIKE :like ESCAPE '\\' OR c.subject_ref LIKE :like ESCAPE '\\'
            OR IFNULL(c.subject_label, '') LIKE :like ESCAPE '\\' OR IFNULL(c.assignee_name, '') LIKE :like ESCAPE '\\')
     ORDER BY c.updated_at DESC, c.ref DESC LIMIT :limit`,
    {
      ':status': filter.status ?? null,
      ':assignee': filter.assigneeId ?? null,
      ':kind': filter.subjectKind ?? null,
      ':like': like,
      ':limit': filter.limit,
    },
  );
  return rows.map(toSummary);
}

export async function readCase(db: Reader, id: string): Promise<StoredCase | null> {
  const rows = await db.query(
    `SELECT ${SUMMARY_COLUMNS}, c.origin, c.opened_by_id, c.opened_by_name, c.closed_at, c.closed_by_id, c.closed_by_name FROM cases c WHERE c.id = ?`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const [findings, seizures, notes, tasks, links, evidence, custody] = await Promise.all([
    db.query('SELECT * FROM case_findings WHERE case_id = ? ORDER BY at, id', [id]),
    db.query('SELECT * FROM case_seizures WHERE case_id = ? ORDER BY at, id', [id]),
    db.query('SELECT * FROM case_notes WHERE case_id = ? ORDER BY at, id', [id]),
    db.query('SELECT * FROM case_tasks WHERE case_id = ? ORDER BY created_at, id', [id]),
    db.query('SELECT * FROM case_links WHERE case_id = ? ORDER BY at, id', [id]),
    db.query('SELECT * FROM case_evidence WHERE case_id = ? ORDER BY added_at, id', [id]),
    db.query('SELECT * FROM evidence_custody WHERE case_id = ? ORDER BY at, id', [id]),
  ]);
  return {
    ...toSummary(row),
    origin: JSON.parse(s(row.origin)) as CaseOrigin,
    openedBy: person(row, 'opened_by'),
    closedAt: n(row.closed_at),
    // Only a closed case has a closer; null also when it was closed before closers were recorded (the UI says "unknown").
    closedBy: row.status === 'closed' && row.closed_by_id ? person(row, 'closed_by') : null,
    findings: findings.map((r) => ({
      id: s(r.id),
      category: s(r.category) as CaseDetail['findings'][number]['category'],
      text: s(r.text),
      at: s(r.at),
      by: person(r),
    })),
    seizures: seizures.map((r) => ({
      id: s(r.id),
      item: s(r.item),
      quantity: Number(r.quantity),
      unit: s(r.unit) as CaseDetail['seizures'][number]['unit'],
      value: { amount: Number(r.value_amount), currency: s(r.value_currency) },
      location: s(r.location),
      at: s(r.at),
      by: person(r),
    })),
    notes: notes.map((r) => ({ id: s(r.id), text: s(r.text), at: s(r.at), by: person(r) })),
    tasks: tasks.map((r) => ({
      id: s(r.id),
      title: s(r.title),
      due: n(r.due),
      done: Number(r.done) === 1,
      createdAt: s(r.created_at),
      by: person(r),
    })),
    links: links.map((r) => ({
      id: s(r.id),
      kind: s(r.kind) as CaseDetail['links'][number]['kind'],
      ref: s(r.ref),
      label: n(r.label),
      at: s(r.at),
    })),
    evidence: evidence.map((r) => ({
      id: s(r.id),
      sha256: s(r.sha256),
      fileName: s(r.file_name),
      mediaType: s(r.media_type),
      bytes: Number(r.bytes),
      source: s(r.source) as EvidenceItem['source'],
      sourceRef: n(r.source_ref),
      addedAt: s(r.added_at),
      by: person(r),
    })),
    custody: custody.map((r): CustodyEntry => ({
      id: s(r.id),
      evidenceId: s(r.evidence_id),
      at: s(r.at),
      by: person(r),
      action: s(r.action) as CustodyEntry['action'],
      reason: s(r.reason),
      to: n(r.to_party),
    })),
  };
}
