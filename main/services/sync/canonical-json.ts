/**
 * Sync compares field values as canonical JSON text on the workstation and as
 * jsonb at the hub; both must agree on "equal" for conflicts to match
 * everywhere. It is the same canonical form the audit chain hashes.
 */
import { canonicalJson } from '../audit/canonical-json';

export { canonicalJson };

/** The identity of a list item for union merge: its string `id`, else its canonical JSON. */
export function listItemKey(item: unknown): string {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const id = (item as Record<string, unknown>).id;
    if (typeof id === 'string' && id.length > 0) return `id:${id}`;
  }
  return `json:${canonicalJson(item)}`;
}
