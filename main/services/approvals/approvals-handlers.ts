/** The approvals area: four-eyes requests waiting for a second supervisor, approved or rejected here. */
import type { approvalsChannels } from '../../../preload/contract/channels/approvals';
import type { Area } from '../area';
import type { Core } from '../core';
import { ApprovalService } from './approval-service';

export function createApprovalsArea(
  core: Pick<Core, 'store' | 'clock' | 'mode' | 'accounts' | 'emit' | 'me'>,
): Area<typeof approvalsChannels> & { approvals: ApprovalService } {
  const approvals = new ApprovalService({
    store: core.store,
    clock: core.clock,
    mode: core.mode,
    accounts: core.accounts,
    onChanged: (pending) => core.emit('cw:approvals.changed', { pending }),
  });
  const { me } = core;
  return {
    approvals,
    handlers: {
      'cw:approvals.list': ({ status, limit }) => approvals.list(status, limit),
      'cw:approvals.approve': ({ id, note }) => approvals.approve(me(), id, note),
      'cw:approvals.reject': ({ id, note }) => approvals.reject(me(), id, note),
    },
  };
}
