import { z } from 'zod';
import { IsoTime } from './common';

export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  at: IsoTime,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Dotted event name, e.g. auth.login, shift.start, settings.update. */
  action: z.string(),
  subject: z.string().nullable(),
  /** Parsed from the stored JSON text, so JSON values only. */
  detail: z.record(z.string(), z.json()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListInput = z.object({
  limit: z.number().int().min(1).max(1000),
  beforeSeq: z.number().int().min(1).optional(),
  action: z.string().max(64).optional(),
});

export const ChainBreak = z.object({
  seq: z.number().int(),
  reason: z.string(),
  message: z.string(),
  expected: z.string().optional(),
  found: z.string().optional(),
});
export const AuditChainState = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
  broken: ChainBreak.nullable(),
  keyId: z.string(),
  /** The latest head the hub countersigned that the chain still matches; history up to it cannot be rewritten unnoticed. */
  receipted: z.object({ seq: z.number().int(), head: z.string(), receivedAt: z.string() }).nullable(),
  verifiedAt: IsoTime,
});
export type AuditChainState = z.infer<typeof AuditChainState>;
