/**
 * fast-check arbitraries derived from the contract's zod schemas, so every channel
 * (including ones added later) gets generated valid inputs and outputs without a
 * hand-written generator. It covers the zod types the contract uses and throws
 * on any other, so a new kind of schema fails loudly here instead of going untested.
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  [key: string]: unknown;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] =>
  ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);

/** Long strings and arrays add run time and find nothing new: keep generated sizes small. */
const SIZE_CAP = 24;

export function validValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'undefined':
      return fc.constant(undefined);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'string':
      return stringValue(schema, def);
    case 'number':
      return numberValue(def);
    case 'nullable':
      return fc.option(validValue(def.innerType as z.ZodType), { nil: null });
    case 'optional':
      return fc.option(validValue(def.innerType as z.ZodType), { nil: undefined });
    case 'array': {
      const { min, max } = lengthBounds(checksOf(def));
      return fc.array(validValue(def.element as z.ZodType), { minLength: min, maxLength: Math.min(max, min + 5) });
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const fieldDef = defOf(field);
        // Optional keys are sometimes absent rather than present-and-undefined, as on the wire.
        if (fieldDef.type === 'optional') model[key] = validValue(fieldDef.innerType as z.ZodType);
        else {
          model[key] = validValue(field);
          requiredKeys.push(key);
        }
      }
      return fc.record(model, { requiredKeys });
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(validValue));
    case 'record':
      return fc.dictionary(validValue(def.keyType as z.ZodType) as fc.Arbitrary<string>, validValue(def.valueType as z.ZodType), {
        maxKeys: 4,
      });
    case 'unknown':
      // Values that cross JSON unchanged: what a record of details can hold on the wire.
      return fc.jsonValue({ maxDepth: 2 });
    default:
      throw new Error(`zod-arbitrary: no generator for zod type "${def.type}"; add one`);
  }
}

function lengthBounds(checks: CheckDef[]): { min: number; max: number } {
  let min = 0;
  let max = SIZE_CAP;
  for (const check of checks) {
    if (check.check === 'min_length' && check.minimum !== undefined) min = Math.max(min, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) max = Math.min(max, check.maximum);
    if (check.check === 'length_equals' && check.minimum !== undefined) min = max = check.minimum;
  }
  return { min, max: Math.max(min, max) };
}

function stringValue(schema: z.ZodType, def: Def): fc.Arbitrary<string> {
  const accept = (value: string): boolean => schema.safeParse(value).success;
  if (def.format === 'datetime') {
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (def.format === 'url') {
    const protocol = def.protocol as RegExp | undefined;
    const schemes = ['http', 'https', 'ws', 'wss'].filter((scheme) => !protocol || protocol.test(scheme));
    return fc.webUrl({ validSchemes: schemes }).filter(accept);
  }
  if (def.format !== undefined) throw new Error(`zod-arbitrary: no generator for string format "${String(def.format)}"; add one`);

  const checks = checksOf(def);
  const { min, max } = lengthBounds(checks);
  const pattern = checks.find((check) => check.check === 'string_format' && check.format === 'regex')?.pattern;
  if (pattern) {
    return fc.stringMatching(pattern).filter(accept);
  }
  // Full Unicode, including astral characters: the wire must carry any officer's text.
  return fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + SIZE_CAP) }).filter(accept);
}

function numberValue(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let integer = false;
  for (const check of checks) {
    if (check.check === 'number_format') integer = check.format === 'safeint' || check.format === 'int32';
    if (check.check === 'greater_than' && check.value !== undefined) min = check.inclusive ? check.value : check.value + (integer ? 1 : Number.EPSILON);
    if (check.check === 'less_than' && check.value !== undefined) max = check.inclusive ? check.value : check.value - (integer ? 1 : Number.EPSILON);
  }
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // JSON turns -0 into 0; the contract has no use for the difference.
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
}

/** Any value at all that the schema rejects. */
export function invalidValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }).filter(
    (value) => !schema.safeParse(value).success,
  );
}

/**
 * A valid object input with exactly one field replaced by a value that field
 * rejects: the near-miss payloads a buggy renderer would actually send.
 * Returns null for schemas that are not objects.
 */
export function oneBadField(schema: z.ZodType): fc.Arbitrary<{ value: Record<string, unknown>; field: string }> | null {
  const def = defOf(schema);
  if (def.type !== 'object') return null;
  const shape = def.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  if (keys.length === 0) return null;
  return fc
    .tuple(validValue(schema) as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...keys))
    .chain(([valid, field]) => invalidValue(shape[field] as z.ZodType).map((bad) => ({ value: { ...valid, [field]: bad }, field })));
}

/** One valid value, deterministic: fixtures that follow the contract as it changes. */
export function sampleValid<S extends z.ZodType>(schema: S): z.output<S> {
  return schema.parse(fc.sample(validValue(schema), { numRuns: 1, seed: 42 })[0]);
}
