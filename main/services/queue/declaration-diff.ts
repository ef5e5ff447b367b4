/**
 * Field-by-field difference between two versions of a normalised declaration, as
 * officers read it: goods items are matched by sequence, containers by id and
 * documents by type and reference (so a removed first item does not show every
 * later item as changed), lists of plain values compare as one value, and the
 * message function is left out (each version shows its own).
 */
import type { Declaration } from '../../../preload/contract/schemas/declarations';
import type { FieldChange } from '../../../preload/contract/schemas/queue';

type Json = unknown;

/** How list entries are named in a path, by the list's key. */
const LIST_KEYS: Record<string, (entry: Record<string, Json>, index: number) => string> = {
  goodsItems: (e, i) => String(e.sequence ?? i + 1),
  containers: (e, i) => String(e.id ?? i + 1),
  documents: (e, i) => `${String(e.type ?? '')} ${String(e.reference ?? i + 1)}`.trim(),
  customsValue: (e, i) => String(e.currency ?? i + 1),
};

const LEFT_OUT = new Set(['functionCode']);

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flatten(value: Json, path: string, out: Map<string, string>): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    if (value.every((v) => !isRecord(v))) {
      if (value.length > 0) out.set(path, value.map(String).join(', '));
      return;
    }
    const key = path.slice(path.lastIndexOf('.') + 1);
    const name = LIST_KEYS[key] ?? ((_: Record<string, Json>, i: number) => String(i + 1));
    value.forEach((entry, i) => flatten(entry, `${path}[${isRecord(entry) ? name(entry, i) : i + 1}]`, out));
    return;
  }
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (path === '' && LEFT_OUT.has(k)) continue;
      flatten(v, path ? `${path}.${k}` : k, out);
    }
    return;
  }
  out.set(path, String(value));
}

/** The fields that differ from `before` to `after`, in the order the declaration lists them. */
export function declarationDiff(before: Declaration | null, after: Declaration): FieldChange[] {
  if (before === null) return [];
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const changes: FieldChange[] = [];
  for (const [path, value] of b) {
    const was = a.get(path) ?? null;
    if (was !== value) changes.push({ path, before: was, after: value });
  }
  for (const [path, value] of a) if (!b.has(path)) changes.push({ path, before: value, after: null });
  return changes;
}
