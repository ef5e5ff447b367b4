import { describe, expect, it } from 'vitest';
import { importFile } from '../../../main/services/declarations/import';
import { decodeXmlText, readWcoXml } from '../../../main/services/declarations/wco/read-wco-xml';
import { fixture } from './fixtures';

describe('WCO DM declaration XML import', () => {
  it('maps a DEC-DMS style declaration', async () => {
    const r = await importFile(fixture('wco-good.xml'));
    expect(r.format).toBe('wco-xml');
    expect(r.rejects).toEqual([]);
    const d = r.declarations[0]!;
    expect(d.functionalReferenceId).toBe('DEC2026X0001');
    expect(d.lodgementTime).toBe('2026-11-25T01:30:00.000Z'); // 304 with +0800
    expect(d.declarant).toEqual({ id: 'CN4403960001', name: 'Qianhai Customs Brokerage & Co.' });
    expect(d.importer!.name).toBe('深圳海鲜进口有限公司');
    expect(d.containers).toEqual([{ id: 'MSKU6011672', seal: 'SEAL001' }]);
    expect(d.transport).toMatchObject({ mode: 'sea', meansId: '9778791', routeCountries: ['SG'] });
    expect(d.goodsItems[1]!.grossMassKg).toBe(1500); // TNE converted
    expect(d.goodsItems[0]!.containerIds).toEqual(['MSKU6011672']);
    expect(d.flags).toEqual({ perishable: true, expedited: false, aeo: true });
    expect(d.totals.customsValue).toEqual([{ currency: 'USD', amount: 56100.5 }]);
  });

  it('names the element path of a bad value', async () => {
    const r = await importFile(fixture('wco-bad-hs.xml'));
    expect(r.declarations).toEqual([]);
    expect(r.rejects[0]!.path).toBe('/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Classification/ID');
    expect(r.rejects[0]!.reason).toMatch(/HS code/);
  });

  it.each(['wco-billion-laughs.xml', 'wco-external-entity.xml'])('refuses %s without expanding anything', async (name) => {
    const started = Date.now();
    const r = await importFile(fixture(name));
    expect(r.declarations).toEqual([]);
    expect(r.rejects[0]!.reason).toMatch(/DTDs and entity declarations are not accepted/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('leaves undeclared entity references inert', () => {
    expect(decodeXmlText('a &amp;lt; b &#x4E2D; &xxe;')).toBe('a &lt; b 中 &xxe;');
  });

  it('reports malformed XML and a missing Declaration', () => {
    expect(() => readWcoXml('<Declaration><ID>1</Declaration>')).toThrow(/not well-formed/);
    expect(() => readWcoXml('<Other/>')).toThrow(/no <Declaration>/);
  });

  it('imports each Declaration of a wrapper on its own', async () => {
    const one = (await import('node:fs')).readFileSync(fixture('wco-good.xml'), 'utf8').replace(/<\?xml[^>]*>/, '');
    const bad = one.replace('<ID>CNSZX001</ID>', '<ID>cn szx</ID>').replace('DEC2026X0001', 'DEC2026X0002');
    const xml = `<Declarations>${one}${bad}</Declarations>`;
    const r = await importFile({ name: 'batch.xml', bytes: new TextEncoder().encode(xml) });
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(['DEC2026X0001']);
    expect(r.rejects[0]).toMatchObject({
      messageRef: 'DEC2026X0002',
      messageIndex: 1,
      path: '/Declarations/Declaration[2]/DeclarationOffice/ID',
    });
  });
});
