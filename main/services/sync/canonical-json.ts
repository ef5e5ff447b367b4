/**
 * JSON with object keys sorted at every level, so two equal values always give
 * the same text. The workstation compares field values as text and the hub as
 * jsonb; both must agree on "equal" for conflicts to match everywhere.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The identity of a list item for union merge: its string `id`, else its canonical JSON. */
export function listItemKey(item: unknown): string {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const id = (item as Record<string, unknown>).id;
    if (typeof id === 'string' && id.length > 0) return `id:${id}`;
  }
  return `json:${canonicalJson(item)}`;
}
