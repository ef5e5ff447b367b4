/** The audit log, for supervisors. */
import { z } from 'zod';
import { AuditEntry, AuditListInput } from '../schemas/audit';
import { channel } from '../channel';

export const auditChannels = {
  'cw:audit.list': channel({ input: AuditListInput, output: z.array(AuditEntry), access: ['supervisor'] }),
} as const;
