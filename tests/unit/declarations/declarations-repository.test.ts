import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { DeclarationsRepository } from '../../../main/services/declarations/declarations-repository';
import { generateDeclarations } from '../../../main/services/declarations/demo-generator';
import { importFile } from '../../../main/services/declarations/import';
import { migrations } from '../../../main/services/migrations';
import type { Store } from '../../../main/services/store/types';
import { fixture } from './fixtures';
import { openMemoryStore } from '../services/memory-store';

describe('declarations repository', () => {
  let store: Store;
  let repo: DeclarationsRepository;
  const clock = new ManualClock('2026-11-25T12:00:00.000Z');

  beforeEach(async () => {
    // The whole schema: other areas add declaration columns the repository writes (the gate's plate key).
    store = await openMemoryStore(migrations);
    repo = new DeclarationsRepository({ store, clock });
  });
  afterEach(() => store.close());

  it('stores an imported interchange one transaction per message, rejects in their table', async () => {
    const r = await importFile(fixture('bad-unt-count.edi'), {
      onMessage: async (o) => {
        if (o.kind === 'declaration') await repo.save(o.declaration, { file: 'bad-unt-count.edi', format: 'cusdec' });
        else await repo.saveReject(o.reject);
      },
    });
    expect(r.declarations).toHaveLength(2);
    const list = await repo.list();
    expect(list.map((s) => s.number).sort()).toEqual(['DEC-A1', 'DEC-A3']);
    const rejects = await repo.listRejects();
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      messageRef: 'A2',
      segmentNumber: 17,
      segmentTag: 'UNT',
      rejectedAt: '2026-11-25T12:00:00.000Z',
    });
  });

  it('reads back exactly what it stored, items and containers in their tables', async () => {
    const [d] = generateDeclarations({ count: 1, seed: 3, now: clock.now() });
    await repo.save(d!, { file: 'demo', format: 'cusdec' });
    expect(await repo.get(d!.functionalReferenceId)).toEqual(d);
    const items = await store.query('SELECT COUNT(*) AS n FROM declaration_items WHERE declaration_number = ?', [
      d!.functionalReferenceId,
    ]);
    expect(items[0]!.n).toBe(d!.goodsItems.length);
    const containers = await store.query('SELECT COUNT(*) AS n FROM declaration_containers');
    expect(containers[0]!.n).toBe(d!.containers.length);
    expect(await repo.get('nope')).toBeNull();
  });

  it('replaces an amended declaration instead of duplicating its items', async () => {
    const [d] = generateDeclarations({ count: 1, seed: 11, now: clock.now() });
    await repo.save(d!, { file: 'a', format: 'json' });
    const amended = { ...d!, goodsItems: d!.goodsItems.slice(0, 1), totals: { ...d!.totals, goodsItemCount: 1 } };
    await repo.save(amended, { file: 'b', format: 'json' });
    const items = await store.query('SELECT COUNT(*) AS n FROM declaration_items');
    expect(items[0]!.n).toBe(1);
    expect((await repo.list())[0]!.itemCount).toBe(1);
  });

  it('keeps nothing of a message whose transaction fails half-way', async () => {
    const [d] = generateDeclarations({ count: 1, seed: 12, now: clock.now() });
    const statements = repo.saveStatements(d!, { file: 'x', format: 'json' });
    statements.push({ sql: 'INSERT INTO no_such_table VALUES (1)' });
    await expect(store.transaction(statements)).rejects.toThrow();
    expect(await repo.list()).toEqual([]);
    expect((await store.query('SELECT COUNT(*) AS n FROM declaration_items'))[0]!.n).toBe(0);
  });
});
