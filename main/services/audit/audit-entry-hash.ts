import { createHash, createHmac } from 'node:crypto';
import type { Row } from '../store/types';

/** prev_hash of the first chained entry (the genesis seal). */
export const CHAIN_START = '0'.repeat(64);

/** The stored fields of one audit row that the hash covers, exactly as stored. */
export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subject: string | null;
  /** The detail column's text: canonical JSON written by auditStatement(). */
  detail: string;
  prevHash: string;
}

/** The hashed fields of a stored audit row, chained to `prevHash`. */
export function chainedFieldsOf(row: Row, prevHash: string): ChainedFields {
  const nullable = (value: Row[string] | undefined) => (value === null || value === undefined ? null : String(value));
  return {
    seq: Number(row.seq),
    at: String(row.at),
    actorId: nullable(row.actor_id),
    actorName: nullable(row.actor_name),
    action: String(row.action),
    subject: nullable(row.subject),
    detail: String(row.detail),
    prevHash,
  };
}

/**
 * The canonical serialization hashed and signed for one entry. A JSON array keeps
 * field boundaries unambiguous (no "ab"+"c" = "a"+"bc" collisions) and is cheap.
 */
export function serializeEntry(f: ChainedFields): string {
  return JSON.stringify([f.seq, f.at, f.actorId, f.actorName, f.action, f.subject, f.detail, f.prevHash]);
}

export function entryHash(serialized: string): string {
  return createHash('sha256').update(serialized).digest('hex');
}

/** HMAC-SHA256 with the installation key: without the key, a rewritten chain cannot be re-signed. */
export function entryHmac(key: Buffer, serialized: string): string {
  return createHmac('sha256', key).update(serialized).digest('hex');
}

/** A short public id for a key (first 16 hex of its SHA-256), recorded in the genesis seal. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Rows written before the chain existed, sealed by one digest in the genesis entry. */
export interface LegacyFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subject: string | null;
  detail: string;
}

export function serializeLegacy(f: LegacyFields): string {
  return JSON.stringify([f.seq, f.at, f.actorId, f.actorName, f.action, f.subject, f.detail]);
}
