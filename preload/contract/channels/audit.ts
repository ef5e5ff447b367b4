/** The tamper-evident audit log: its entries (for supervisors) and the state of its hash chain. */
import { z } from 'zod';
import { AuditEntry, AuditListInput } from '../schemas/audit';
import { AuditChainState } from '../schemas/audit';
import { channel, none } from '../channel';

export const auditChannels = {
  'cw:audit.list': channel({ input: AuditListInput, output: z.array(AuditEntry), access: 'audit.read' }),
  'cw:audit.chainState': channel({ input: none, output: AuditChainState, access: 'workstation' }),
  'cw:audit.verifyChain': channel({ input: none, output: AuditChainState, access: 'workstation' }),
} as const;
