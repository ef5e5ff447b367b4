/**
 * Conformance: messages written from the standards (ISO 9735 syntax 3 and 4, CUSDEC
 * D96B/D01B/D16A, WCO DM DEC-DMS as national administrations publish it), not from
 * Clearway's own writer. Each is imported whole and at a small chunk size, and the
 * fields an officer relies on are checked, or the exact rejection.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Declaration, type Reject, traderLabel } from '../../../preload/contract/schemas/declarations';
import { importFile, type ImportResult } from '../../../main/services/declarations/import';
import { fixture } from './fixtures';

const conformance = (name: string) => fixture(`conformance/${name}`);

/** Imports at the default chunk size and at 7 bytes; both must agree. */
async function load(name: string): Promise<ImportResult> {
  const whole = await importFile(conformance(name));
  const chunked = await importFile(conformance(name), { chunkBytes: 7 });
  expect(chunked).toEqual(whole);
  return whole;
}

/** The CLI's summary fields of a declaration. */
function summary(d: Declaration) {
  return {
    number: d.functionalReferenceId,
    declarant: d.declarant.id,
    items: d.goodsItems.length,
    hsCodes: d.goodsItems.map((g) => g.hsCode),
    grossMassKg: d.totals.grossMassKg,
    value: d.totals.customsValue,
    containers: d.containers.map((c) => c.id),
    plate: d.transport.vehiclePlate ?? null,
  };
}

const where = (r: Reject) => ({
  messageRef: r.messageRef,
  messageIndex: r.messageIndex,
  segmentNumber: r.segmentNumber,
  segmentTag: r.segmentTag,
  path: r.path,
});

describe('CUSDEC conformance (ISO 9735 / UNTDID)', () => {
  it('syntax 4 with a repetition separator in UNA, D01B BGM composite, UNH association code, released "*"', async () => {
    const r = await load('01-syntax4-repetition-separator.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toEqual({
      number: 'NL26LRN000017',
      declarant: 'NL812345678',
      items: 1,
      hsCodes: ['48025590'],
      grossMassKg: 21450,
      value: [{ amount: 18210.44, currency: 'EUR' }],
      containers: ['TGHU1234567'],
      plate: null,
    });
    expect(d!.importer?.name).toBe('Papier * Karton B.V.');
    expect(d!.goodsItems[0]!.description).toBe('Uncoated paper in rolls* 80 g/m2');
    expect(d!.goodsItems[0]!.netMassKg).toBeUndefined(); // AAF is not a net mass qualifier
    expect(d!.declarant.country).toBe('NL');
    expect(d!.transport).toMatchObject({
      mode: 'sea',
      meansId: '9321483',
      borderTransportMeans: { name: 'ATLANTIC SKY', nationality: 'LR' },
    });
    expect(d!.containers[0]!.seal).toBe('NL778812');
  });

  it('UNG/UNE functional groups: UNZ counts the groups, not the messages', async () => {
    const r = await load('02-functional-groups.edi');
    expect(r.rejects).toEqual([]);
    expect(r.declarations.map(summary)).toEqual([
      {
        number: 'DECG1M1',
        declarant: 'SG201912345K',
        items: 1,
        hsCodes: ['850440'],
        grossMassKg: 120,
        value: [{ amount: 5400, currency: 'SGD' }],
        containers: [],
        plate: null,
      },
      {
        number: 'DECG1M2',
        declarant: 'SG201912345K',
        items: 1,
        hsCodes: ['300490'],
        grossMassKg: 35,
        value: [{ amount: 12000, currency: 'USD' }],
        containers: [],
        plate: null,
      },
      {
        number: 'DECG2M1',
        declarant: 'SG201912345K',
        items: 1,
        hsCodes: ['271019'],
        grossMassKg: 18500,
        value: [{ amount: 31000, currency: 'USD' }],
        containers: [],
        plate: null,
      },
    ]);
    expect(r.declarations.map((d) => [d.typeCode, d.transport.mode, d.lodgementTime])).toEqual([
      ['IM', 'air', '2026-11-25T10:15:00.000Z'],
      ['IM', 'air', '2026-11-25T10:16:00.000Z'],
      ['EX', 'sea', '2026-11-25T00:00:00.000Z'],
    ]);
  });

  it('a wrong UNZ group count is still reported as a group count', async () => {
    const text = (await import('node:fs'))
      .readFileSync(conformance('02-functional-groups.edi'), 'utf8')
      .replace("UNZ+2+ICG0042'", "UNZ+3+ICG0042'");
    const r = await importFile({ name: 'groups.edi', bytes: new TextEncoder().encode(text) });
    expect(r.declarations).toHaveLength(3);
    expect(r.rejects.map((x) => [x.segmentTag, x.reason])).toEqual([
      ['UNZ', 'UNZ says 3 functional groups but the interchange has 2'],
    ]);
  });

  it('UNA with a decimal comma and CR/LF between segments', async () => {
    const r = await load('03-decimal-comma-crlf.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toMatchObject({
      number: 'DE26IM0000001',
      declarant: 'DE123456789012345',
      hsCodes: ['0901210000'],
      grossMassKg: 1250.75,
      value: [{ amount: 8734.5, currency: 'EUR' }],
    });
    expect(d!.goodsItems[0]).toMatchObject({ netMassKg: 1200.5, description: 'Kaffee, geröstet' });
    expect(d!.lodgementTime).toBe('2026-11-25T00:00:00.000Z');
  });

  it('the release character before every service character, itself included; empty trailing components; no line breaks', async () => {
    const r = await load('04-release-everything.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toMatchObject({
      number: 'INV+2026:001',
      declarant: 'CN310000123',
      hsCodes: ['940360'],
      grossMassKg: 600,
      value: [{ amount: 4100, currency: 'USD' }],
      containers: ['CMAU1234564'],
    });
    expect(d!.declarant.name).toBe("O'Neil + Co: ? Ltd");
    expect(d!.exporter?.name).toBe("Ōsaka's Best Trading Dept 4");
    expect(d!.goodsItems[0]!.description).toBe('Desks ? chairs + tables');
    expect(d!.transport.borderTransportMeans).toEqual({ name: "SHIP'S NAME" });
    expect(d!.goodsItems[0]!.containerIds).toEqual(['CMAU1234564']);
  });

  it('repeated sibling groups: several NAD, EQD+SEL, TDT; 12 goods items with TAX-MOA, item NAD/DOC, MOA 38/40, TNE and GRM', async () => {
    const r = await load('05-repeated-groups-many-items.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    const s = summary(d!);
    expect(s.items).toBe(12);
    expect(s.hsCodes.slice(0, 3)).toEqual(['8539500000', '853950', '940540']);
    // 100i + 0.5 kg for 10 items, 2.5 t for item 5, 750,000 g for item 6
    expect(s.grossMassKg).toBe(9955);
    // MOA+40 wins over MOA+38 in either order; MOA+38 alone is the fallback; TAX-group MOA+55 never counts
    expect(d!.goodsItems.map((g) => g.customsValue.amount)).toEqual([
      1000, 2000, 3000, 4000, 5000, 6000, 700, 800, 9000, 10000, 11000, 12000,
    ]);
    expect(s.value).toEqual([{ amount: 64500, currency: 'USD' }]);
    expect(d!.goodsItems[4]).toMatchObject({ grossMassKg: 2500, netMassKg: 2250 });
    expect(d!.goodsItems[5]!.grossMassKg).toBe(750);
    expect(d!.containers).toEqual([
      { id: 'CMAU1234564', seal: 'SL0001 SL0002' },
      { id: 'TCLU1234568', seal: 'SL0003' },
      { id: 'GESU1234564' },
    ]);
    expect(d!.exporter).toEqual({ id: 'CN91310000MA2', name: 'Yangtze Industrial Ltd', country: 'CN' });
    expect(d!.importer?.id).toBe('AE100999888777003');
    expect(d!.declarant).toEqual({ id: 'AE100200300400005', name: 'Jebel Ali Clearing LLC', country: 'AE' });
    expect(d!.transport).toMatchObject({ mode: 'sea', meansId: '9454436', routeCountries: ['LK', 'OM'] });
    expect(d!.flags.expedited).toBe(true);
    expect(d!.arrivalTime).toBe('2026-11-28T06:00:00.000Z');
  });

  it('a byte order mark, UNOW (UTF-8) text and road transport with the plate', async () => {
    const r = await load('06-bom-unow-road.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toEqual({
      number: 'CNHKG2611250001',
      declarant: 'CN4403960099',
      items: 1,
      hsCodes: ['8471300000'],
      grossMassKg: 980,
      value: [{ amount: 420000, currency: 'HKD' }],
      containers: [],
      plate: '粤Z·A1234港',
    });
    expect(d!.declarant.name).toBe('皇岗报关行有限公司');
    expect(d!.transport.borderTransportMeans).toEqual({ name: '跨境货车', nationality: 'CN' });
  });

  it('ISO 8859-1 bytes under UNOC', async () => {
    const r = await load('07-latin1-unoc.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toMatchObject({
      number: 'AT26IM0000777',
      declarant: 'ATEOS1000012345',
      grossMassKg: 1500,
      value: [{ amount: 24500, currency: 'CHF' }],
      plate: 'W-12345Ä',
    });
    expect(d!.declarant.name).toBe('Müller & Söhne Spedition GmbH');
    expect(d!.goodsItems[0]!.description).toBe('Käse, Gruyère AOP, gereift');
  });

  it('a wrong UNZ message count: the messages import and the interchange gets one reject', async () => {
    const r = await load('08-unz-count-wrong.edi');
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(['BD26UZ1', 'BD26UZ2']);
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({
      file: '08-unz-count-wrong.edi',
      format: 'cusdec',
      messageRef: null,
      segmentTag: 'UNZ',
      reason: 'UNZ says 3 messages but the interchange has 2',
    });
  });

  it('bad messages in the middle are rejected with file, message, segment and reason; the others import', async () => {
    const r = await load('09-bad-messages-in-the-middle.edi');
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(['BD26OK1', 'BD26OK5']);
    expect(r.rejects.every((x) => x.file === '09-bad-messages-in-the-middle.edi')).toBe(true);
    expect(r.rejects.map(where)).toEqual([
      { messageRef: 'B2', messageIndex: 1, segmentNumber: 8, segmentTag: 'CST', path: null },
      { messageRef: 'B3', messageIndex: 2, segmentNumber: 7, segmentTag: 'EQD', path: null },
      { messageRef: 'B4', messageIndex: 3, segmentNumber: 14, segmentTag: 'UNT', path: null },
    ]);
    expect(r.rejects.map((x) => x.reason)).toEqual([
      'goodsItems.0.hsCode: must be an HS code of 6 to 10 digits',
      'containers.0.id: must be an ISO 6346 container number with a valid check digit',
      'UNT says 99 segments but the message has 14 (UNH to UNT)',
    ]);
  });

  it('D16A, syntax 4 UNH with common access reference and status of transfer, optional groups omitted', async () => {
    const r = await load('10-d16a-no-linebreaks.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toEqual({
      number: 'KE26MSA000010',
      declarant: 'P051234567X',
      items: 1,
      hsCodes: ['100630'],
      grossMassKg: 25000,
      value: [{ amount: 13750, currency: 'USD' }],
      containers: [],
      plate: null,
    });
    expect(d!.transport).toEqual({ mode: 'sea', routeCountries: [] });
    expect(d!.exporter).toBeUndefined();
    expect(d!.arrivalTime).toBeUndefined();
  });

  it('Rec. 19 code 8 is inland waterway; code 9 (not applicable) is refused naming TDT and the codes taken', async () => {
    const r = await load('11-mode-inland-waterway.edi');
    expect(r.rejects).toEqual([]);
    expect(r.declarations[0]!.transport).toMatchObject({
      mode: 'inland-water',
      meansId: '02326598',
      borderTransportMeans: { name: 'AMADEUS II', nationality: 'NL' },
    });
    const text = readFileSync(conformance('11-mode-inland-waterway.edi'), 'utf8').replace('TDT+11++8+', 'TDT+11++9+');
    const bad = await importFile({ name: 'mode-9.edi', bytes: new TextEncoder().encode(text) });
    expect(bad.declarations).toEqual([]);
    expect(bad.rejects.map(where)).toEqual([
      { messageRef: 'W1', messageIndex: 0, segmentNumber: 6, segmentTag: 'TDT', path: null },
    ]);
    expect(bad.rejects[0]!.reason).toBe(
      'TDT transport mode (8067) "9" is not one of 1 sea, 2 rail, 3 road, 4 air, 5 mail, 6 multimodal, 7 fixed-installation, 8 inland-water',
    );
  });

  it('the TDT at border (8051 = 11) is the crossing means even after the main-carriage TDT', async () => {
    const r = await load('12-transport-stage-at-border.edi');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toMatchObject({
      number: 'GE26SRP0012',
      containers: ['MSCU1234566'],
      plate: '34ABC123',
      grossMassKg: 21000,
    });
    expect(d!.transport).toEqual({
      mode: 'road',
      vehiclePlate: '34ABC123',
      borderTransportMeans: { name: 'TIR TRUCK', nationality: 'TR' },
      routeCountries: [],
    });
  });
});

describe('WCO DM DEC-DMS conformance', () => {
  it('UK CDS style: MetaData wrapper, AcceptanceDateTime with a ±hh zone, TSP+TRC, statistical value and item price', async () => {
    const r = await load('20-uk-cds-metadata.xml');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toEqual({
      number: 'GB26LRN7731A',
      declarant: 'GB201909014000',
      items: 2,
      hsCodes: ['76071111', '76072010'],
      grossMassKg: 1420.5,
      value: [{ amount: 1664.95, currency: 'GBP' }],
      containers: ['HLXU1234561'],
      plate: null,
    });
    expect(d!.lodgementTime).toBe('2026-11-25T09:15:00.000Z');
    expect(d!.office).toBe('GBDVR001');
    expect(d!.typeCode).toBe('IMZ');
    expect(d!.flags.aeo).toBe(true);
    expect(d!.goodsItems[1]!.customsValue).toEqual({ amount: 800, currency: 'GBP' });
    expect(d!.goodsItems[0]).toMatchObject({ netMassKg: 950, packages: 55, originCountry: 'FR' });
  });

  it('parties given by their EORI alone (no Name) import; a party with neither is refused naming the element', async () => {
    const xml = readFileSync(conformance('20-uk-cds-metadata.xml'), 'utf8');
    const byNumber = xml.replace('<Name>Dover Customs Agents Ltd</Name>', '').replace('<Name>Kent Packaging Ltd</Name>', '');
    const [d] = (await importFile({ name: 'cds.xml', bytes: new TextEncoder().encode(byNumber) })).declarations;
    expect(d!.declarant).toEqual({ id: 'GB201909014000', country: 'GB' });
    expect(d!.importer).toEqual({ id: 'GB553202734852' });
    expect(traderLabel(d!.declarant)).toBe('GB201909014000');
    const nobody = byNumber.replace('<ID>GB553202734852</ID>', '');
    const refused = await importFile({ name: 'cds.xml', bytes: new TextEncoder().encode(nobody) });
    expect(refused.declarations).toEqual([]);
    expect(refused.rejects[0]!.reason).toBe(
      '/MetaData/Declaration/GoodsShipment/Importer: importer.name: a party needs its identification or its name',
    );

    const edi = readFileSync(conformance('01-syntax4-repetition-separator.edi'), 'utf8').replace(
      'NAD+DT+NL812345678::ZZZ++Rotterdam Brokers B.V.+Weena 505+Rotterdam++3013AL+NL',
      'NAD+DT+NL812345678::ZZZ+++++++NL',
    );
    const [e] = (await importFile({ name: 'nad.edi', bytes: new TextEncoder().encode(edi) })).declarations;
    expect(e!.declarant).toEqual({ id: 'NL812345678', country: 'NL' });
  });

  it('an item with a preferential origin (TypeCode 2) before its non-preferential one (TypeCode 1) takes the latter', async () => {
    const xml = readFileSync(conformance('20-uk-cds-metadata.xml'), 'utf8');
    const both = xml.replace(
      '<Origin><CountryCode>FR</CountryCode><TypeCode>1</TypeCode></Origin>',
      '<Origin><CountryCode>CH</CountryCode><TypeCode>2</TypeCode></Origin><Origin><CountryCode>DE</CountryCode><TypeCode>1</TypeCode></Origin>',
    );
    const onlyPreferential = xml.replace(
      '<Origin><CountryCode>FR</CountryCode><TypeCode>1</TypeCode></Origin>',
      '<Origin><CountryCode>CH</CountryCode><TypeCode>2</TypeCode></Origin>',
    );
    const origin = async (text: string) =>
      (await importFile({ name: 'cds.xml', bytes: new TextEncoder().encode(text) })).declarations[0]!.goodsItems[0]!
        .originCountry;
    expect(await origin(both)).toBe('DE');
    expect(await origin(onlyPreferential)).toBe('CH');
  });

  it('ns2: prefixes, comments, a processing instruction, CDATA kept literal, languageID, other element order, grams', async () => {
    const r = await load('21-prefixed-ns-comments-cdata.xml');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toEqual({
      number: 'TH26BKK004411',
      declarant: '0105551234567',
      items: 2,
      hsCodes: ['870899', '870830'],
      grossMassKg: 575.25,
      value: [{ amount: 1550000, currency: 'JPY' }],
      containers: ['OOLU1234567'],
      plate: null,
    });
    expect(d!.goodsItems.map((g) => g.sequence)).toEqual([2, 1]);
    expect(d!.goodsItems[0]).toMatchObject({ grossMassKg: 500, netMassKg: 480, description: 'ชิ้นส่วนยานยนต์ & อุปกรณ์' });
    // CDATA content is literal: "&amp;" in it is five characters, not an ampersand
    expect(d!.goodsItems[1]!.description).toBe('Brake pads & shims, "R90" <ECE> &amp; spare clips');
    expect(d!.declarant.name).toBe('Siam Clearing & Forwarding Co., Ltd. <Bangkok>');
    expect(d!.lodgementTime).toBe('2026-11-25T09:15:00.000Z');
    expect(d!).toMatchObject({ loadingLocation: 'JPYOK', unloadingLocation: 'THLCH' });
  });

  it('a declaration inside MetaData inside a submission request wrapper; road transport carries the plate', async () => {
    const r = await load('22-submit-request-wrapper.xml');
    expect(r.rejects).toEqual([]);
    const [d] = r.declarations;
    expect(summary(d!)).toEqual({
      number: 'GB26LRN0022',
      declarant: 'GB553202734852',
      items: 1,
      hsCodes: ['4819100000'],
      grossMassKg: 1200,
      value: [{ amount: 2200, currency: 'EUR' }],
      containers: [],
      plate: 'GB12ABC',
    });
    expect(d!.office).toBe('GBDVR001');
  });

  it('a DOCTYPE, even without entities, is refused before parsing', async () => {
    const r = await load('23-doctype-without-entities.xml');
    expect(r.declarations).toEqual([]);
    expect(r.rejects).toEqual([
      {
        file: '23-doctype-without-entities.xml',
        format: 'wco-xml',
        messageRef: null,
        messageIndex: null,
        segmentNumber: null,
        segmentTag: null,
        path: '/',
        reason: '/: DTDs and entity declarations are not accepted in declaration XML',
      },
    ]);
  });

  it('a mass in a unit that is not a mass unit is refused, not read as kilograms', async () => {
    const r = await load('24-bad-mass-unit.xml');
    expect(r.declarations).toEqual([]);
    const path = '/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[1]/Commodity/GoodsMeasure/GrossMassMeasure';
    expect(r.rejects.map((x) => [x.messageRef, x.path, x.reason])).toEqual([
      ['MY26PKG0024', path, `${path}: unitCode "LTR" is not a mass unit (KGM, TNE, GRM)`],
    ]);
  });
});
