import { describe, expect, it } from 'vitest';
import { auditStatement, listAudit } from '../../../main/services/audit/audit-log';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from '../services/memory-store';

describe('audit log', () => {
  it('commits with the change it records, or not at all', async () => {
    const store = await openMemoryStore(migrations);
    const at = new Date('2026-03-02T08:00:00.000Z');
    const user = (id: string, username: string) => ({
      sql: "INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, 'X', 'officer', 'h', ?, ?)",
      params: [id, username, at.toISOString(), at.toISOString()],
    });
    await store.transaction([user('a', 'officer.a'), auditStatement({ at, actor: null, action: 'user.create', subject: 'a' })]);
    // The second insert breaks the username rule: the audit entry must roll back with it.
    await expect(
      store.transaction([auditStatement({ at, actor: null, action: 'user.create', subject: 'b' }), user('b', 'officer.a')]),
    ).rejects.toThrow();
    const entries = await listAudit(store, { limit: 10 });
    expect(entries).toEqual([
      { seq: 1, at: at.toISOString(), actorId: null, actorName: null, action: 'user.create', subject: 'a', detail: {} },
    ]);
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    const store = await openMemoryStore(migrations);
    await store.transaction([
      auditStatement({ at: new Date(), actor: { id: 'u', name: 'U' }, action: 'auth.login', detail: { username: 'u' } }),
    ]);
    await expect(store.transaction([{ sql: "UPDATE audit SET action = 'x'" }])).rejects.toThrow(/append-only/);
    await expect(store.transaction([{ sql: 'DELETE FROM audit' }])).rejects.toThrow(/append-only/);
  });

  it('lists newest first, pages by seq and filters by action', async () => {
    const store = await openMemoryStore(migrations);
    const at = new Date('2026-03-02T08:00:00.000Z');
    await store.transaction(
      ['auth.login', 'shift.start', 'auth.logout', 'auth.login', 'shift.end'].map((action) =>
        auditStatement({ at, actor: null, action }),
      ),
    );
    expect((await listAudit(store, { limit: 2 })).map((e) => e.seq)).toEqual([5, 4]);
    expect((await listAudit(store, { limit: 10, beforeSeq: 4 })).map((e) => e.seq)).toEqual([3, 2, 1]);
    expect((await listAudit(store, { limit: 10, action: 'auth.login' })).map((e) => e.seq)).toEqual([4, 1]);
  });
});
