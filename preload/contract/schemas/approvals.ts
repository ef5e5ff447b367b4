/** Four eyes: what waits for a second supervisor's approval (pure zod; the renderer imports it too). */
import { z } from 'zod';
import { Id, IsoTime, Person, Text } from './common';

/**
 * The acts that need a second person: releasing a red-lane declaration, closing
 * a case that holds a seizure, activating a changed risk rule or watchlist.
 */
export const ApprovalKind = z.enum(['declaration.release', 'case.close', 'risk.rule', 'risk.watchlist']);
export type ApprovalKind = z.infer<typeof ApprovalKind>;

export const ApprovalStatus = z.enum(['pending', 'approved', 'rejected']);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

export const Approval = z.object({
  id: Id,
  kind: ApprovalKind,
  /** The declaration number, case id, rule id or watchlist id the act is about. */
  subject: z.string().min(1).max(128),
  /** What the act does, in a line (e.g. the case reference, or the rule's new lane and score). */
  summary: z.string().max(500),
  /** Why the requester asks for it. */
  reason: z.string().max(500),
  status: ApprovalStatus,
  requestedBy: Person,
  requestedAt: IsoTime,
  decidedBy: Person.nullable(),
  decidedAt: IsoTime.nullable(),
  /** The approver's or rejecter's note. */
  note: z.string().max(500).nullable(),
});
export type Approval = z.infer<typeof Approval>;

export const ApprovalListInput = z.object({
  status: z.enum(['pending', 'decided']).default('pending'),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ApproveInput = z.object({ id: Id, note: z.string().trim().max(500).optional() });
/** A rejection says why, so the requester learns what to change. */
export const RejectInput = z.object({ id: Id, note: Text(500) });

/** The pending count, for the supervisors' badge. */
export const ApprovalsChanged = z.object({ pending: z.number().int().nonnegative() });
export type ApprovalsChanged = z.infer<typeof ApprovalsChanged>;
