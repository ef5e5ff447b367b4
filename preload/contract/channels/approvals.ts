/**
 * Four eyes: requests waiting for a second supervisor. Requests are made by the
 * act itself (a red-lane release, closing a case with a seizure, saving a risk rule
 * or watchlist); these channels list them and approve or reject them.
 */
import { z } from 'zod';
import { Approval, ApprovalListInput, ApprovalsChanged, ApproveInput, RejectInput } from '../schemas/approvals';
import { channel } from '../channel';

export const approvalsChannels = {
  'cw:approvals.list': channel({ input: ApprovalListInput, output: z.array(Approval), access: 'approvals.decide' }),
  /** Applies the act as its requester asked it, then records the approval; refused to the requester. */
  'cw:approvals.approve': channel({ input: ApproveInput, output: Approval, access: 'approvals.decide' }),
  /** Leaves everything as it was and records the rejection with its note. */
  'cw:approvals.reject': channel({ input: RejectInput, output: Approval, access: 'approvals.decide' }),
} as const;

export const approvalsEvents = {
  /** A request was made, approved or rejected: the pending count for the badge. */
  'cw:approvals.changed': ApprovalsChanged,
} as const;
