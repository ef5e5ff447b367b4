import type { SqlParams, SqlValue, Statement } from './types';

/**
 * Turns a transaction's statements into the bytes stored in one journal record and
 * back. JSON keeps the journal readable and independent of V8's serializer version;
 * the two values JSON cannot carry exactly (blobs and non-finite numbers) are tagged,
 * so replay binds the very same values the original commit did.
 */

type Encoded = [sql: string, params?: unknown];

function encodeValue(value: SqlValue): unknown {
  if (value instanceof Uint8Array) {
    return { $blob: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
  return value;
}

function decodeValue(value: unknown): SqlValue {
  if (value !== null && typeof value === 'object') {
    const tagged = value as { $blob?: unknown; $num?: unknown };
    if (typeof tagged.$blob === 'string') return new Uint8Array(Buffer.from(tagged.$blob, 'base64'));
    if (typeof tagged.$num === 'string') return Number(tagged.$num);
    throw new Error('journal payload holds an unknown tagged value');
  }
  return value as SqlValue;
}

function encodeParams(params: SqlParams): unknown {
  if (Array.isArray(params)) return params.map(encodeValue);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = encodeValue(value as SqlValue);
  return { $named: out };
}

function decodeParams(raw: unknown): SqlParams {
  if (Array.isArray(raw)) return raw.map(decodeValue);
  const named = (raw as { $named?: Record<string, unknown> }).$named;
  if (!named || typeof named !== 'object') throw new Error('journal payload holds malformed parameters');
  const out: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(named)) out[key] = decodeValue(value);
  return out;
}

export function encodeTransaction(statements: readonly Statement[]): Buffer {
  const encoded: Encoded[] = statements.map((s) => (s.params === undefined ? [s.sql] : [s.sql, encodeParams(s.params)]));
  return Buffer.from(JSON.stringify(encoded), 'utf8');
}

export function decodeTransaction(payload: Uint8Array): Statement[] {
  const parsed: unknown = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  if (!Array.isArray(parsed)) throw new Error('journal payload is not a statement list');
  return parsed.map((entry: unknown) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new Error('journal payload holds a malformed statement');
    return entry.length > 1 ? { sql: entry[0], params: decodeParams(entry[1]) } : { sql: entry[0] };
  });
}
