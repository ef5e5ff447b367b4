/**
 * How cases travel between workstations (see main/services/sync/sync-entity.ts):
 * a case's own fields are scalars (hub order decides, losers kept as conflicts);
 * findings, seizures, notes, links, evidence and custody are lists that merge
 * by item id, so nothing a colleague recorded is lost. A task's "done" flag
 * changes, so tasks are their own entity with scalar fields.
 */
import { syncEntitySchemas } from '../../../preload/contract/sync-entities';
import type { Statement } from '../store/types';
import { registerSyncEntity, type RemoteEntityState } from '../sync/sync-entity';
import { readCase } from './case-repository';
import {
  CASE_SCALARS,
  type CaseRow,
  type CustodyRow,
  type EvidenceRow,
  type FindingRow,
  insertCustody,
  insertEvidence,
  insertFinding,
  insertLink,
  insertNote,
  insertSeizure,
  type LinkRow,
  type NoteRow,
  type SeizureRow,
  type TaskRow,
  upsertCaseStatement,
  upsertTask,
} from './case-statements';

export const CASE_ENTITY = 'case';
export const CASE_TASK_ENTITY = 'case_task';
export const CASE_LIST_FIELDS = ['findings', 'seizures', 'notes', 'links', 'evidence', 'custody'] as const;

/** Scalars a case may lack: optional ones, and the closer, which cases written before it was synced never carry. */
const OPTIONAL_SCALARS: ReadonlySet<string> = new Set([
  'subjectLabel',
  'assigneeId',
  'assigneeName',
  'closedAt',
  'closedById',
  'closedByName',
]);

/**
 * The case row a merged state stands for. The closer belongs to the current
 * closure: a case that is not closed has none, even when the hub still holds one
 * (a workstation from before closers were synced reopens without clearing it).
 * The hub's case_states view applies the same rule.
 */
export function caseRowFromState(state: RemoteEntityState): CaseRow | null {
  const f = state.fields;
  // Items can arrive before the case's own fields only if the opener's upsert is still in flight; they wait for it.
  if (CASE_SCALARS.some((key) => !(key in f) && !OPTIONAL_SCALARS.has(key))) return null;
  const row = Object.fromEntries(
    CASE_SCALARS.map((key) => [key, (f[key] as string | null | undefined) ?? null]),
  ) as unknown as Omit<CaseRow, 'id'>;
  const closed = row.status === 'closed';
  return {
    ...row,
    id: state.entityId,
    closedById: closed ? row.closedById : null,
    closedByName: closed ? row.closedByName : null,
  };
}

function applyCase(state: RemoteEntityState): Statement[] {
  if (state.deleted) return [];
  const row = caseRowFromState(state);
  if (!row) return [];
  const f = state.fields;
  const list = <T>(name: string) => (Array.isArray(f[name]) ? (f[name] as T[]) : []);
  return [
    upsertCaseStatement(row),
    ...list<FindingRow>('findings').map((item) => insertFinding(state.entityId, item)),
    ...list<SeizureRow>('seizures').map((item) => insertSeizure(state.entityId, item)),
    ...list<NoteRow>('notes').map((item) => insertNote(state.entityId, item)),
    ...list<LinkRow>('links').map((item) => insertLink(state.entityId, item)),
    ...list<EvidenceRow>('evidence').map((item) => insertEvidence(state.entityId, item)),
    // Custody refers to evidence: evidence rows above come first in the same transaction.
    ...list<CustodyRow>('custody').map((item) => insertCustody(state.entityId, item)),
  ];
}

function applyTask(state: RemoteEntityState): Statement[] {
  if (state.deleted) return [];
  const f = state.fields as Partial<TaskRow>;
  if (!f.caseId || !f.title || !f.createdAt) return [];
  return [
    upsertTask({
      id: state.entityId,
      caseId: f.caseId,
      title: f.title,
      due: f.due ?? null,
      done: f.done === true,
      createdAt: f.createdAt,
      byId: f.byId ?? '',
      byName: f.byName ?? '',
    }),
  ];
}

registerSyncEntity({
  entity: CASE_ENTITY,
  schema: syncEntitySchemas[CASE_ENTITY],
  listFields: CASE_LIST_FIELDS,
  applyRemote: applyCase,
  // Evidence files follow their case: the engine fetches any this workstation lacks.
  blobRefs: (state) =>
    Array.isArray(state.fields.evidence) ? (state.fields.evidence as EvidenceRow[]).map((item) => item.sha256) : [],
  async readLocal(id, store) {
    const c = await readCase(store, id);
    if (!c) return null;
    return {
      title: c.title,
      status: c.status,
      subjectKind: c.subject.kind,
      subjectRef: c.subject.ref,
      assigneeId: c.assignee?.id ?? null,
      closedAt: c.closedAt,
      closedById: c.closedBy?.id ?? null,
      closedByName: c.closedBy?.name ?? null,
      findings: c.findings.map((x) => x.id),
      seizures: c.seizures.map((x) => x.id),
      notes: c.notes.map((x) => x.id),
      links: c.links.map((x) => x.id),
      evidence: c.evidence.map((x) => x.id),
      custody: c.custody.map((x) => x.id),
    };
  },
});

registerSyncEntity({
  entity: CASE_TASK_ENTITY,
  schema: syncEntitySchemas[CASE_TASK_ENTITY],
  listFields: [],
  applyRemote: applyTask,
  async readLocal(id, store) {
    const rows = await store.query('SELECT title, due, done FROM case_tasks WHERE id = ?', [id]);
    return rows[0] ? { title: rows[0].title, due: rows[0].due, done: Number(rows[0].done) === 1 } : null;
  },
});
