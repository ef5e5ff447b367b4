import { z } from 'zod';

/** Wire formats of the hub API (v1). Workstations use the same schemas to read answers. */
export const ClientId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'clientId must be 8–64 letters, digits or dashes');
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');
const Name = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'must be a plain name (letters, digits, _ . -)');

export const WireMutation = z.object({
  mutationId: z.number().int().min(1),
  baseSeq: z.number().int().min(0),
  entity: Name,
  entityId: z.string().min(1).max(200),
  op: z.enum(['upsert', 'append', 'delete']),
  fields: z.record(z.string().regex(/^(\$deleted|[A-Za-z][A-Za-z0-9_.-]{0,63})$/), z.json()),
  at: z.iso.datetime(),
  actorId: z.string().max(200).nullable(),
});
export type WireMutation = z.infer<typeof WireMutation>;

export const MAX_PUSH_MUTATIONS = 1000;

export const PushBody = z
  .object({
    clientId: ClientId,
    mutations: z.array(WireMutation).min(1).max(MAX_PUSH_MUTATIONS),
  })
  .superRefine((body, ctx) => {
    body.mutations.forEach((m, i) => {
      const previous = body.mutations[i - 1];
      if (previous && m.mutationId !== previous.mutationId + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['mutations', i, 'mutationId'],
          message: 'mutation ids in a push must be consecutive and increasing',
        });
      if (m.op === 'append' && Object.values(m.fields).some((v) => !Array.isArray(v)))
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'fields'], message: 'append fields must be arrays' });
      if (m.op === 'delete' && Object.keys(m.fields).length > 0)
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'fields'], message: 'delete takes no fields' });
      if (m.op === 'upsert' && Object.keys(m.fields).length === 0)
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'fields'], message: 'upsert needs at least one field' });
      if (m.op !== 'delete' && '$deleted' in m.fields)
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'fields'], message: '$deleted is reserved' });
    });
  });
export type PushBody = z.infer<typeof PushBody>;

export const PushResult = z.object({
  appliedThrough: z.number().int().min(0),
  applied: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
});
export type PushResult = z.infer<typeof PushResult>;

export const PullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const WireChange = WireMutation.extend({ seq: z.number().int().min(1), clientId: ClientId });
export type WireChange = z.infer<typeof WireChange>;

export const PullResult = z.object({
  changes: z.array(WireChange),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type PullResult = z.infer<typeof PullResult>;

export const BlobHeaders = z.object({
  'upload-offset': z.coerce.number().int().min(0),
  'upload-length': z.coerce.number().int().min(0),
});

export const AuditHeadBody = z.object({
  clientId: ClientId,
  seq: z.number().int().min(0),
  head: Sha256Hex,
  at: z.iso.datetime(),
});

export const AuditReceipt = z.object({
  clientId: ClientId,
  seq: z.number().int().min(0),
  head: Sha256Hex,
  receivedAt: z.iso.datetime(),
  keyId: z.string(),
  signature: z.string(),
});
export type AuditReceipt = z.infer<typeof AuditReceipt>;
