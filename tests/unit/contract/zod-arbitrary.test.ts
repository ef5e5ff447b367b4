/**
 * The generators the contract tests stand on. zod-arbitrary.ts must only produce
 * values the schema accepts, cover the constructs the contract uses, and refuse
 * loudly (naming the fix) what it cannot generate. The targeted arbitraries of
 * domain-arbitraries.ts must stay valid AND interesting: a site generator that only
 * produced sites without markers would pass every round trip while testing none of
 * the cross-references, so each is sampled with a fixed seed and the hard cases
 * must occur.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ContainerId,
  CountryCode,
  CurrencyCode,
  DeclarationInput,
  HsCode,
  UnLocode,
} from '../../../preload/contract/schemas/declarations';
import { Condition, RiskConfig } from '../../../preload/contract/schemas/risk';
import { MediaUrl, Site } from '../../../preload/contract/schemas/site';
import { validValue } from './zod-arbitrary';

interface Tree {
  name: string;
  children: Tree[];
}
const tree: z.ZodType<Tree> = z.object({ name: z.string(), children: z.lazy(() => z.array(tree).max(3)) });

const constructs: Record<string, z.ZodType> = {
  'string with trim, length and regex': z
    .string()
    .trim()
    .min(2)
    .max(8)
    .regex(/^[a-z]+$/),
  uuid: z.uuid(),
  'iso date and datetime': z.object({ day: z.iso.date(), at: z.iso.datetime({ offset: true }) }),
  'url with a protocol': z.url({ protocol: /^https?$/ }),
  'exclusive number bounds': z.number().positive().lt(1),
  'integer range': z.number().int().min(-3).max(3),
  'default and optional keys': z.object({ a: z.string().default('x'), b: z.number().optional(), c: z.null() }),
  'tuple with rest': z.tuple([z.boolean(), z.literal(7)]).rest(z.string()),
  'discriminated union': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('a'), n: z.number() }),
    z.object({ kind: z.literal('b') }),
  ]),
  record: z.record(z.string().min(1), z.array(z.number().int()).min(1).max(2)),
  transform: z.object({ n: z.number().int() }).transform((o) => ({ ...o, twice: o.n * 2 })),
  'pipe into another schema': z
    .string()
    .regex(/^\d{1,3}$/)
    .pipe(z.string().max(2)),
  'refined object': z.object({ lo: z.number(), hi: z.number() }).refine((o) => o.lo <= o.hi),
  'json (recursive lazy)': z.json(),
  'superRefined array': z.array(z.number().int().min(0).max(9)).superRefine((a, ctx) => {
    if (new Set(a).size !== a.length) ctx.addIssue({ code: 'custom', message: 'duplicates' });
  }),
};

describe('generates only values the schema accepts', () => {
  it.each(Object.entries(constructs))('%s', (_name, schema) => {
    fc.assert(
      fc.property(validValue(schema), (value) => {
        expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves optional and defaulted keys out sometimes, as the wire does', () => {
    const values = fc.sample(validValue(constructs['default and optional keys']!), { numRuns: 60, seed: 7 }) as object[];
    expect(values.some((value) => !('a' in value))).toBe(true);
    expect(values.some((value) => 'a' in value)).toBe(true);
  });
});

describe('refuses what it cannot generate honestly', () => {
  it.each([
    ['date', z.date()],
    ['bigint', z.bigint()],
    ['map', z.map(z.string(), z.string())],
  ] as const)('zod type %s, saying why it cannot cross the wire', (type, schema) => {
    expect(() => validValue(schema)).toThrow(new RegExp(`no generator for zod type "${type}": .*JSON`));
  });

  it('an unknown string format', () => {
    expect(() => validValue(z.string().startsWith('cw:'))).toThrow('no generator for the string check "starts_with"');
  });

  it('a recursive schema with no union to end it', () => {
    expect(() => fc.sample(validValue(tree), { numRuns: 100, seed: 1 })).toThrow(
      /recurses without a union .*domain-arbitraries\.ts/,
    );
  });

  it('a refinement random values almost never pass, pointing at domain-arbitraries.ts', () => {
    const strict = z.object({ code: z.string() }).refine((o) => o.code === 'CNSHA-7');
    expect(() => fc.sample(validValue(strict), 1)).toThrow(/targeted arbitrary .* tests\/unit\/contract\/domain-arbitraries\.ts/);
  });
});

function sample<S extends z.ZodType>(schema: S, numRuns: number): z.output<S>[] {
  return fc.sample(validValue(schema), { numRuns, seed: 20261125 }).map((value) => {
    const parsed = schema.safeParse(value);
    expect(parsed.error?.issues ?? [], JSON.stringify(value)).toEqual([]);
    return parsed.data as z.output<S>;
  });
}

describe('targeted arbitraries', () => {
  it.each([
    ['CountryCode', CountryCode],
    ['CurrencyCode', CurrencyCode],
    ['HsCode', HsCode],
    ['UnLocode', UnLocode],
    ['ContainerId', ContainerId],
    ['MediaUrl', MediaUrl],
  ] as const)('%s: valid and varied', (_name, schema) => {
    const values = sample(schema, 50);
    expect(new Set(values).size).toBeGreaterThan(25);
  });

  it('MediaUrl: both camera URLs and shipped media paths', () => {
    const values = sample(MediaUrl, 60);
    expect(values.some((url) => /^https?:\/\//.test(url))).toBe(true);
    expect(values.some((url) => !url.includes(':'))).toBe(true);
  });

  it('Condition: every operator, on text, number and flag fields', () => {
    const values = sample(Condition, 300);
    expect(new Set(values.map((c) => c.op))).toEqual(new Set(['eq', 'ne', 'prefix', 'in', 'range', 'regex']));
    expect(values.some((c) => c.op === 'eq' && typeof c.value === 'boolean')).toBe(true);
    expect(values.some((c) => c.op === 'in' && typeof c.values[0] === 'number')).toBe(true);
  });

  it('DeclarationInput: road plates, several goods items, items in declared containers', () => {
    const values = sample(DeclarationInput, 60);
    expect(values.some((d) => d.transport.mode === 'road')).toBe(true);
    expect(values.some((d) => d.goodsItems.length > 1)).toBe(true);
    expect(values.some((d) => d.goodsItems.some((item) => (item.containerIds?.length ?? 0) > 0))).toBe(true);
  });

  it('RiskConfig: rules that belong to one of its profiles', () => {
    const values = sample(RiskConfig, 40);
    expect(values.some((config) => config.rules.some((rule) => rule.profileId !== null))).toBe(true);
  });

  it('Site: markers on cameras, lanes and containers; camera groups; 360° stills', () => {
    const values = sample(Site, 40);
    const markers = values.flatMap((s) => s.markers);
    expect(markers.some((m) => m.link.kind === 'lane')).toBe(true);
    expect(markers.some((m) => m.link.kind === 'container')).toBe(true);
    expect(values.some((s) => s.cameraGroups.length > 0)).toBe(true);
    expect(values.some((s) => s.cameras.some((camera) => camera.group !== undefined))).toBe(true);
    expect(values.some((s) => s.cameras.some((camera) => camera.still !== undefined))).toBe(true);
  });
});
