import { createHash, type Hash } from 'node:crypto';
import type { Row } from '../store/types';
import { CHAIN_START, chainedFieldsOf, entryHash, entryHmac, keyId, serializeEntry, serializeLegacy } from './audit-entry-hash';

export const GENESIS_ACTION = 'audit.genesis';

export type ChainBreakReason =
  /** Audit rows exist but no genesis seal starts the chain. */
  | 'unsealed'
  /** The first chained entry is not a well-formed genesis seal. */
  | 'genesis'
  /** Rows written before the chain were changed, added or removed. */
  | 'legacy-digest'
  /** A seq is missing: entries were deleted. */
  | 'gap'
  /** An entry after the genesis has no hash: it was inserted around the chain. */
  | 'unchained'
  /** prev_hash does not name the entry before: entries were removed, inserted or reordered. */
  | 'prev-hash'
  /** The content no longer matches its hash: the entry was edited. */
  | 'hash'
  /** The signature does not match: re-hashed by someone without the key. */
  | 'hmac'
  /** The chain was signed with another installation key than the one given. */
  | 'wrong-key'
  /** An entry the hub receipted (sync) no longer has the receipted hash, or is gone: history was rewritten after it was sent. */
  | 'receipt';

export interface ChainBreak {
  seq: number;
  reason: ChainBreakReason;
  message: string;
  expected?: string;
  found?: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
  at: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries read (legacy and chained). */
  entries: number;
  /** The last entry that verified (null when none did). */
  head: ChainHead | null;
  broken: ChainBreak | null;
  keyId: string;
  /** The latest hub receipt the chain still matches (null: none sent yet, or the check failed). */
  receipted: HubReceipt | null;
}

/** A chain head the hub has countersigned (main/services/sync stores them in sync_audit_receipts). */
export interface HubReceipt {
  seq: number;
  head: string;
  receivedAt: string;
}

export const AUDIT_RECEIPTS_SQL = 'SELECT seq, head, received_at FROM sync_audit_receipts ORDER BY seq';

export function receiptFromRow(row: Row): HubReceipt {
  return { seq: Number(row.seq), head: String(row.head), receivedAt: String(row.received_at) };
}

/** Reads audit rows with seq > afterSeq in seq order, at most limit of them. */
export type ReadAuditPage = (afterSeq: number, limit: number) => Promise<Row[]>;

export const AUDIT_PAGE_SQL =
  'SELECT seq, at, actor_id, actor_name, action, subject, detail, prev_hash, hash, hmac FROM audit WHERE seq > ? ORDER BY seq LIMIT ?';

const PAGE = 20_000;

/**
 * Recomputes the whole chain: legacy digest, links, hashes and HMACs, and
 * returns the first entry that does not hold. Pages through the table so a
 * million entries do not sit in memory at once.
 *
 * A chain rebuilt by someone holding the installation key passes every local
 * check; the hub's receipts catch that: each receipted entry must still carry
 * the hash the hub saw, and must still exist.
 */
export async function verifyAuditChain(
  read: ReadAuditPage,
  key: Buffer,
  receipts: readonly HubReceipt[] = [],
): Promise<ChainVerification> {
  const receiptsBySeq = new Map(receipts.map((r) => [r.seq, r]));
  const installationKey = keyId(key);
  const legacy = createHash('sha256');
  let legacyCount = 0;
  let entries = 0;
  let head: ChainHead | null = null;
  let sealed = false;
  let firstSeq: number | null = null;
  const fail = (broken: ChainBreak): ChainVerification => ({
    ok: false,
    entries,
    head,
    broken,
    keyId: installationKey,
    receipted: null,
  });

  for (let after = 0; ;) {
    const rows = await read(after, PAGE);
    if (rows.length === 0) break;
    for (const row of rows) {
      entries += 1;
      const seq = Number(row.seq);
      after = seq;
      firstSeq ??= seq;
      const hash = text(row.hash);
      if (!sealed) {
        if (hash === null) {
          addLegacy(legacy, row);
          legacyCount += 1;
          continue;
        }
        const problem = checkGenesis(row, key, installationKey, legacyCount, legacy.digest('hex'));
        if (problem) return fail(problem);
        sealed = true;
        const rewritten = checkReceipt(receiptsBySeq.get(seq), seq, hash);
        if (rewritten) return fail(rewritten);
        head = { seq, hash, at: String(row.at) };
        continue;
      }
      const previous = head as ChainHead;
      if (seq !== previous.seq + 1) {
        const missing = seq - previous.seq - 1;
        return fail({
          seq,
          reason: 'gap',
          message: `${missing} entr${missing === 1 ? 'y' : 'ies'} missing before seq ${seq} (after seq ${previous.seq}): audit rows were deleted`,
        });
      }
      if (hash === null)
        return fail({ seq, reason: 'unchained', message: `Entry ${seq} has no hash: it was written around the chain` });
      const prevHash = text(row.prev_hash);
      if (prevHash !== previous.hash) {
        return fail({
          seq,
          reason: 'prev-hash',
          message: `Entry ${seq} does not link to entry ${previous.seq}: entries were removed, inserted or reordered`,
          expected: previous.hash,
          found: prevHash ?? 'null',
        });
      }
      const problem = checkEntry(row, prevHash, hash, key) ?? checkReceipt(receiptsBySeq.get(seq), seq, hash);
      if (problem) return fail(problem);
      head = { seq, hash, at: String(row.at) };
    }
  }
  const lastSeq = head?.seq ?? 0;
  const lost = receipts.filter((r) => r.seq > lastSeq).sort((a, b) => a.seq - b.seq)[0];
  if (lost) {
    return fail({
      seq: lost.seq,
      reason: 'receipt',
      message: `Entry ${lost.seq}, whose head the hub receipted at ${lost.receivedAt}, is missing (the chain ends at seq ${lastSeq}): local history was truncated after it was sent to the hub`,
      expected: lost.head,
      found: 'missing',
    });
  }
  if (!sealed && entries > 0) {
    return fail({
      seq: firstSeq ?? 1,
      reason: 'unsealed',
      message: `${entries} audit entries exist but no genesis seal starts the chain; start Clearway once to seal them`,
    });
  }
  const receipted = receipts.reduce<HubReceipt | null>((latest, r) => (latest && latest.seq >= r.seq ? latest : r), null);
  return { ok: true, entries, head, broken: null, keyId: installationKey, receipted };
}

function checkReceipt(receipt: HubReceipt | undefined, seq: number, hash: string): ChainBreak | null {
  if (!receipt || receipt.head === hash) return null;
  return {
    seq,
    reason: 'receipt',
    message: `Entry ${seq} no longer has the hash the hub receipted at ${receipt.receivedAt}: local history was rewritten after it was sent to the hub`,
    expected: receipt.head,
    found: hash,
  };
}

function checkGenesis(
  row: Row,
  key: Buffer,
  installationKey: string,
  legacyCount: number,
  legacyDigest: string,
): ChainBreak | null {
  const seq = Number(row.seq);
  if (row.action !== GENESIS_ACTION) {
    return {
      seq,
      reason: 'genesis',
      message: `Entry ${seq} is the first chained entry but is "${String(row.action)}", not the genesis seal: the start of the chain was removed`,
    };
  }
  const prevHash = text(row.prev_hash);
  if (prevHash !== CHAIN_START)
    return {
      seq,
      reason: 'genesis',
      message: `The genesis seal (seq ${seq}) does not start from the zero hash`,
      expected: CHAIN_START,
      found: prevHash ?? 'null',
    };
  const detail = parseDetail(row.detail);
  const signedWith = typeof detail.keyId === 'string' ? detail.keyId : null;
  const problem = checkEntry(row, prevHash, text(row.hash) ?? '', key);
  if (problem?.reason === 'hmac' && signedWith !== null && signedWith !== installationKey) {
    return {
      seq,
      reason: 'wrong-key',
      message: `The chain was signed with installation key ${signedWith}, not with this key (${installationKey}); use the key file of the installation that wrote it`,
      expected: signedWith,
      found: installationKey,
    };
  }
  if (problem) return problem;
  if (detail.legacyEntries !== legacyCount || detail.legacyDigest !== legacyDigest) {
    return {
      seq,
      reason: 'legacy-digest',
      message: `The ${legacyCount} entries before the genesis seal (seq ${seq}) are not the ${String(detail.legacyEntries)} it sealed: older entries were changed, added or removed`,
      expected: String(detail.legacyDigest),
      found: legacyDigest,
    };
  }
  return null;
}

function checkEntry(row: Row, prevHash: string, hash: string, key: Buffer): ChainBreak | null {
  const seq = Number(row.seq);
  const serialized = serializeEntry(chainedFieldsOf(row, prevHash));
  const recomputed = entryHash(serialized);
  if (recomputed !== hash) {
    return {
      seq,
      reason: 'hash',
      message: `Entry ${seq} (${String(row.action)}) was edited: its time, actor, action, subject or detail no longer match its hash`,
      expected: hash,
      found: recomputed,
    };
  }
  const signature = entryHmac(key, serialized);
  const stored = text(row.hmac);
  if (signature !== stored) {
    return {
      seq,
      reason: 'hmac',
      message: `Entry ${seq} (${String(row.action)}) has a signature this installation's key did not make: the chain was re-hashed without the key`,
      expected: signature,
      found: stored ?? 'null',
    };
  }
  return null;
}

export function addLegacy(digest: Hash, row: Row): void {
  digest.update(
    `${serializeLegacy({
      seq: Number(row.seq),
      at: String(row.at),
      actorId: text(row.actor_id),
      actorName: text(row.actor_name),
      action: String(row.action),
      subject: text(row.subject),
      detail: String(row.detail),
    })}\n`,
  );
}

function text(value: Row[string] | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

function parseDetail(value: Row[string] | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
