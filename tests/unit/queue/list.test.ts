import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueListInput, type QueueListInput as ListInput } from '../../../preload/contract/schemas/queue';
import { listQueue, textPattern } from '../../../main/services/queue/queue-query';
import { addDeclarations, declaration, OFFICER, setup, type Fixture } from './fixtures';

let f: Fixture;
const list = (input: ListInput) => listQueue(f.store, QueueListInput.parse(input), OFFICER.id);
const numbers = async (input: ListInput) => (await list(input)).rows.map((r) => r.number);

beforeAll(async () => {
  f = await setup();
  await addDeclarations(f, [
    // Green (30 min from 07:30 arrival → 08:00), no flags.
    declaration('A-GREEN', { name: 'Alpha Trading' }),
    // Red, due 15:30.
    declaration('B-RED', { hs: '293941', name: 'Beta Chemicals', container: 'MSCU1234566' }),
    // Yellow perishable: due 09:30 — priority.
    declaration('C-FRUIT', { hs: '080510', perishable: true, name: 'Citrus Fresh', aeo: true }),
    // Green expedited arriving later: due 10:30 — priority.
    declaration('D-EXPRESS', { expedited: true, arrival: '2026-03-02T10:00:00.000Z', name: 'Delta Express', plate: '粤B·12345' }),
    // Blue (big trader), other office, 24 h from 07:30.
    declaration('E-AUDIT', { declarantId: 'CN9999', name: 'Echo Holdings', office: 'CNSHA001', hs: '640399' }),
  ]);
});
afterAll(async () => f.close());

describe('queue list', () => {
  it('puts perishable and expedited first, then the least SLA time left', async () => {
    expect(await numbers({})).toEqual(['C-FRUIT', 'D-EXPRESS', 'A-GREEN', 'B-RED', 'E-AUDIT']);
    expect(await numbers({ sort: { by: 'priority', dir: 'desc' } })).toEqual([
      'E-AUDIT',
      'B-RED',
      'A-GREEN',
      'D-EXPRESS',
      'C-FRUIT',
    ]);
  });

  it('sorts by a column, lanes by precedence', async () => {
    expect(await numbers({ sort: { by: 'lane', dir: 'desc' } })).toEqual(['B-RED', 'C-FRUIT', 'E-AUDIT', 'D-EXPRESS', 'A-GREEN']);
    expect(await numbers({ sort: { by: 'trader', dir: 'asc' } })).toEqual([
      'A-GREEN',
      'B-RED',
      'C-FRUIT',
      'D-EXPRESS',
      'E-AUDIT',
    ]);
    expect(await numbers({ sort: { by: 'score', dir: 'desc' } })).toEqual([
      'B-RED',
      'C-FRUIT',
      'E-AUDIT',
      'D-EXPRESS',
      'A-GREEN',
    ]);
  });

  it('filters by lane, flags, office, trader, HS prefix and free text', async () => {
    expect(await numbers({ filter: { lanes: ['green', 'blue'] } })).toEqual(['D-EXPRESS', 'A-GREEN', 'E-AUDIT']);
    expect(await numbers({ filter: { perishable: true } })).toEqual(['C-FRUIT']);
    expect(await numbers({ filter: { aeo: false, expedited: false } })).toEqual(['A-GREEN', 'B-RED', 'E-AUDIT']);
    expect(await numbers({ filter: { office: 'CNSHA001' } })).toEqual(['E-AUDIT']);
    expect(await numbers({ filter: { trader: 'CN9999' } })).toEqual(['E-AUDIT']);
    expect(await numbers({ filter: { trader: 'citrus' } })).toEqual(['C-FRUIT']);
    expect(await numbers({ filter: { hsPrefix: '2939' } })).toEqual(['B-RED']);
    expect(await numbers({ filter: { hsPrefix: '39' } })).toEqual([]);
    expect(await numbers({ filter: { text: 'mscu123' } })).toEqual(['B-RED']);
    expect(await numbers({ filter: { text: '粤b·12345' } })).toEqual(['D-EXPRESS']);
    expect(await numbers({ filter: { text: 'e-audit' } })).toEqual(['E-AUDIT']);
  });

  it('takes the typed text literally: *, ? and [ are not wildcards', async () => {
    expect(await numbers({ filter: { text: '*' } })).toEqual([]);
    expect(await numbers({ filter: { text: '?' } })).toEqual([]);
    expect(await numbers({ filter: { text: 'a?green' } })).toEqual([]);
    expect(await numbers({ filter: { text: 'a*green' } })).toEqual([]);
    expect(await numbers({ filter: { text: '[a-z]-green' } })).toEqual([]);
    expect(await numbers({ filter: { text: 'A-GREEN' } })).toEqual(['A-GREEN']);
    expect(textPattern('What? [x]*')).toBe('*what[?] [[]x][*]*');
  });

  it('pages with offset and limit and reports the filtered total', async () => {
    const page = await list({ offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.number)).toEqual(['D-EXPRESS', 'A-GREEN']);
    expect((await list({ filter: { lanes: ['red'] }, limit: 1 })).total).toBe(1);
  });

  it('keeps the list order and paging when text matches are collected from the search index', async () => {
    // '-' is in every number: the few matches take the sparse path (index scan, then sort).
    const page = await list({ filter: { text: '-' }, offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.number)).toEqual(['D-EXPRESS', 'A-GREEN']);
    expect(await numbers({ filter: { text: '-', lanes: ['green', 'blue'] }, sort: { by: 'trader', dir: 'desc' } })).toEqual([
      'E-AUDIT',
      'D-EXPRESS',
      'A-GREEN',
    ]);
    expect(await list({ filter: { text: '-' }, offset: 10 })).toEqual({ rows: [], total: 5 });
  });

  it('returns lean rows with everything the table shows', async () => {
    const [row] = (await list({ filter: { text: 'c-fruit' } })).rows;
    expect(row).toEqual({
      number: 'C-FRUIT',
      office: 'CNSZX001',
      arrivalTime: '2026-03-02T07:30:00.000Z',
      lodgementTime: '2026-03-02T07:00:00.000Z',
      traderId: 'CN1001',
      traderName: 'Citrus Fresh',
      aeo: true,
      perishable: true,
      expedited: false,
      lane: 'yellow',
      score: 30,
      slaDueAt: '2026-03-02T09:30:00.000Z',
      status: 'pending',
      assigneeId: null,
      assigneeName: null,
      releasedAt: null,
    });
  });

  it('filters by status and assignee', async () => {
    await f.queue.actions.assign(OFFICER, ['A-GREEN'], 'me');
    expect(await numbers({ filter: { assignee: 'me' } })).toEqual(['A-GREEN']);
    expect(await numbers({ filter: { assignee: 'unassigned' } })).toHaveLength(4);
    await f.queue.actions.decide(OFFICER, ['A-GREEN'], 'release', 'documents in order');
    expect(await numbers({ filter: { statuses: ['released'] } })).toEqual(['A-GREEN']);
    expect(await numbers({ filter: { statuses: ['pending'] } })).toHaveLength(4);
  });
});
