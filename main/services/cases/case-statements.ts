import type { Statement } from '../store/types';

/**
 * The SQL for each part of a case, shared by local writes and by the sync
 * engine landing a colleague's change (so both write rows the same way). Items
 * are inserted OR IGNORE by id: applying the same item twice is harmless.
 */
export interface CaseRow {
  id: string;
  ref: string;
  title: string;
  status: string;
  subjectKind: string;
  subjectRef: string;
  subjectLabel: string | null;
  origin: string;
  assigneeId: string | null;
  assigneeName: string | null;
  openedById: string;
  openedByName: string;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Who closed it (id + display name at the time), set with closedAt and cleared with it on reopen. */
  closedById: string | null;
  closedByName: string | null;
}

export const CASE_SCALARS = [
  'ref',
  'title',
  'status',
  'subjectKind',
  'subjectRef',
  'subjectLabel',
  'origin',
  'assigneeId',
  'assigneeName',
  'openedById',
  'openedByName',
  'openedAt',
  'updatedAt',
  'closedAt',
  'closedById',
  'closedByName',
] as const;

export function upsertCaseStatement(c: CaseRow): Statement {
  return {
    sql: `INSERT INTO cases (id, ref, title, status, subject_kind, subject_ref, subject_label, origin, assignee_id, assignee_name,
            opened_by_id, opened_by_name, opened_at, updated_at, closed_at, closed_by_id, closed_by_name)
          VALUES (:id, :ref, :title, :status, :subjectKind, :subjectRef, :subjectLabel, :origin, :assigneeId, :assigneeName,
            :openedById, :openedByName, :openedAt, :updatedAt, :closedAt, :closedById, :closedByName)
          ON CONFLICT (id) DO UPDATE SET title = excluded.title, status = excluded.status, subject_kind = excluded.subject_kind,
            subject_ref = excluded.subject_ref, subject_label = excluded.subject_label, assignee_id = excluded.assignee_id,
            assignee_name = excluded.assignee_name, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
            closed_by_id = excluded.closed_by_id, closed_by_name = excluded.closed_by_name`,
    params: Object.fromEntries(Object.entries(c).map(([k, v]) => [`:${k}`, v as string | null])),
  };
}

export interface PersonRef {
  byId: string;
  byName: string;
}
export interface FindingRow extends PersonRef {
  id: string;
  category: string;
  text: string;
  at: string;
}
export interface SeizureRow extends PersonRef {
  id: string;
  item: string;
  quantity: number;
  unit: string;
  valueAmount: number;
  valueCurrency: string;
  location: string;
  at: string;
}
export interface NoteRow extends PersonRef {
  id: string;
  text: string;
  at: string;
}
export interface LinkRow {
  id: string;
  kind: string;
  ref: string;
  label: string | null;
  at: string;
}
export interface TaskRow extends PersonRef {
  id: string;
  caseId: string;
  title: string;
  due: string | null;
  done: boolean;
  createdAt: string;
}
export interface EvidenceRow extends PersonRef {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  source: string;
  sourceRef: string | null;
  addedAt: string;
}
export interface CustodyRow extends PersonRef {
  id: string;
  evidenceId: string;
  at: string;
  action: string;
  reason: string;
  to: string | null;
}

export const insertFinding = (caseId: string, f: FindingRow): Statement => ({
  sql: 'INSERT OR IGNORE INTO case_findings (id, case_id, category, text, at, by_id, by_name) VALUES (?, ?, ?, ?, ?, ?, ?)',
  params: [f.id, caseId, f.category, f.text, f.at, f.byId, f.byName],
});

export const insertSeizure = (caseId: string, z: SeizureRow): Statement => ({
  sql: `INSERT OR IGNORE INTO case_seizures (id, case_id, item, quantity, unit, value_amount, value_currency, location, at, by_id, by_name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [z.id, caseId, z.item, z.quantity, z.unit, z.valueAmount, z.valueCurrency, z.location, z.at, z.byId, z.byName],
});

export const insertNote = (caseId: string, note: NoteRow): Statement => ({
  sql: 'INSERT OR IGNORE INTO case_notes (id, case_id, text, at, by_id, by_name) VALUES (?, ?, ?, ?, ?, ?)',
  params: [note.id, caseId, note.text, note.at, note.byId, note.byName],
});

export const insertLink = (caseId: string, link: LinkRow): Statement => ({
  sql: 'INSERT OR IGNORE INTO case_links (id, case_id, kind, ref, label, at) VALUES (?, ?, ?, ?, ?, ?)',
  params: [link.id, caseId, link.kind, link.ref, link.label, link.at],
});

export const upsertTask = (t: TaskRow): Statement => ({
  sql: `INSERT INTO case_tasks (id, case_id, title, due, done, created_at, by_id, by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, due = excluded.due, done = excluded.done`,
  params: [t.id, t.caseId, t.title, t.due, t.done ? 1 : 0, t.createdAt, t.byId, t.byName],
});

export const insertEvidence = (caseId: string, e: EvidenceRow): Statement => ({
  sql: `INSERT OR IGNORE INTO case_evidence (id, case_id, sha256, file_name, media_type, bytes, source, source_ref, added_at, by_id, by_name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [e.id, caseId, e.sha256, e.fileName, e.mediaType, e.bytes, e.source, e.sourceRef, e.addedAt, e.byId, e.byName],
});

export const insertCustody = (caseId: string, c: CustodyRow): Statement => ({
  sql: `INSERT OR IGNORE INTO evidence_custody (id, evidence_id, case_id, at, by_id, by_name, action, reason, to_party)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [c.id, c.evidenceId, caseId, c.at, c.byId, c.byName, c.action, c.reason, c.to],
});
