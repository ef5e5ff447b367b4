/** The audit area: the append-only, hash-chained audit log and its verification. */
import type { auditChannels } from '../../../preload/contract/channels/audit';
import type { Area } from '../area';
import type { Core } from '../core';
import { listAudit } from './audit-log';

export function createAuditArea(core: Pick<Core, 'store' | 'auditChain'>): Area<typeof auditChannels> {
  return {
    handlers: {
      'cw:audit.list': (input) => listAudit(core.store, input),
      'cw:audit.chainState': () => core.auditChain.state(),
      'cw:audit.verifyChain': () => core.auditChain.verify(),
    },
  };
}
