/**
 * The queue's default order (TFA Art. 7.8, 7.9): perishable and expedited
 * declarations first, then the least SLA time left, then the earliest lodgement.
 * The backend sorts the same way for paging; this comparator is the one
 * statement of the rule the renderer relies on (e.g. to order a merged page).
 */
export interface PriorityFields {
  number: string;
  perishable: boolean;
  expedited: boolean;
  /** ISO time the SLA runs out, or null when none applies. */
  slaDueAt: string | null;
  lodgementTime: string;
}

function urgency(row: PriorityFields): number {
  // Perishable goods spoil; they outrank expedited shipments, which outrank the rest.
  return (row.perishable ? 2 : 0) + (row.expedited ? 1 : 0);
}

function dueOf(row: PriorityFields): number {
  if (!row.slaDueAt) return Number.POSITIVE_INFINITY;
  const t = Date.parse(row.slaDueAt);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

export function comparePriority(a: PriorityFields, b: PriorityFields): number {
  const u = urgency(b) - urgency(a);
  if (u !== 0) return u;
  const da = dueOf(a);
  const db = dueOf(b);
  if (da !== db) return da < db ? -1 : 1;
  if (a.lodgementTime !== b.lodgementTime) return a.lodgementTime < b.lodgementTime ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}
