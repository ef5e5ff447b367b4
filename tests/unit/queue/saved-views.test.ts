import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFICER, setup, SUPERVISOR, type Fixture } from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup();
});
afterEach(async () => f.close());

describe('saved views', () => {
  it('are kept per user and can be renamed, updated and deleted', async () => {
    const views = f.queue.views;
    const mine = await views.save(OFFICER.id, {
      name: 'Red perishables',
      filter: { lanes: ['red'], perishable: true },
      sort: { by: 'priority', dir: 'asc' },
    });
    await views.save(SUPERVISOR.id, { name: 'Red perishables', filter: { lanes: ['red'] }, sort: { by: 'score', dir: 'desc' } });
    expect((await views.list(OFFICER.id)).map((v) => [v.name, v.filter])).toEqual([
      ['Red perishables', { lanes: ['red'], perishable: true }],
    ]);
    expect((await views.list(SUPERVISOR.id)).map((v) => v.sort)).toEqual([{ by: 'score', dir: 'desc' }]);

    await expect(
      views.save(OFFICER.id, { name: 'Red perishables', filter: {}, sort: { by: 'number', dir: 'asc' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await views.save(OFFICER.id, { id: mine.id, name: 'Reds', filter: { lanes: ['red'] }, sort: { by: 'number', dir: 'asc' } });
    expect((await views.list(OFFICER.id)).map((v) => [v.id, v.name])).toEqual([[mine.id, 'Reds']]);

    await expect(views.remove(SUPERVISOR.id, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await views.remove(OFFICER.id, mine.id);
    expect(await views.list(OFFICER.id)).toEqual([]);
    expect(await views.list(SUPERVISOR.id)).toHaveLength(1);
  });
});
