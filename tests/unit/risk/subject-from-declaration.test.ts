import { describe, expect, it } from 'vitest';
import { Declaration } from '../../../preload/contract/schemas/declarations';
import { subjectFromDeclaration } from '../../../main/services/risk/subject-from-declaration';

const declaration = Declaration.parse({
  functionalReferenceId: 'LRN-2026-0001',
  typeCode: 'IM',
  office: 'CNSZX001',
  lodgementTime: '2026-03-01T08:00:00.000Z',
  declarant: { id: 'DECL-9', name: 'Swift Brokers' },
  exporter: { id: 'EXP-1', name: 'Golden Dragon Import & Export Co., Ltd.' },
  importer: { name: '深圳市华强电子有限公司' },
  transport: { mode: 'road', vehiclePlate: '粤B·12345', routeCountries: ['HK', 'CN'] },
  containers: [{ id: 'MSCU1234566' }],
  goodsItems: [
    {
      sequence: 1,
      description: 'phones',
      hsCode: '851712',
      originCountry: 'VN',
      grossMassKg: 100,
      customsValue: { amount: 1000, currency: 'USD' },
    },
    {
      sequence: 2,
      description: 'cases',
      hsCode: '420292',
      originCountry: 'CN',
      grossMassKg: 50,
      customsValue: { amount: 700, currency: 'CNY' },
    },
  ],
  flags: { perishable: false, expedited: true, aeo: true },
});

describe('subject from declaration', () => {
  it('maps parties, transport, containers, flags and items into the reference currency', () => {
    expect(subjectFromDeclaration(declaration, { referenceCurrency: 'CNY', rates: { USD: 7 } })).toEqual({
      declarationId: 'LRN-2026-0001',
      office: 'CNSZX001',
      declarantId: 'DECL-9',
      declarantName: 'Swift Brokers',
      exporterId: 'EXP-1',
      exporterName: 'Golden Dragon Import & Export Co., Ltd.',
      consigneeId: null,
      consigneeName: '深圳市华强电子有限公司',
      transportMode: 'road',
      vehiclePlate: '粤B·12345',
      routeCountries: ['HK', 'CN'],
      containerIds: ['MSCU1234566'],
      totalCustomsValue: 7700,
      totalGrossMassKg: 150,
      perishable: false,
      expedited: true,
      aeo: true,
      items: [
        { sequence: 1, hsCode: '851712', originCountry: 'VN', customsValue: 7000, grossMassKg: 100 },
        { sequence: 2, hsCode: '420292', originCountry: 'CN', customsValue: 700, grossMassKg: 50 },
      ],
    });
  });

  it('leaves values without an exchange rate unknown', () => {
    const subject = subjectFromDeclaration(declaration, { referenceCurrency: 'CNY', rates: {} });
    expect(subject.items[0]?.customsValue).toBeNull();
    expect(subject.totalCustomsValue).toBeNull();
  });
});
