/**
 * Canonical JSON for hashing (the RFC 8785 subset Clearway's audit details use):
 * object keys sorted by code unit, no whitespace, undefined members dropped,
 * non-finite numbers refused. The same value always gives the same text, so the
 * hash of an audit entry does not depend on the order a caller built its detail in.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}; only finite numbers can be hashed`);
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value))
        return `[${value.map((item, i) => (item === undefined ? 'null' : write(item, `${path}[${i}]`))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}; only JSON values can be hashed`);
  }
}

/**
 * The identity of a list item for sync's union merge: its string `id`, else its canonical JSON.
 * Sync compares field values as canonical JSON text on the workstation and as jsonb at the hub;
 * both must agree on "equal" for conflicts to match everywhere.
 */
export function listItemKey(item: unknown): string {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const id = (item as Record<string, unknown>).id;
    if (typeof id === 'string' && id.length > 0) return `id:${id}`;
  }
  return `json:${canonicalJson(item)}`;
}
