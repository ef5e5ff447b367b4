import type { OpenEvent, Row, SqlParams, Statement, StatementResult } from './types';

/** Messages between the main-thread client and the store worker (structured-cloned). */

export type Request =
  | { id: number; op: 'query'; sql: string; params?: SqlParams }
  | { id: number; op: 'transaction'; statements: readonly Statement[] }
  | { id: number; op: 'snapshot' }
  | { id: number; op: 'close' };

export interface WireError {
  name: string;
  message: string;
  stack?: string;
}

export type Reply =
  { id: number; ok: true; value: Row[] | StatementResult[] | null } | { id: number; ok: false; error: WireError };

export type Hello = { type: 'ready'; openEvents: OpenEvent[]; schemaVersion: number } | { type: 'open-failed'; error: WireError };

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/** A real Error on the main thread, keeping the worker's name and stack for diagnostics. */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = `${error.stack ?? ''}\n    --- in store worker ---\n${wire.stack}`;
  return error;
}
