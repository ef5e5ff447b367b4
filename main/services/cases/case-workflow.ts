import { NEXT_CASE_STATUSES, type CaseStatus } from '../../../preload/contract/schemas/cases';
import type { Role } from '../../../preload/contract/schemas/auth';

export type TransitionCheck =
  { ok: true; reopen: boolean } | { ok: false; code: 'FAILED_PRECONDITION' | 'FORBIDDEN'; message: string };

/** Checks one status change against the workflow (NEXT_CASE_STATUSES); reopening a closed case takes a supervisor. */
export function checkTransition(from: CaseStatus, to: CaseStatus, role: Role): TransitionCheck {
  if (from === to) return { ok: false, code: 'FAILED_PRECONDITION', message: `The case is already ${to}` };
  const next = NEXT_CASE_STATUSES[from];
  if (!next.includes(to)) {
    return {
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: `A case cannot go from ${from} to ${to}; from ${from} it can go to ${next.join(' or ')}`,
    };
  }
  const reopen = from === 'closed';
  if (reopen && role !== 'supervisor')
    return { ok: false, code: 'FORBIDDEN', message: 'Only a supervisor may reopen a closed case' };
  return { ok: true, reopen };
}
