import type { CaseStatus } from '../../../preload/schemas/cases';
import type { Role } from '../../../preload/schemas/auth';

/**
 * The status workflow: open → under_inspection → pending_decision → closed.
 * A pending decision may go back for more inspection; a closed case reopens
 * (to open or under_inspection) only by a supervisor.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['under_inspection'],
  under_inspection: ['pending_decision', 'open'],
  pending_decision: ['closed', 'under_inspection'],
  closed: ['open', 'under_inspection'],
};

export type TransitionCheck = { ok: true; reopen: boolean } | { ok: false; code: 'FAILED_PRECONDITION' | 'FORBIDDEN'; message: string };

export function allowedNext(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export function checkTransition(from: CaseStatus, to: CaseStatus, role: Role): TransitionCheck {
  if (from === to) return { ok: false, code: 'FAILED_PRECONDITION', message: `The case is already ${to}` };
  if (!NEXT[from].includes(to)) {
    return { ok: false, code: 'FAILED_PRECONDITION', message: `A case cannot go from ${from} to ${to}; from ${from} it can go to ${NEXT[from].join(' or ')}` };
  }
  const reopen = from === 'closed';
  if (reopen && role !== 'supervisor') return { ok: false, code: 'FORBIDDEN', message: 'Only a supervisor may reopen a closed case' };
  return { ok: true, reopen };
}
