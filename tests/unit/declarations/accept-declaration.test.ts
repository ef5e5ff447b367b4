import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptDeclaration, MIRRORED_FIELDS } from '../../../main/services/declarations/accept-declaration';
import { generateDeclarations } from '../../../main/services/declarations/demo-generator';
import {
  AdditionalDocument,
  Amount,
  BorderTransportMeans,
  Declarant,
  Declaration,
  DeclarationFlags,
  DeclarationInput,
  GoodsItem,
  Party,
  Transport,
  TransportEquipment,
} from '../../../preload/contract/schemas/declarations';

const NOW = new Date('2026-03-15T10:00:00Z');

/** Key order matters: declarations are stored and exported as JSON. */
const exact = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '<undefined>' : x));

/** The fast check must agree with the schema: the same value when valid, undefined otherwise. */
function agrees(input: unknown): void {
  const parsed = Declaration.safeParse(input);
  const accepted = acceptDeclaration(input);
  if (parsed.success) {
    expect(accepted).toStrictEqual(parsed.data);
    expect(exact(accepted)).toBe(exact(parsed.data));
  } else {
    expect(accepted, parsed.error.issues[0]!.message).toBeUndefined();
  }
}

// Values at and around every rule's edge: lengths, trimming, shapes, check digits, signs.
const strings = [
  '',
  ' ',
  '  x  ',
  '\u3000名\u3000',
  '\u00a0',
  '\ufeffA',
  'a'.repeat(8),
  'a'.repeat(9),
  'a'.repeat(20),
  'a'.repeat(21),
  'a'.repeat(35),
  'a'.repeat(36),
  'a'.repeat(70),
  'a'.repeat(71),
  'a'.repeat(140),
  'a'.repeat(141),
  'a'.repeat(512),
  'a'.repeat(513),
  'cn',
  'CN',
  'C1',
  'CNN',
  'USD',
  'us',
  'EURO',
  '001234',
  '12345',
  '123456',
  '1234567890',
  '12345678901',
  'MSCU1234565',
  'MSCU1234566',
  'MSCU 123456-5',
  'CNSZX',
  'CNSZ1',
  'CNSZ2',
  'cnszx',
  'IM',
  'im',
  'IMA',
  'IMAX',
  'A',
  'CNSZX001',
  'A'.repeat(17),
  'A'.repeat(18),
  '粤B·12345',
  '2026-03-15T10:00:00.000Z',
  '2026-02-29T10:00:00Z',
  '2028-02-29T10:00:00+08:00',
  '2026-03-15T10:00Z',
  '2026-03-15',
];
const others: unknown[] = [
  undefined,
  null,
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  9999,
  10000,
  2 ** 53,
  NaN,
  Infinity,
  -Infinity,
  true,
  false,
  [],
  {},
  'sea',
  'road',
  'air',
  'rail',
  'ship',
];
const value = fc.oneof(fc.constantFrom(...strings), fc.constantFrom(...others), fc.anything({ maxDepth: 1 }));

type Path = (string | number)[];
/** Every path into a declaration, so mutations reach each field at each depth. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) paths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

type Node = Record<string | number, unknown>;
const child = (o: unknown, k: string | number): unknown => (o && typeof o === 'object' ? (o as Node)[k] : undefined);

function setAt(root: unknown, path: Path, to: unknown, remove: boolean): unknown {
  if (path.length === 0) return to;
  const parent = path.slice(0, -1).reduce<unknown>(child, root) as Node;
  const key = path.at(-1)!;
  if (remove && !Array.isArray(parent)) delete parent[key];
  else parent[key] = to;
  return root;
}

const base = generateDeclarations({ count: 40, seed: 7, now: NOW }).map(({ totals: _totals, ...input }) => input);

describe('acceptDeclaration', () => {
  it('mirrors every field of the schema, in schema order', () => {
    const keys = (schema: { shape: object }) => Object.keys(schema.shape);
    expect(MIRRORED_FIELDS.declaration).toEqual(keys(DeclarationInput));
    expect(MIRRORED_FIELDS.party).toEqual(keys(Party));
    expect(MIRRORED_FIELDS.party).toEqual(keys(Declarant));
    expect(MIRRORED_FIELDS.transport).toEqual(keys(Transport));
    expect(MIRRORED_FIELDS.borderTransportMeans).toEqual(keys(BorderTransportMeans));
    expect(MIRRORED_FIELDS.container).toEqual(keys(TransportEquipment));
    expect(MIRRORED_FIELDS.goodsItem).toEqual(keys(GoodsItem));
    expect(MIRRORED_FIELDS.amount).toEqual(keys(Amount));
    expect(MIRRORED_FIELDS.flags).toEqual(keys(DeclarationFlags));
    expect(MIRRORED_FIELDS.document).toEqual(keys(AdditionalDocument));
  });

  it('accepts the demo declarations exactly as the schema does', () => {
    for (const d of base) {
      expect(acceptDeclaration(d)).toBeDefined();
      agrees(d);
    }
  });

  it('agrees with the schema on mutated declarations (values replaced, keys removed, extra keys)', () => {
    fc.assert(
      fc.property(
        fc.nat(base.length - 1),
        fc.array(fc.tuple(fc.nat(), value, fc.boolean(), fc.constantFrom('set', 'remove', 'extra')), {
          minLength: 1,
          maxLength: 3,
        }),
        (which, mutations) => {
          let d: unknown = structuredClone(base[which]);
          for (const [pick, to, wrapInSpaces, kind] of mutations) {
            const all = paths(d);
            const path = all[pick % all.length]!;
            const v = wrapInSpaces && typeof to === 'string' ? ` ${to} ` : to;
            if (kind === 'extra') {
              const holder = path.reduce<unknown>(child, d);
              if (holder && typeof holder === 'object' && !Array.isArray(holder)) (holder as Node).unexpected = v;
            } else d = setAt(d, path, v, kind === 'remove');
          }
          agrees(d);
        },
      ),
      { numRuns: 1500, seed: 20260315 },
    );
  });

  it('agrees on the cross-field rules', () => {
    const d = structuredClone(base.find((x) => x.containers.length > 0 && x.goodsItems.length > 1)!);
    agrees({ ...d, transport: { mode: 'road' } });
    agrees({ ...d, transport: { mode: 'road', vehiclePlate: '  ' } });
    agrees({ ...d, transport: { mode: 'road', vehiclePlate: ' 粤B·12345 ' } });
    agrees({ ...d, goodsItems: [d.goodsItems[0], { ...d.goodsItems[1]!, sequence: d.goodsItems[0]!.sequence }] });
    agrees({ ...d, containers: [...d.containers, d.containers[0]] });
    agrees({ ...d, goodsItems: d.goodsItems.map((g) => ({ ...g, containerIds: ['MSCU1234565'] })) });
    agrees({ ...d, goodsItems: d.goodsItems.map((g) => ({ ...g, netMassKg: g.grossMassKg })) });
    agrees({ ...d, goodsItems: d.goodsItems.map((g) => ({ ...g, netMassKg: g.grossMassKg + 0.001 })) });
    agrees({
      ...d,
      flags: undefined,
      documents: undefined,
      containers: undefined,
      goodsItems: d.goodsItems.map(({ containerIds: _c, ...g }) => g),
    });
  });
});

describe('procedure and consignee', () => {
  it('are checked like the schema checks them', () => {
    const input = base[0]!;
    agrees({ ...input, procedure: '0110', consignee: { name: 'Kowloon Home Ltd.', country: 'HK' } });
    agrees({ ...input, procedure: '  4000000  ', consignee: { id: 'GB123456789000' } });
    agrees({ ...input, procedure: 'x'.repeat(36) });
    agrees({ ...input, procedure: '' });
    agrees({ ...input, consignee: {} });
    agrees({ ...input, consignee: { name: 'A', country: 'hk' } });
    agrees({ ...input, procedure: undefined, consignee: undefined });
  });
});
