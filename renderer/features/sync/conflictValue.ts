/** A conflict value as text: strings as they are, everything else as compact JSON; null for "no value". */
export function conflictValueText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The first 8 characters of a workstation or record id: enough to tell them apart on screen. */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
