import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../main/services/declarations/import';
import { fixture } from './fixtures';

describe('CUSDEC import', () => {
  it('imports a valid interchange with UNA, release characters and repeated groups', async () => {
    const r = await importFile(fixture('valid-interchange.edi'));
    expect(r.format).toBe('cusdec');
    expect(r.rejects).toEqual([]);
    expect(r.declarations).toHaveLength(2);
    const [sea, road] = r.declarations;
    expect(sea!.declarant).toEqual({ id: 'CN4403960001', name: "O'Brien + Partners Customs Brokerage" });
    expect(sea!.importer!.name).toBe('Shenzhen: Fresh Fruit Import Co.');
    expect(sea!.documents).toContainEqual({ type: '380', reference: "INV+2026'001" });
    // Each goods-item group keeps its own values: nothing bleeds into the next CST.
    expect(sea!.goodsItems.map((g) => [g.sequence, g.hsCode, g.originCountry, g.grossMassKg, g.customsValue.amount])).toEqual([
      [1, '080610', 'CL', 12500.5, 25000],
      [2, '081010', 'PE', 8000, 18250.75],
      [3, '0806200000', 'CL', 1499.5, 4000],
    ]);
    expect(sea!.goodsItems[0]!.netMassKg).toBe(12000);
    expect(sea!.goodsItems[1]!.netMassKg).toBeUndefined();
    expect(sea!.goodsItems[0]!.packages).toBe(1300);
    expect(sea!.goodsItems[0]!.containerIds).toEqual(['CSQU3054383']);
    // The seal belongs to the EQD it follows, not to the last one.
    expect(sea!.containers).toEqual([{ id: 'CSQU3054383', seal: 'SL778812' }, { id: 'MSKU6011672' }]);
    expect(sea!.transport).toEqual({
      mode: 'sea',
      meansId: '9387421',
      borderTransportMeans: { name: 'MSC ANNA', nationality: 'PA' },
      routeCountries: ['PE'],
    });
    expect(sea!.flags).toEqual({ perishable: true, expedited: false, aeo: true });
    expect(sea!.lodgementTime).toBe('2026-11-25T09:30:00.000Z');
    expect(sea!.totals).toEqual({ goodsItemCount: 3, grossMassKg: 22000, customsValue: [{ currency: 'USD', amount: 47250.75 }] });

    expect(road!.transport.mode).toBe('road');
    expect(road!.transport.vehiclePlate).toBe('粤B·12345');
    expect(road!.goodsItems[0]!.description).toBe('Network switches, 48 port; 网络交换机');
    expect(road!.exporter).toEqual({ id: 'HK55512345', name: 'Kowloon Electronics Ltd' });
    expect(road!.importer!.id).toBe('CN91440300XY7');
  });

  it('reads a UNA with other service characters and a comma decimal mark', async () => {
    const r = await importFile(fixture('other-separators.edi'));
    expect(r.rejects).toEqual([]);
    const item = r.declarations[0]!.goodsItems[0]!;
    expect(item.description).toBe('Laptops ^ tablets~ 50|50 ! boxed');
    expect(item.grossMassKg).toBe(120.5);
  });

  it('rejects only the message whose UNT count is wrong; the others import', async () => {
    const r = await importFile(fixture('bad-unt-count.edi'));
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(['DEC-A1', 'DEC-A3']);
    expect(r.rejects).toEqual([
      {
        file: 'bad-unt-count.edi',
        format: 'cusdec',
        messageRef: 'A2',
        messageIndex: 1,
        segmentNumber: 17,
        segmentTag: 'UNT',
        path: null,
        reason: 'UNT says 18 segments but the message has 17 (UNH to UNT)',
      },
    ]);
  });

  it('imports complete messages of a truncated interchange and reports the missing UNZ', async () => {
    const r = await importFile(fixture('missing-unz.edi'));
    expect(r.declarations).toHaveLength(1);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ messageRef: null, segmentTag: 'UNZ' });
    expect(r.rejects[0]!.reason).toMatch(/no UNZ/);
  });

  it('rejects a container with a bad check digit, naming the EQD segment', async () => {
    const r = await importFile(fixture('bad-check-digit.edi'));
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(['DEC-C2']);
    expect(r.rejects[0]).toMatchObject({ messageRef: 'C1', messageIndex: 0, segmentNumber: 7, segmentTag: 'EQD' });
    expect(r.rejects[0]!.reason).toMatch(/check digit/);
  });

  it('decodes a Latin-1 (UNOC) file that is not UTF-8', async () => {
    const r = await importFile(fixture('latin1-unoc.edi'));
    expect(r.rejects).toEqual([]);
    expect(r.declarations[0]!.declarant.name).toBe('Bodega Año Nuevo');
    expect(r.declarations[0]!.goodsItems[0]!.description).toBe('Vin rouge élevé en fût');
  });

  it('streams in small chunks with progress and gives the same result', async () => {
    const bytes = readFileSync(fixture('valid-interchange.edi'));
    const progress: number[] = [];
    const whole = await importFile({ name: 'x.edi', bytes });
    const streamed = await importFile(
      { name: 'x.edi', bytes },
      {
        chunkBytes: 7,
        onProgress: (read, total) => {
          expect(total).toBe(bytes.byteLength);
          progress.push(read);
        },
      },
    );
    expect(streamed).toEqual(whole);
    expect(progress.at(-1)).toBe(bytes.byteLength);
    expect(progress.length).toBeGreaterThan(bytes.byteLength / 7);
  });

  it('reports each envelope error class with message and segment', async () => {
    const cases: [string, RegExp][] = [
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:96B:UN'BGM+929+X+9'UNT+3+2'UNZ+1+R'", /does not match UNH/],
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:96B:UN'BGM+929+X+9'UNH+2+CUSDEC:D:96B:UN'UNT+2+2'UNZ+2+R'", /no trailer/],
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:96B:UN'BGM+929+X+9'UNT+3+1'UNZ+1+OTHER'", /control reference/],
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:96B:UN'BGM+929+X+9'UNT+3+1'UNZ+5+R'", /says 5 messages/],
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+INVOIC:D:96B:UN'BGM+380+X+9'UNT+3+1'UNZ+1+R'", /not CUSDEC/],
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:95B:UN'BGM+929+X+9'UNT+3+1'UNZ+1+R'", /D96B and later/],
      [
        "UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:96B:UN'BGM+929+X+9'UNS+D'FTX+AAA+++x'UNT+5+1'UNZ+1+R'",
        /before the first CST/,
      ],
      ["UNB+UNOC:3+A+B+261125:1000+R'UNH+1+CUSDEC:D:96B:UN'DTM+137:2026:203'UNT+3+1'UNZ+1+R'", /expected BGM/],
    ];
    for (const [text, reason] of cases) {
      const r = await importFile({ name: 'case.edi', bytes: new TextEncoder().encode(text) });
      expect(r.declarations).toEqual([]);
      expect(r.rejects.map((x) => x.reason).join(' | ')).toMatch(reason);
    }
  });

  it('names the segment of a bad value inside a goods item', async () => {
    const text = readFileSync(fixture('valid-interchange.edi'), 'utf8').replace('MEA+WT+AAB+KGM:8000', 'MEA+WT+AAB+KGM:8x00');
    const r = await importFile({ name: 'v.edi', bytes: new TextEncoder().encode(text) });
    expect(r.declarations).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ messageRef: 'M1', segmentNumber: 35, segmentTag: 'MEA' });
    expect(r.rejects[0]!.reason).toMatch(/not a number/);
  });

  it('rejects an unknown format and an empty file', async () => {
    expect((await importFile({ name: 'a.txt', bytes: new TextEncoder().encode('hello') })).rejects[0]!.reason).toMatch(
      /not a CUSDEC/,
    );
    expect((await importFile({ name: 'e.edi', bytes: new Uint8Array() })).rejects[0]!.reason).toMatch(/empty/);
  });
});
