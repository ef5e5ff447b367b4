import { chainedFieldsOf, entryHash, entryHmac, serializeEntry } from '../../main/services/audit/audit-entry-hash';
import { canonicalJson } from '../../preload/contract/canonical-json';
import type { Statement, Store } from '../../main/services/store/types';

/**
 * What an insider holding the installation key can do: edit entry `fromSeq` and
 * re-hash and re-sign it and everything after, so every local check passes.
 */
export async function rewriteWithKey(store: Store, key: Buffer, fromSeq: number, detail: Record<string, unknown>): Promise<void> {
  const rows = await store.query('SELECT * FROM audit WHERE seq >= :s ORDER BY seq', { ':s': fromSeq });
  let prevHash = String(rows[0]?.prev_hash);
  const statements: Statement[] = [{ sql: 'DROP TRIGGER IF EXISTS audit_no_update' }];
  for (const row of rows) {
    const stored = chainedFieldsOf(row, prevHash);
    const fields = stored.seq === fromSeq ? { ...stored, detail: canonicalJson(detail) } : stored;
    const serialized = serializeEntry(fields);
    const hash = entryHash(serialized);
    statements.push({
      sql: 'UPDATE audit SET detail = :d, prev_hash = :p, hash = :h, hmac = :m WHERE seq = :s',
      params: { ':d': fields.detail, ':p': prevHash, ':h': hash, ':m': entryHmac(key, serialized), ':s': fields.seq },
    });
    prevHash = hash;
  }
  await store.transaction(statements);
}
