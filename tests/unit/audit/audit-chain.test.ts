import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditChain } from '../../../main/services/audit/audit-chain';
import { loadOrCreateAuditKey } from '../../../main/services/audit/audit-key';
import { auditStatement } from '../../../main/services/audit/audit-log';
import { canonicalJson } from '../../../preload/contract/canonical-json';
import { AUDIT_PAGE_SQL, verifyAuditChain } from '../../../main/services/audit/audit-verify';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 9);

async function chainWith(entries: number) {
  const raw = await openMemoryStore(migrations);
  const clock = new ManualClock();
  const chain = await AuditChain.open(raw, KEY, clock);
  const store = chain.wrap(raw);
  for (let i = 0; i < entries; i += 1) {
    clock.advance(1000);
    await store.transaction([
      auditStatement({
        at: clock.now(),
        actor: { id: `u${i % 3}`, name: `User ${i % 3}` },
        action: 'case.note',
        subject: `case-${i}`,
        detail: { n: i, b: 'x', a: [1, 2] },
      }),
    ]);
  }
  const verify = (key = KEY) => verifyAuditChain((after, limit) => raw.query(AUDIT_PAGE_SQL, [after, limit]), key);
  /** Tampering as an attacker with the database file would: triggers gone. */
  const tamper = (sql: string) => {
    raw.db.run('DROP TRIGGER IF EXISTS audit_no_update');
    raw.db.run('DROP TRIGGER IF EXISTS audit_no_delete');
    raw.db.run(sql);
  };
  return { raw, store, chain, clock, verify, tamper };
}

describe('audit hash chain', () => {
  it('starts with a genesis seal and verifies a clean chain; the head is the last entry', async () => {
    const { verify, chain, raw } = await chainWith(20);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, entries: 21, broken: null });
    expect(result.head).toEqual(chain.chainHead());
    expect(result.head?.seq).toBe(21);
    const first = await raw.query('SELECT action, prev_hash FROM audit WHERE seq = 1');
    expect(first[0]).toEqual({ action: 'audit.genesis', prev_hash: '0'.repeat(64) });
  });

  it('detects an edited detail and names the entry', async () => {
    const { verify, tamper } = await chainWith(10);
    tamper(`UPDATE audit SET detail = '{"n":99}' WHERE seq = 6`);
    expect((await verify()).broken).toMatchObject({ seq: 6, reason: 'hash' });
  });

  it('detects a deleted entry (gap) and a deleted tail entry moves the head back', async () => {
    const { verify, tamper } = await chainWith(10);
    tamper('DELETE FROM audit WHERE seq = 4');
    const result = await verify();
    expect(result.broken).toMatchObject({ seq: 5, reason: 'gap' });
    expect(result.head?.seq).toBe(3);
  });

  it('detects reordering (two entries swap their seq)', async () => {
    const { verify, tamper } = await chainWith(10);
    tamper('UPDATE audit SET seq = -1 WHERE seq = 3');
    tamper('UPDATE audit SET seq = 3 WHERE seq = 4');
    tamper('UPDATE audit SET seq = 4 WHERE seq = -1');
    expect((await verify()).broken).toMatchObject({ seq: 3, reason: 'prev-hash' });
  });

  it('detects a re-hashed forgery without the key (HMAC) and a wrong key', async () => {
    const { verify, tamper, raw } = await chainWith(5);
    // The attacker recomputes the SHA-256 after editing, but cannot sign it.
    const row = (await raw.query('SELECT * FROM audit WHERE seq = 6'))[0]!;
    const { serializeEntry, entryHash } = await import('../../../main/services/audit/audit-entry-hash');
    const detail = canonicalJson({ n: 1000 });
    const hash = entryHash(
      serializeEntry({
        seq: 6,
        at: String(row.at),
        actorId: String(row.actor_id),
        actorName: String(row.actor_name),
        action: String(row.action),
        subject: String(row.subject),
        detail,
        prevHash: String(row.prev_hash),
      }),
    );
    tamper(`UPDATE audit SET detail = '${detail}', hash = '${hash}' WHERE seq = 6`);
    expect((await verify()).broken).toMatchObject({ seq: 6, reason: 'hmac' });
    const other = await chainWith(2);
    expect((await other.verify(OTHER_KEY)).broken).toMatchObject({ seq: 1, reason: 'wrong-key' });
  });

  it('detects an entry written around the chain (no hash)', async () => {
    const { verify, raw } = await chainWith(3);
    await raw.transaction([auditStatement({ at: new Date(), actor: null, action: 'sneaky' })]);
    expect((await verify()).broken).toMatchObject({ seq: 5, reason: 'unchained' });
  });

  it('seals entries written before the chain existed; editing one of them is detected', async () => {
    const raw = await openMemoryStore(migrations);
    await raw.transaction([
      auditStatement({ at: new Date('2026-01-01T00:00:00Z'), actor: null, action: 'auth.login' }),
      auditStatement({ at: new Date('2026-01-01T00:01:00Z'), actor: null, action: 'auth.logout' }),
    ]);
    const chain = await AuditChain.open(raw, KEY, new ManualClock());
    await chain.wrap(raw).transaction([auditStatement({ at: new Date(), actor: null, action: 'shift.start' })]);
    const verify = () => verifyAuditChain((after, limit) => raw.query(AUDIT_PAGE_SQL, [after, limit]), KEY);
    expect(await verify()).toMatchObject({ ok: true, entries: 4, head: { seq: 4 } });
    raw.db.run('DROP TRIGGER audit_no_update');
    raw.db.run("UPDATE audit SET action = 'auth.nothing' WHERE seq = 1");
    expect((await verify()).broken).toMatchObject({ seq: 3, reason: 'legacy-digest' });
  });

  it('does not advance the head when the transaction fails, and serializes concurrent writers', async () => {
    const { store, chain, verify } = await chainWith(2);
    const before = chain.chainHead();
    await expect(
      store.transaction([
        auditStatement({ at: new Date(), actor: null, action: 'x' }),
        { sql: 'INSERT INTO nowhere VALUES (1)' },
      ]),
    ).rejects.toThrow();
    expect(chain.chainHead()).toEqual(before);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.transaction([auditStatement({ at: new Date(), actor: null, action: `parallel.${i}` })]),
      ),
    );
    expect(await verify()).toMatchObject({ ok: true, entries: 28 });
  });

  it('canonical JSON sorts keys and refuses what cannot be hashed', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n/);
  });

  it('creates the installation key once, 0600, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-key-'));
    const first = loadOrCreateAuditKey(dir);
    expect(first.created).toBe(true);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const second = loadOrCreateAuditKey(dir);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });
});
