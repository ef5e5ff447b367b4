/**
 * The generator the contract tests stand on: it must only produce values the schema
 * accepts, cover the constructs the contract uses, and refuse loudly (naming the fix)
 * what it cannot generate, rather than quietly testing less.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validValue } from './zod-arbitrary';

const constructs: Record<string, z.ZodType> = {
  'string with trim, length and regex': z.string().trim().min(2).max(8).regex(/^[a-z]+$/),
  'uuid': z.uuid(),
  'iso date and datetime': z.object({ day: z.iso.date(), at: z.iso.datetime({ offset: true }) }),
  'url with a protocol': z.url({ protocol: /^https?$/ }),
  'exclusive number bounds': z.number().positive().lt(1),
  'integer range': z.number().int().min(-3).max(3),
  'default and optional keys': z.object({ a: z.string().default('x'), b: z.number().optional(), c: z.null() }),
  'tuple with rest': z.tuple([z.boolean(), z.literal(7)]).rest(z.string()),
  'discriminated union': z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), n: z.number() }), z.object({ kind: z.literal('b') })]),
  'record': z.record(z.string().min(1), z.array(z.number().int()).min(1).max(2)),
  'transform': z.object({ n: z.number().int() }).transform((o) => ({ ...o, twice: o.n * 2 })),
  'pipe into another schema': z.string().regex(/^\d{1,3}$/).pipe(z.string().max(2)),
  'refined object': z.object({ lo: z.number(), hi: z.number() }).refine((o) => o.lo <= o.hi),
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
  ] as const)('zod type %s', (type, schema) => {
    expect(() => validValue(schema)).toThrow(`no generator for zod type "${type}"`);
  });

  it('an unknown string format', () => {
    expect(() => validValue(z.string().startsWith('cw:'))).toThrow('no generator for the string check "starts_with"');
  });

  it('a refinement random values almost never pass, pointing at domain-arbitraries.ts', () => {
    const strict = z.object({ code: z.string() }).refine((o) => o.code === 'CNSHA-7');
    expect(() => fc.sample(validValue(strict), 1)).toThrow(/targeted arbitrary .* tests\/unit\/contract\/domain-arbitraries\.ts/);
  });
});
