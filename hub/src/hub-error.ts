/** A refusal the hub reports as `{ error: { code, message, ... } }` with this HTTP status. */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** The first row of a query that must return one (a missing row is a hub bug, not a client error). */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`hub: expected a row for ${what}, got none`);
  return row;
}
