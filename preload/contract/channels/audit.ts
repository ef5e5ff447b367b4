/** The tamper-evident audit log: its entries (for supervisors) and the state of its hash chain. */
import { z } from 'zod';
import { AuditEntry, AuditListInput } from '../schemas/audit';
import { AuditChainState } from '../schemas/audit';
import { channel, none } from '../channel';

export const auditChannels = {
  'cw:audit.list': channel({ input: AuditListInput, output: z.array(AuditEntry), access: ['supervisor'] }),
  'cw:audit.chainState': channel({ input: none, output: AuditChainState, access: 'session' }),
  'cw:audit.verifyChain': channel({ input: none, output: AuditChainState, access: 'session' }),
} as const;
