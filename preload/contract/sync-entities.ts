import { z } from 'zod';
import { CaseStatus, Currency, FindingInput, LinkInput, SeizureInput, SubjectKind } from './schemas/cases';
import { Id, IsoTime } from './schemas/common';
import { CustodyAction } from './schemas/evidence';

/**
 * What each synced entity may carry, checked by the hub before it accepts a push
 * and by every workstation before it lands a pulled change (a change the hub's
 * database holds without having checked it, e.g. written there by hand, must not
 * reach a workstation's tables). Scalars: the fields an upsert may set (each
 * optional, none unknown). Lists: the item shape of each list field an append adds to.
 */
export interface SyncEntitySchema {
  scalars: z.ZodObject;
  lists: Record<string, z.ZodType>;
}
export type SyncEntitySchemas = Readonly<Record<string, SyncEntitySchema>>;

const Name = z.string().min(1).max(200);
const Time = IsoTime;
const By = { byId: Id, byName: Name };
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

const caseSchema: SyncEntitySchema = {
  scalars: z
    .object({
      ref: z.string().min(1).max(64),
      title: z.string().min(1).max(500),
      status: CaseStatus,
      subjectKind: SubjectKind,
      subjectRef: z.string().min(1).max(200),
      subjectLabel: z.string().max(500).nullable(),
      origin: z.string().max(4000),
      assigneeId: Id.nullable(),
      assigneeName: Name.nullable(),
      openedById: Id,
      openedByName: Name,
      openedAt: Time,
      updatedAt: Time,
      closedAt: Time.nullable(),
      closedById: Id.nullable(),
      closedByName: Name.nullable(),
    })
    .partial()
    .strict(),
  lists: {
    findings: z.object({ id: Id, category: FindingInput.shape.category, text: z.string().max(2000), at: Time, ...By }),
    seizures: z.object({
      id: Id,
      item: z.string().max(200),
      quantity: SeizureInput.shape.quantity,
      unit: SeizureInput.shape.unit,
      valueAmount: z.number().min(0).max(1e15),
      valueCurrency: Currency,
      location: z.string().max(200),
      at: Time,
      ...By,
    }),
    notes: z.object({ id: Id, text: z.string().max(4000), at: Time, ...By }),
    links: z.object({
      id: Id,
      kind: LinkInput.shape.kind,
      ref: z.string().max(200),
      label: z.string().max(200).nullable(),
      at: Time,
    }),
    evidence: z.object({
      id: Id,
      sha256: Sha256,
      fileName: z.string().min(1).max(255),
      mediaType: z.string().min(1).max(200),
      bytes: z.number().int().min(0),
      source: z.enum(['file', 'camera']),
      sourceRef: z.string().max(500).nullable(),
      addedAt: Time,
      ...By,
    }),
    custody: z.object({
      id: Id,
      evidenceId: Id,
      at: Time,
      action: CustodyAction,
      reason: z.string().max(2000),
      to: z.string().max(200).nullable(),
      ...By,
    }),
  },
};

const caseTaskSchema: SyncEntitySchema = {
  scalars: z
    .object({
      caseId: Id,
      title: z.string().min(1).max(200),
      due: Time.nullable(),
      done: z.boolean(),
      createdAt: Time,
      ...By,
    })
    .partial()
    .strict(),
  lists: {},
};

/** The entities Clearway syncs (case-sync.ts registers how each lands in a workstation's tables). */
export const syncEntitySchemas: SyncEntitySchemas = { case: caseSchema, case_task: caseTaskSchema };

export interface CheckedMutation {
  entity: string;
  entityId: string;
  op: 'upsert' | 'append' | 'delete';
  fields: Record<string, unknown>;
  actorId: string | null;
}

/**
 * Why a change may not be applied, naming the entity and field, or null when
 * it may. Besides the shapes, an item that names who recorded it (byId: a
 * custody entry, a finding) must name the change's own actor: nobody records
 * in another person's name.
 */
export function mutationProblem(schemas: SyncEntitySchemas, m: CheckedMutation): string | null {
  const where = `${m.entity} ${m.entityId}`;
  const schema = Object.hasOwn(schemas, m.entity) ? schemas[m.entity] : undefined;
  if (!schema) return `${where}: entity "${m.entity}" is not one that syncs (${Object.keys(schemas).join(', ')})`;
  if (m.op === 'delete') return null;
  if (m.op === 'upsert') {
    const result = schema.scalars.safeParse(m.fields);
    return result.success ? null : `${where}: ${issueText(result.error, '')}`;
  }
  for (const [field, items] of Object.entries(m.fields)) {
    const itemSchema = Object.hasOwn(schema.lists, field) ? schema.lists[field] : undefined;
    if (!itemSchema) return `${where}: field "${field}" is not a list of ${m.entity}`;
    if (!Array.isArray(items)) return `${where}: field "${field}": an append carries an array of items`;
    for (const [i, item] of items.entries()) {
      const result = itemSchema.safeParse(item);
      if (!result.success) return `${where}: field "${field}" item ${i}: ${issueText(result.error, '')}`;
      const byId = (item as { byId?: unknown }).byId;
      if (typeof byId === 'string' && byId !== m.actorId)
        return `${where}: field "${field}" item ${i}: recorded by ${byId} but sent by actor ${m.actorId ?? '(none)'}; an entry is only ever sent by the person it names`;
    }
  }
  return null;
}

function issueText(error: z.ZodError, prefix: string): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `field "${path || '(root)'}": ${issue.message}`;
    })
    .join('; ');
}
