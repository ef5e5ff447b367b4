/**
 * Message implementation profiles: conformance messages written from each guide's
 * conventions (China single window CUSDEC, ASYCUDA-style CUSDEC, EU/UK CDS WCO DM,
 * UN CUSDEC read leniently), imported whole and in 7-byte chunks with identical
 * results, with the facts an officer relies on asserted per message; the strict
 * profile still refusing what it refused; removal of optional segments.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../main/services/declarations/import';
import { importWithProfiles, type ProfiledImportResult } from '../../../main/services/declarations/profiles/import-profiled';
import {
  checkProfile,
  mapCode,
  parseProfileFile,
  ProfileFileError,
} from '../../../main/services/declarations/profiles/profile-schema';
import { readWcoDateTime } from '../../../main/services/declarations/profiles/read-wco-profiled';
import { shippedProfiles } from '../../../main/services/declarations/profiles/registry';
import { fixture } from './fixtures';
import { facts } from './profile-facts';

const OFFICE = 'CNSZX001';
const RECEIVED = '2026-12-01T12:00:00.000Z';
const path = (name: string) => fixture(`profiles/${name}`);

async function load(name: string, extra: { profile?: string; source?: string } = {}): Promise<ProfiledImportResult> {
  const options = { office: OFFICE, receivedAt: RECEIVED, ...extra };
  const whole = await importWithProfiles(path(name), options);
  const chunked = await importWithProfiles(path(name), { ...options, chunkBytes: 7 });
  expect(chunked).toEqual(whole);
  return whole;
}

function all(r: ProfiledImportResult) {
  const read = r.reports.filter((x) => x.profile !== null);
  expect(read).toHaveLength(r.declarations.length);
  return r.declarations.map((d, i) => ({
    ...facts(d, read[i]!),
    profile: read[i]!.profile,
    warnings: read[i]!.warnings.map((w) => w.message),
  }));
}

describe('China single window CUSDEC', () => {
  it('reads import/export from BGM, the trade mode from CST, CNY from CUX, customs unit codes and the office on receipt', async () => {
    const r = await load('cn-single-window.edi');
    expect(r.rejects).toEqual([]);
    const [c1, c2, c3, c4, c5] = all(r);
    expect(r.reports.map((x) => x.reason)).toEqual([
      ...Array(4).fill('cn-single-window (interchange recipient CNCUSTOMS (UNB 0010))'),
      'cn-single-window (association code CNSW (UNH 0057))',
    ]);
    expect(c1).toMatchObject({
      number: '531620261000001234',
      type: 'IM',
      procedure: '0110',
      office: '5316',
      officeAssigned: false,
      declarant: ['914403001922038216', '深圳市华南报关有限公司'],
      exporter: [null, 'Pacific Components Inc.'],
      importer: ['91440300MA5F12345X', '深圳前海电子贸易有限公司'],
      consignee: ['91440300MA5F12345X', '深圳前海电子贸易有限公司'],
      transport: ['sea', '9811000', 'COSCO SHIPPING ARIES', null],
      places: ['USLAX', 'CNYTN'],
      containers: ['CSQU3054383', 'MSKU6011672'],
      items: [
        ['8471300000', '便携式自动数据处理设备 (笔记本电脑)', 'US', 1250.5, 1100, '350000 CNY'],
        ['8523521000', '固态非易失性存储器件', 'US', 400, 360.25, '98000.5 CNY'],
      ],
      totals: [2, 1650.5, '448000.5 CNY'],
      warnings: [],
    });
    expect(r.declarations[0]!.lodgementTime).toBe('2026-12-01T00:30:00.000Z'); // 304 with +08
    expect(r.declarations[0]!.containers[0]!.seal).toBe('CN2026001');
    // The raw message is kept as sent (UNH to UNT), whatever the chunking.
    const text = readFileSync(path('cn-single-window.edi'), 'utf8');
    expect(r.reports[4]!.raw).toBe(text.slice(text.indexOf('UNH+CN05'), text.indexOf('UNZ+1+XA')));
    expect(r.reports[3]!.raw).toContain("NAD+EX+91440300MA5G7TT11P::ZZZ++Shenzhen Bright?+Co?'s Electronics Ltd.+++++CN'\n");
    expect(c2).toMatchObject({
      type: 'EX',
      procedure: '0110',
      office: OFFICE,
      officeAssigned: true,
      exporter: ['91440300708461136T', '深圳市光明家具有限公司'],
      consignee: [null, 'Kowloon Home Ltd.'],
      transport: ['road', null, null, '粤Z·A1234港'],
      containers: [], // EQD+TE is a trailer, not a container
      items: [['9403609990', '木制家具 (餐桌)', 'CN', 3200, 2900, '15600 USD']],
      warnings: [`no customs office in the message: office ${OFFICE} assigned on receipt`],
    });
    expect(c3).toMatchObject({
      type: 'IM',
      procedure: '9610',
      office: '2244',
      transport: ['air', 'NH919', 'ALL NIPPON AIRWAYS', null],
      items: [['3304990099', 'HS 3304990099', 'JP', 1.85, null, '420 CNY']],
      warnings: ['no exporter (consignor)', 'goods item 1 has no goods description; shown as "HS 3304990099"'],
    });
    expect(c4).toMatchObject({
      type: 'EX',
      procedure: '0615',
      exporter: ['91440300MA5G7TT11P', "Shenzhen Bright+Co's Electronics Ltd."],
      transport: ['sea', '9839131', 'EVER GIVEN', null],
      places: ['CNYTN', 'DEHAM'],
      items: [
        ['8504401300', '开关电源适配器 12V', 'CN', 5200, 4800, '64000 USD'],
        ['8544422900', '电源线', 'CN', 800, null, '9000 USD'],
      ],
      totals: [2, 6000, '73000 USD'],
      warnings: [],
    });
    expect(c5).toMatchObject({
      type: 'IM',
      importer: ['91610131MA6U22BB3C', '西安汽配进口有限公司'],
      exporter: ['DE811907980', 'Duisburg Autoteile GmbH'],
      transport: ['rail', 'X8024', 'CHINA RAILWAY EXPRESS', null],
      containers: ['HLXU1234561'],
      items: [['8708299000', '汽车车身零件', 'DE', 18250, 17000, '210500.75 EUR']],
    });
  });

  it('the strict profile refuses the same messages with its own messages', async () => {
    const strict = await importFile(path('cn-single-window.edi'));
    expect(strict.declarations).toHaveLength(0);
    expect(strict.rejects.map((r) => r.reason)).toContain('MOA+40 has no currency (6345)');
    const named = await importWithProfiles(path('cn-single-window.edi'), { profile: 'strict', office: OFFICE });
    expect(named.rejects.map((r) => r.reason)).toEqual(strict.rejects.map((r) => r.reason));
  });
});

describe('ASYCUDA-style CUSDEC', () => {
  it('reads the model of declaration, the CPC per item and the consignee as importer', async () => {
    const r = await load('asycuda.edi');
    expect(r.rejects).toEqual([]);
    const d = all(r);
    expect(d.map((x) => [x.number, x.type, x.procedure, x.office, x.profile])).toEqual([
      ['2026KEMBA00012', 'IM', '4000000', 'KEMBA', 'asycuda-cusdec'],
      ['2026UGMAL00003', 'EX', '1000000', OFFICE, 'asycuda-cusdec'],
      ['2026NGLOS00077', 'IM', '7000000', 'NGLOS', 'asycuda-cusdec'],
      ['2026ZMLUN00410', 'IM', '4000000', OFFICE, 'asycuda-cusdec'],
      ['2026GHTEM01234', 'IM', '4000000', 'GHTEM', 'asycuda-cusdec'],
    ]);
    expect(d[0]).toMatchObject({
      declarant: ['P051234567X', 'Coast Clearing & Forwarding Ltd'],
      importer: ['P051987654Z', 'Nairobi Motors Ltd'],
      consignee: ['P051987654Z', 'Nairobi Motors Ltd'],
      exporter: [null, 'Gulf Auto Trading LLC'],
      transport: ['sea', '9454448', 'MSC JULIA', null],
      places: ['AEJEA', 'KEMBA'],
      containers: ['CSQU3054383'],
      items: [['87032390', 'Used motor vehicle, petrol, 1500-3000 cc', 'JP', 1450, 1300, '6800 USD']],
      warnings: [],
    });
    expect(d[1]).toMatchObject({
      transport: ['road', null, null, 'UBA 123X'],
      items: [['09011100', 'Coffee, not roasted, not decaffeinated', 'UG', 19200, 19000, '61000 USD']],
    });
    expect(d[2]).toMatchObject({ transport: ['air', 'KL587', 'KLM', null], totals: [2, 850, '162500 EUR'] });
    expect(d[3]).toMatchObject({
      transport: ['road', null, null, 'ND 456-789'],
      containers: [],
      warnings: [
        `no customs office in the message: office ${OFFICE} assigned on receipt`,
        'goods item 1 has no country of origin; shown as ZZ (unknown)',
      ],
    });
    expect(d[4]).toMatchObject({ containers: ['MSKU6011672'], totals: [2, 18000, '78500.5 USD'] });
  });
});

describe('UN CUSDEC read leniently (the cases the strict reader refuses)', () => {
  it('national procedure code in CST, BGM 929, CUX currency, no office; PIA, unqualified weight', async () => {
    const r = await load('un-cusdec.edi');
    expect(r.rejects).toEqual([]);
    const [d] = all(r);
    expect(d).toMatchObject({
      number: 'MY2026000123',
      type: 'IM',
      procedure: '4000',
      office: OFFICE,
      officeAssigned: true,
      profile: 'un-cusdec',
      transport: ['sea', '9302205', 'KOTA LAHAR', null],
      items: [['400122', 'Technically specified natural rubber', 'TH', 20160, null, '152000 MYR']],
    });
    expect(r.reports[0]!.reason).toMatch(/^un-cusdec \(chosen automatically: reads it with no error and 2 warnings/);
    // No UNA, syntax level A, D01B: commodity code in PIA, a weight without 6313, MOA+66, LOC+12, NAD+DE.
    expect(all(r)[1]).toMatchObject({
      number: 'TH2026EX00456',
      type: 'EX',
      procedure: 'EX1',
      office: 'TH0301',
      declarant: ['0105551234567', 'Laem Chabang Shipping Agency'],
      exporter: ['0105559876543', 'Siam Frozen Foods Co. Ltd.'],
      consignee: [null, 'Yokohama Seafood K.K.'],
      transport: ['sea', '9305506', 'ONE HUMBER', null],
      places: ['THLCH', 'JPYOK'],
      containers: ['CSQU3054383'],
      items: [['030617', 'Frozen shrimps and prawns, shell-on', 'TH', 24500, null, '182000 USD']],
      totals: [1, 24500, '182000 USD'],
      warnings: ['a weight without its property qualifier (6313) is taken as the gross mass'],
    });
    const strict = await importFile(path('un-cusdec.edi'));
    expect(strict.rejects[0]!.reason).toBe('MOA+40 has no currency (6345)');
  });
});

describe('UN CUSDEC by road with a trailer', () => {
  it('a trailer is not a container, its seal goes nowhere, header totals are cross-checked without a warning when they agree', async () => {
    const r = await load('un-cusdec-road-trailer.edi');
    expect(r.rejects).toEqual([]);
    const [d] = all(r);
    expect(d).toMatchObject({
      number: 'DEC2026-0001',
      type: 'IM',
      procedure: '1000',
      office: OFFICE,
      declarant: ['GB123456789000', 'Acme Customs Brokers'],
      exporter: ['NL123456789B01', 'Dutch Flowers B.V.'],
      importer: ['GB987654321000', 'Covent Garden Florists Ltd'],
      transport: ['road', null, 'DAF XF', 'NL-12-AB'],
      places: ['NLRTM', 'GBFXT'],
      containers: [],
      items: [
        ['06031100', 'Fresh cut roses', 'KE', 1500, 1400, '2600 EUR'],
        ['06031400', 'Fresh cut chrysanthemums', 'NL', 1000, null, '1500 EUR'],
      ],
      totals: [2, 2500, '4100 EUR'],
      warnings: [`no customs office in the message: office ${OFFICE} assigned on receipt`],
    });
    expect(r.reports[0]!.facts?.declaredTotals).toEqual({ value: [{ amount: 4100 }], grossMassKg: 2500, goodsItemCount: 2 });
    expect(r.reports[0]!.tried.find((t) => t.profile === 'strict-cusdec')?.error).toBe('SEL without a preceding EQD container');
  });

  it('declared totals that disagree with the items are a warning', async () => {
    const text = readFileSync(path('un-cusdec-road-trailer.edi'), 'utf8')
      .replace("MOA+40:4100'", "MOA+40:4200'")
      .replace("CNT+5:2'", "CNT+5:3'");
    const r = await importWithProfiles(
      { name: 't.edi', bytes: new TextEncoder().encode(text) },
      { office: OFFICE, receivedAt: RECEIVED },
    );
    expect(r.reports[0]!.warnings.map((w) => w.message)).toEqual([
      `no customs office in the message: office ${OFFICE} assigned on receipt`,
      'the message declares 3 goods items but lists 2',
      "the declared total value 4200 EUR differs from the items' 4100 EUR",
    ]);
  });
});

describe('EU / UK CDS WCO DM', () => {
  it('UK import: compact 304 date-times as element text, EORIs only, TARIC digits, procedure 4000, office on receipt', async () => {
    const r = await load('eu-uk-cds-1-import-compact-dates.xml');
    expect(r.rejects).toEqual([]);
    const [d] = all(r);
    expect(d).toMatchObject({
      number: 'GB26LRNFXT0001',
      type: 'IM',
      procedure: '4000',
      office: OFFICE,
      officeAssigned: true,
      declarant: ['GB553202734852', null],
      exporter: [null, 'Ningbo Kitchenware Co. & Partners'],
      importer: ['GB123456789000', null],
      consignee: ['GB123456789000', 'Felixstowe Homeware Ltd'],
      transport: ['sea', '9811000', 'COSCO SHIPPING ARIES', null],
      places: ['CNNGB', 'GBFXT'],
      containers: ['CSQU3054383'],
      items: [
        ['7323930000', 'Stainless steel cookware', 'CN', 1800, 1650, '21000 USD'],
        ['6912008510', 'Ceramic tableware', 'CN', 500, null, '4300.5 USD'],
      ],
      totals: [2, 2300, '25300.5 USD'],
      profile: 'eu-uk-cds',
    });
    expect(r.declarations[0]!.lodgementTime).toBe('2026-12-01T10:15:00.000Z');
    expect(r.reports[0]!.reason).toBe('eu-uk-cds (MetaData responsible country GB)');
    const strict = await importFile(path('eu-uk-cds-1-import-compact-dates.xml'));
    expect(strict.rejects[0]!.reason).toMatch(/not an ISO 8601 date\/time/);
  });

  it('UK export by road, NL import with an office, a bare DE declaration, two declarations in one MetaData', async () => {
    const [exp] = all(await load('eu-uk-cds-2-export-road.xml'));
    expect(exp).toMatchObject({
      type: 'EX',
      procedure: '1000',
      office: 'GBDVR001',
      transport: ['road', null, null, 'GB12ABC'],
      consignee: [null, 'Calais Distribution SARL'],
      places: ['GBDVR', null],
      items: [['22083030', 'Single malt Scotch whisky in bottles', 'GB', 9600, 7200, '58000 GBP']],
    });
    const [nl] = all(await load('eu-uk-cds-3-nl-import.xml'));
    expect(nl).toMatchObject({
      number: 'NL26LRN0000991',
      office: 'NL000396',
      officeAssigned: false,
      declarant: ['NL812345678', 'Rotterdam Brokers B.V.'],
      importer: ['NL999888777', 'Papier & Karton B.V.'],
      transport: ['sea', '9321483', 'ATLANTIC SKY', null],
      places: ['USNYC', 'NLRTM'],
      containers: ['TGHU1234567'],
      items: [['4802559000', 'Uncoated paper in rolls, 80 g/m2', 'US', 21450, 21000, '18210.44 EUR']],
      warnings: [],
    });
    const bare = await load('eu-uk-cds-4-bare-air.xml');
    expect(all(bare)[0]).toMatchObject({
      number: 'DE26FRA0007788',
      transport: ['air', 'LH8401', null, null],
      items: [['854470', 'Optical fibre cables', 'US', 310.5, null, '73400 EUR']],
      profile: 'eu-uk-cds',
    });
    expect(bare.reports[0]!.reason).toMatch(/^eu-uk-cds \(chosen automatically/);
    const twoResult = await load('eu-uk-cds-5-uk-two-declarations.xml');
    expect(twoResult.reports[1]!.raw).toMatch(
      /^<Declaration>\s*<FunctionalReferenceID>GB26LHR0000502<\/FunctionalReferenceID>[\s\S]*<\/Declaration>$/,
    );
    const two = all(twoResult);
    expect(two.map((x) => [x.number, x.items[0]![3], x.warnings.length])).toEqual([
      ['GB26LHR0000501', 42, 4], // office on receipt, no places of loading and discharge, no exporter
      ['GB26LHR0000502', 0.85, 5], // and no description
    ]);
  });
});

describe('choosing a profile', () => {
  it('a named profile reads alone; an unknown name is refused', async () => {
    const r = await importWithProfiles(path('asycuda.edi'), { profile: 'un-cusdec', office: OFFICE, receivedAt: RECEIVED });
    expect(r.reports.every((x) => x.reason === 'un-cusdec (named for this import)')).toBe(true);
    await expect(importWithProfiles(path('asycuda.edi'), { profile: 'nope' })).rejects.toThrow('no profile named nope');
  });

  it('when the profile the envelope names cannot read a message, the choice falls through to the automatic one', async () => {
    const text = readFileSync(path('cn-single-window.edi'), 'utf8').replace('+CNCUSTOMS:ZZZ+', '+ASYCUDA:ZZZ+');
    const r = await importWithProfiles(
      { name: 'x.edi', bytes: new TextEncoder().encode(text) },
      { office: OFFICE, receivedAt: RECEIVED },
    );
    expect(r.rejects).toEqual([]);
    // CN01 weighs in China customs unit 035, which only the China profile knows.
    expect(r.reports[0]!.reason).toBe(
      'cn-single-window (asycuda-cusdec, named by the interchange recipient ASYCUDA (UNB 0010), could not read it; chosen automatically: reads it with no error and no warnings, of 4 profiles tried)',
    );
    expect(r.reports[0]!.tried.find((t) => t.profile === 'asycuda-cusdec')?.error).toBe('goods item 1 has no gross or net mass');
    expect(r.declarations[0]!.goodsItems[0]!.grossMassKg).toBe(1250.5);
  });

  it('the import source names a profile', async () => {
    const profiles = shippedProfiles().map((p) =>
      p.name === 'asycuda-cusdec' ? { ...p, match: { ...p.match, sources: ['partner-kra'] } } : p,
    );
    const r = await importWithProfiles(path('un-cusdec.edi'), {
      profiles,
      source: 'partner-kra',
      office: OFFICE,
      receivedAt: RECEIVED,
    });
    expect(r.reports[0]!.reason).toBe('asycuda-cusdec (import source "partner-kra")');
  });

  it('without an office setting, a message naming no office is still imported, its office shown as unassigned', async () => {
    const r = await importWithProfiles(path('un-cusdec.edi'), { receivedAt: RECEIVED });
    expect(r.rejects).toEqual([]);
    expect(r.declarations[0]!.office).toBe('UNASSIGNED');
    expect(r.reports[0]!.warnings[0]!.message).toBe(
      'no customs office in the message and none set for this workstation: shown as UNASSIGNED until one is assigned',
    );
    expect(r.reports[0]!.tried.find((t) => t.profile === 'strict-cusdec')?.error).toBe('MOA+40 has no currency (6345)');
    // A workstation office that is a place name, not an office code, is said to be so.
    const named = await importWithProfiles(path('un-cusdec.edi'), { receivedAt: RECEIVED, office: 'Yangshan Port' });
    expect(named.declarations[0]!.office).toBe('UNASSIGNED');
    expect(named.reports[0]!.warnings[0]!.message).toBe(
      'no customs office in the message and this workstation\'s office "Yangshan Port" is not an office code: shown as UNASSIGNED until one is assigned',
    );
  });

  it('a commodity code with national digits past the tenth keeps its first ten, with a warning', async () => {
    const text = readFileSync(path('cn-single-window.edi'), 'utf8').replace(
      "CST+1+8471300000::ZZZ'",
      "CST+1+8471300000999::ZZZ'",
    );
    const r = await importWithProfiles(
      { name: 'x.edi', bytes: new TextEncoder().encode(text) },
      { office: OFFICE, receivedAt: RECEIVED },
    );
    expect(r.declarations[0]!.goodsItems[0]!.hsCode).toBe('8471300000');
    expect(r.reports[0]!.warnings.map((w) => w.message)).toEqual([
      'goods item 1 commodity code 8471300000999 has national digits past the tenth; 8471300000 is kept as the HS code',
    ]);
  });

  it("a message no profile reads is refused with the strict reader's message", async () => {
    const text = readFileSync(path('un-cusdec.edi'), 'utf8').replace("CST+1+400122'", "CST+1+4001'");
    const r = await importWithProfiles(
      { name: 'x.edi', bytes: new TextEncoder().encode(text) },
      { office: OFFICE, receivedAt: RECEIVED },
    );
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(['TH2026EX00456']); // the other message is unaffected
    expect(r.rejects[0]!.reason).toBe('MOA+40 has no currency (6345)');
    expect(r.reports[0]!.profile).toBeNull();
    expect(r.reports[0]!.tried.find((t) => t.profile === 'un-cusdec')?.error).toBe(
      'goods item 1: "4001" is not an HS code of 6 to 10 digits',
    );
  });
});

describe('profile files', () => {
  it('are checked with clear errors', () => {
    expect(() => parseProfileFile('x.json', '{')).toThrow(ProfileFileError);
    expect(() => parseProfileFile('x.yaml', 'name: ok-name\ntitle: "t\n')).toThrow(
      /^x\.yaml: not valid YAML at line 3, column 1: Missing closing "quote$/,
    );
    expect(() => parseProfileFile('x.yaml', 'name: ok-name\nname: again\n')).toThrow(/not valid YAML at line 2/);
    // Schema problems in YAML name the field and where it stands.
    expect(() => parseProfileFile('p.yaml', 'name: Bad Name\ntitle: t\nformat: cusdec\n')).toThrow(
      /name \(line 1, column 7\): a profile name is 2–40 lower-case/,
    );
    expect(() => checkProfile('p.json', { name: 'Bad Name', title: 't', format: 'cusdec' })).toThrow(
      /name: a profile name is 2–40 lower-case/,
    );
    expect(() => checkProfile('p.json', { name: 'ok-name', title: 't', format: 'cusdec' })).toThrow(
      /cusdec: a CUSDEC profile needs a "cusdec" mapping/,
    );
  });

  it('code lists take prefix keys', () => {
    expect(mapCode({ 'IM*': 'IM', IMX: 'X' }, 'IM4')).toBe('IM');
    expect(mapCode({ 'IM*': 'IM', IMX: 'X' }, 'IMX')).toBe('X');
    expect(mapCode({ 'IM*': 'IM' }, 'EX1')).toBeUndefined();
  });
});

/** The envelope, and segments whose removal leaves a declaration that cannot be assessed (the error rule; CUX where amounts name no currency). */
const KEEP = new Set(['UNA', 'UNB', 'UNZ', 'UNH', 'UNT', 'BGM', 'UNS', 'CST', 'MOA', 'TDT', 'CUX']);

/** Place of loading/discharge, office, origin, lodgement time, description, declarant, exporter. */
const CARRIES_FACT = /^(LOC\+(9|11|22|27)\+|DTM\+137:|FTX\+AAA\+|NAD\+(DT|EX)\+)/;
const warningCount = (r: ProfiledImportResult) => r.reports.reduce((n, x) => n + x.warnings.length, 0);

describe('optional segments', () => {
  for (const file of ['cn-single-window.edi', 'asycuda.edi']) {
    it(`${file}: removing any optional segment still imports, with a warning instead of a reject`, async () => {
      const text = readFileSync(path(file), 'utf8');
      const lines = text.split('\n').filter(Boolean);
      const optional = lines
        .map((l, i) => ({ l, i }))
        .filter(({ l }) => !KEEP.has(l.slice(0, 3)) && !(l.startsWith('MEA') && l.includes('+AAB+')));
      const base = await importWithProfiles(
        { name: file, bytes: new TextEncoder().encode(text) },
        { office: OFFICE, receivedAt: RECEIVED },
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...optional), async ({ i }) => {
          const cut = lines.filter((_, j) => j !== i);
          // Keep UNT counts right: the segment count of the message that lost one goes down by one.
          let owner = -1;
          for (let j = i; j >= 0; j--)
            if (lines[j]!.startsWith('UNH')) {
              owner = j;
              break;
            }
          const fixed = cut.map((l, j) => {
            const original = j < i ? j : j + 1;
            if (!l.startsWith('UNT') || owner < 0 || original < i) return l;
            let prevUnt = original;
            for (let k = i; k < original; k++) if (lines[k]!.startsWith('UNT')) prevUnt = -1;
            if (prevUnt === -1) return l;
            return l.replace(/^UNT\+(\d+)/, (_, n: string) => `UNT+${Number(n) - 1}`);
          });
          const r = await importWithProfiles(
            { name: file, bytes: new TextEncoder().encode(`${fixed.join('\n')}\n`) },
            { office: OFFICE, receivedAt: RECEIVED },
          );
          expect(r.rejects).toEqual([]);
          expect(r.declarations).toHaveLength(base.declarations.length);
          // A segment that carried a fact the officer relies on leaves a warning behind.
          if (CARRIES_FACT.test(lines[i]!)) expect(warningCount(r)).toBeGreaterThan(warningCount(base));
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe('malformed and hostile input', () => {
  const files = [
    'cn-single-window.edi',
    'asycuda.edi',
    'eu-uk-cds-1-import-compact-dates.xml',
    'eu-uk-cds-5-uk-two-declarations.xml',
  ];
  it('mutated messages are imported or refused message by message, never thrown, at any chunk size', async () => {
    const sources = files.map((name) => readFileSync(path(name), 'utf8'));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.array(
          fc.tuple(fc.nat(), fc.constantFrom('', "'", '+', ':', '?', '<', '&', '0', 'Z', '\u0000', '9999999999999999999')),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 3, max: 4096 }),
        async (which, edits, chunkBytes) => {
          let text = sources[which]!;
          for (const [at, insert] of edits) {
            const i = at % text.length;
            text = `${text.slice(0, i)}${insert}${text.slice(i + (insert === '' ? 1 : 0))}`;
          }
          const bytes = new TextEncoder().encode(text);
          const r = await importWithProfiles({ name: 'm', bytes }, { office: OFFICE, receivedAt: RECEIVED, chunkBytes });
          const again = await importWithProfiles({ name: 'm', bytes }, { office: OFFICE, receivedAt: RECEIVED });
          expect(r).toEqual(again);
          for (const d of r.declarations) expect(d.goodsItems.length).toBeGreaterThan(0);
          for (const x of r.rejects) expect(x.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('XML with a DTD stays refused under every profile', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaa">]><Declaration><FunctionalReferenceID>&a;</FunctionalReferenceID></Declaration>`;
    const r = await importWithProfiles({ name: 'x.xml', bytes: new TextEncoder().encode(xml) }, { office: OFFICE });
    expect(r.declarations).toEqual([]);
    expect(r.rejects[0]!.reason).toBe('/: DTDs and entity declarations are not accepted in declaration XML');
  });
});

describe('optional WCO DM elements', () => {
  /** One-line elements that no error rule needs: parties, places, dates, office, equipment, description, origin, packaging, procedure. */
  const OPTIONAL =
    /^\s*<(Exporter|Importer|Consignee|Declarant|LoadingLocation|UnloadingLocation|AcceptanceDateTime|IssueDateTime|DeclarationOffice|TransportEquipment|Description|Origin|Packaging|GovernmentProcedure|GoodsItemQuantity|TotalGrossMassMeasure)[\s>].*<\/\1>\s*$/;
  for (const file of ['eu-uk-cds-1-import-compact-dates.xml', 'eu-uk-cds-3-nl-import.xml']) {
    it(`${file}: removing any optional element still imports, with a warning instead of a reject`, async () => {
      const lines = readFileSync(path(file), 'utf8').split('\n');
      const optional = lines.map((l, i) => ({ l, i })).filter(({ l }) => OPTIONAL.test(l));
      expect(optional.length).toBeGreaterThan(5);
      const read = (text: string) =>
        importWithProfiles({ name: file, bytes: new TextEncoder().encode(text) }, { office: OFFICE, receivedAt: RECEIVED });
      const base = await read(lines.join('\n'));
      expect(base.rejects).toEqual([]);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...optional), async ({ l, i }) => {
          const r = await read(lines.filter((_, j) => j !== i).join('\n'));
          expect(r.rejects).toEqual([]);
          expect(r.declarations).toHaveLength(1);
          if (
            !/GoodsItemQuantity|TotalGrossMassMeasure|GovernmentProcedure|Packaging|TransportEquipment|Consignee|Importer/.test(l)
          )
            expect(warningCount(r)).toBeGreaterThan(warningCount(base));
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('WCO DM date-times under a profile', () => {
  it('take every form national systems send, zone-less times as UTC', () => {
    const at = (v: string) => readWcoDateTime({ '#text': v });
    expect(at('20261201101500+08')).toBe('2026-12-01T02:15:00.000Z'); // format 304 as element text
    expect(at('20261201101500Z')).toBe('2026-12-01T10:15:00.000Z');
    expect(at('20261201101500')).toBe('2026-12-01T10:15:00.000Z'); // 204
    expect(at('202612011015')).toBe('2026-12-01T10:15:00.000Z'); // 203
    expect(at('20261201')).toBe('2026-12-01T00:00:00.000Z'); // 102
    expect(at('20261201T101500+0800')).toBe('2026-12-01T02:15:00.000Z'); // ISO 8601 basic
    expect(at('2026-12-01T10:15:00')).toBe('2026-12-01T10:15:00.000Z');
    expect(at('2026-12-01T10:15:00+01:00')).toBe('2026-12-01T09:15:00.000Z');
    expect(readWcoDateTime({ DateTimeString: { '#text': '20261201101500+01', '@formatCode': '304' } })).toBe(
      '2026-12-01T09:15:00.000Z',
    );
    expect(() => at('2026-12-01 10:15')).toThrow(/not an ISO 8601/);
    expect(() => at('20261301101500')).toThrow(/not a real date/);
  });
});
