import { describe, expect, it } from 'vitest';
import { importFile } from '../../../main/services/declarations/import';
import { fixture } from './fixtures';

describe('JSON import', () => {
  it('imports an array in the model schema and derives totals', async () => {
    const r = await importFile(fixture('good.json'));
    expect(r.format).toBe('json');
    expect(r.rejects).toEqual([]);
    expect(r.declarations).toHaveLength(2);
    const d = r.declarations[0]!;
    expect(d.totals.goodsItemCount).toBe(d.goodsItems.length);
  });

  it('rejects the bad entry with its path and keeps the good one', async () => {
    const r = await importFile(fixture('bad.json'));
    expect(r.declarations).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ messageIndex: 1, path: '[1].goodsItems[0].originCountry' });
    expect(r.rejects[0]!.reason).toMatch(/ISO 3166/);
  });

  it('accepts a single object and ignores totals given in the input', async () => {
    const [first] = JSON.parse((await import('node:fs')).readFileSync(fixture('good.json'), 'utf8'));
    first.totals = { goodsItemCount: 999, grossMassKg: 1, customsValue: [] };
    const r = await importFile({ name: 'one.json', bytes: new TextEncoder().encode(JSON.stringify(first)) });
    expect(r.declarations[0]!.totals.goodsItemCount).toBe(first.goodsItems.length);
  });

  it('requires the plate for road transport', async () => {
    const [first] = JSON.parse((await import('node:fs')).readFileSync(fixture('good.json'), 'utf8'));
    first.transport = { mode: 'road', routeCountries: [] };
    const r = await importFile({ name: 'road.json', bytes: new TextEncoder().encode(JSON.stringify(first)) });
    expect(r.rejects[0]!.path).toBe('transport.vehiclePlate');
  });

  it('rejects text that is not JSON', async () => {
    const r = await importFile({ name: 'x.json', bytes: new TextEncoder().encode('{"a": ') });
    expect(r.rejects[0]!.reason).toMatch(/not valid JSON/);
  });
});
