/** Cases: subjects, origins, findings, seizures, notes, tasks, links and the case report (pure zod; the renderer imports it too). */
import { z } from 'zod';
import { EvidenceItem, CustodyEntry } from './evidence';
import { Id, IsoTime, Person, Sha256, Text } from './common';

export { Person };

export const CaseStatus = z.enum(['open', 'under_inspection', 'pending_decision', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * The status workflow: open → under_inspection → pending_decision → closed.
 * A pending decision may go back for more inspection; a closed case reopens
 * (to open or under_inspection), which only a supervisor may do. The service
 * enforces it; the cases screen offers the same steps.
 */
export const NEXT_CASE_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['under_inspection'],
  under_inspection: ['pending_decision', 'open'],
  pending_decision: ['closed', 'under_inspection'],
  closed: ['open', 'under_inspection'],
};

export const SubjectKind = z.enum(['declaration', 'vehicle', 'container', 'person']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const CaseSubject = z.object({
  kind: SubjectKind,
  /** Declaration id, vehicle plate, container number (ISO 6346) or person's name / document number. */
  ref: Text(120),
  label: z.string().trim().max(200).optional(),
});
export type CaseSubject = z.infer<typeof CaseSubject>;

/** Where a case came from; other screens open cases with their own references. */
export const CaseOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('declaration'), declarationId: Id }),
  z.object({ kind: z.literal('gate-event'), eventId: Id, plate: z.string().trim().max(32).optional() }),
  z.object({ kind: z.literal('panorama-marker'), markerId: Id, label: z.string().trim().max(200).optional() }),
]);
export type CaseOrigin = z.infer<typeof CaseOrigin>;

export const OpenCaseInput = z.object({
  origin: CaseOrigin.default({ kind: 'manual' }),
  title: Text(200),
  /** Optional when the origin names it (a declaration's subject is that declaration). */
  subject: CaseSubject.optional(),
  assigneeId: Id.nullable().optional(),
});
export type OpenCaseInput = z.input<typeof OpenCaseInput>;

export const UpdateCaseInput = z.object({
  id: Id,
  title: Text(200).optional(),
  subject: CaseSubject.optional(),
  assigneeId: Id.nullable().optional(),
});

export const SetStatusInput = z.object({ id: Id, status: CaseStatus, reason: z.string().trim().max(500).optional() });

export const FindingInput = z.object({
  caseId: Id,
  category: z.enum(['undeclared', 'misdeclared', 'prohibited', 'restricted', 'document', 'other']),
  text: Text(2000),
});

/** ISO 4217 code, upper case. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as CNY or USD');

export const SeizureInput = z.object({
  caseId: Id,
  item: Text(200),
  quantity: z.number().positive('must be more than 0').max(1e12),
  unit: z.enum(['pcs', 'kg', 'g', 'l', 'm3', 'cartons', 'pallets', 'containers']),
  value: z.object({ amount: z.number().min(0, 'must be 0 or more').max(1e15), currency: Currency }),
  location: Text(200),
});

export const NoteInput = z.object({ caseId: Id, text: Text(4000) });
export const TaskInput = z.object({ caseId: Id, title: Text(200), due: IsoTime.nullable().optional() });
export const TaskDoneInput = z.object({ caseId: Id, taskId: Id, done: z.boolean() });
export const LinkInput = z.object({
  caseId: Id,
  kind: z.enum(['declaration', 'case', 'gate-event', 'panorama-marker', 'external']),
  ref: Text(200),
  label: z.string().trim().max(200).optional(),
});

export const CaseListInput = z.object({
  status: CaseStatus.optional(),
  assigneeId: Id.optional(),
  subjectKind: SubjectKind.optional(),
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type CaseListInput = z.input<typeof CaseListInput>;

export const CaseSummary = z.object({
  id: Id,
  ref: z.string(),
  title: z.string(),
  status: CaseStatus,
  subject: CaseSubject,
  assignee: Person.nullable(),
  openedAt: IsoTime,
  updatedAt: IsoTime,
  evidenceCount: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const Finding = z.object({ id: Id, category: FindingInput.shape.category, text: z.string(), at: IsoTime, by: Person });
export const Seizure = SeizureInput.omit({ caseId: true }).extend({ id: Id, at: IsoTime, by: Person });
export const Note = z.object({ id: Id, text: z.string(), at: IsoTime, by: Person });
export const Task = z.object({
  id: Id,
  title: z.string(),
  due: IsoTime.nullable(),
  done: z.boolean(),
  createdAt: IsoTime,
  by: Person,
});
export const CaseLink = z.object({
  id: Id,
  kind: LinkInput.shape.kind,
  ref: z.string(),
  label: z.string().nullable(),
  at: IsoTime,
});
export type Finding = z.infer<typeof Finding>;
export type Seizure = z.infer<typeof Seizure>;
export type Note = z.infer<typeof Note>;
export type Task = z.infer<typeof Task>;
export type CaseLink = z.infer<typeof CaseLink>;

export const CaseDetail = CaseSummary.extend({
  origin: CaseOrigin,
  openedBy: Person,
  closedAt: IsoTime.nullable(),
  /**
   * Who closed it (id + display name at the time), a field of the case that
   * syncs with it. Null while the case is not closed, and for a case closed
   * before closers were recorded when no audit entry named one (shown as unknown).
   */
  closedBy: Person.nullable(),
  findings: z.array(Finding),
  seizures: z.array(Seizure),
  notes: z.array(Note),
  tasks: z.array(Task),
  links: z.array(CaseLink),
  evidence: z.array(EvidenceItem),
  custody: z.array(CustodyEntry),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseReport = z.object({ fileName: z.string(), bytes: z.number().int(), sha256: Sha256, createdAt: IsoTime });
export const ReadReportInput = z.object({
  fileName: z.string().regex(/^case-[A-Za-z0-9-]+\.pdf$/),
  offset: z.number().int().min(0).default(0),
});
