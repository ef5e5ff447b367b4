import { describe, expect, it } from 'vitest';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { auditStatement } from '../../../main/services/audit/audit-log';
import { AUDIT_PAGE_SQL, verifyAuditChain } from '../../../main/services/audit/audit-verify';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { rewriteWithKey } from '../../support/audit-rewrite';
import { openMemoryStore } from '../services/memory-store';

const KEY = Buffer.alloc(32, 7);

async function chainWith(entries: number) {
  const raw = await openMemoryStore(migrations);
  const clock = new ManualClock('2026-05-01T08:00:00.000Z');
  const chain = await AuditChain.open(raw, KEY, clock);
  const store = chain.wrap(raw);
  for (let i = 0; i < entries; i += 1) {
    clock.advance(1000);
    await store.transaction([
      auditStatement({
        at: clock.now(),
        actor: { id: 'u1', name: 'Officer' },
        action: 'case.note',
        subject: `case-${i}`,
        detail: { n: i },
      }),
    ]);
  }
  /** Stores a receipt as the sync engine does after the hub countersigned the head. */
  const receipt = async () => {
    const head = chain.chainHead();
    if (!head) throw new Error('empty chain');
    await raw.transaction([
      {
        sql: `INSERT INTO sync_audit_receipts (seq, head, received_at, key_id, signature, receipt) VALUES (:seq, :head, :at, 'k1', 'sig', '{}')`,
        params: { ':seq': head.seq, ':head': head.hash, ':at': clock.now().toISOString() },
      },
    ]);
    return head;
  };
  return { raw, store, chain, clock, receipt };
}

describe('audit chain against the hub receipts', () => {
  it('a rewrite re-signed with the installation key passes the local checks but not a receipted head', async () => {
    const { raw, chain, receipt, store, clock } = await chainWith(8);
    const receipted = await receipt(); // seq 9
    clock.advance(1000);
    await store.transaction([auditStatement({ at: clock.now(), actor: null, action: 'case.close', subject: 'case-1' })]);
    expect(await chain.verify()).toMatchObject({ ok: true, entries: 10 });

    await rewriteWithKey(raw, KEY, 4, { n: 'rewritten' });
    const localOnly = await verifyAuditChain((after, limit) => raw.query(AUDIT_PAGE_SQL, [after, limit]), KEY);
    expect(localOnly.ok).toBe(true); // the key holder fooled the local checks…
    const result = await chain.verify(); // …but not the hub's receipt
    expect(result.ok).toBe(false);
    expect(result.receipted).toBeNull();
    expect(result.broken).toMatchObject({ seq: receipted.seq, reason: 'receipt', expected: receipted.hash });
    expect(result.broken?.message).toMatch(/rewritten after it was sent to the hub/);
    expect(result.head?.seq).toBe(receipted.seq - 1);
  });

  it('a rewrite after the last receipted head is not flagged by the receipts (nothing was sent yet)', async () => {
    const { raw, chain, receipt, store, clock } = await chainWith(4);
    await receipt(); // seq 5
    for (let i = 0; i < 3; i += 1) {
      clock.advance(1000);
      await store.transaction([
        auditStatement({ at: clock.now(), actor: null, action: 'case.note', subject: 'later', detail: { i } }),
      ]);
    }
    await rewriteWithKey(raw, KEY, 7, { i: 'changed' });
    expect(await chain.verify()).toMatchObject({ ok: true, entries: 8, broken: null });
  });

  it('reports receipted entries that were cut off the end of the chain', async () => {
    const { raw, chain, receipt } = await chainWith(6);
    const receipted = await receipt(); // seq 7
    await raw.transaction([{ sql: 'DROP TRIGGER IF EXISTS audit_no_delete' }, { sql: 'DELETE FROM audit WHERE seq >= 6' }]);
    const result = await chain.verify();
    expect(result.broken).toMatchObject({ seq: receipted.seq, reason: 'receipt', found: 'missing' });
    expect(result.broken?.message).toMatch(/truncated/);
  });

  it('a matching receipt changes nothing', async () => {
    const { chain, receipt } = await chainWith(3);
    expect(await chain.verify()).toMatchObject({ ok: true, receipted: null });
    const head = await receipt();
    expect(await chain.verify()).toMatchObject({
      ok: true,
      entries: 4,
      broken: null,
      receipted: { seq: head.seq, head: head.hash },
    });
  });
});
