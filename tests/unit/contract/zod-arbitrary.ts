/**
 * fast-check arbitraries derived from the contract's zod schemas, so every channel
 * (including ones added later) gets generated valid inputs and outputs without a
 * hand-written generator. It covers the zod types, string formats and checks the
 * contract uses and throws on any other, so a new kind of schema fails loudly here
 * instead of going untested.
 *
 * Refinements (`refine`, `superRefine`) cannot be read, only run: a refined schema's
 * values are generated from its structure and kept only when the whole schema
 * accepts them, giving up after a bounded number of tries. Schemas whose refinements
 * random values rarely pass (cross-references, check digits, code lists) get a
 * targeted arbitrary in domain-arbitraries.ts, found by schema identity.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { targetedArbitrary } from './domain-arbitraries';
import { webAddress } from './url-arbitrary';

export interface Def {
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

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] =>
  ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);

/** Long strings and arrays add run time and find nothing new: keep generated sizes small. */
const SIZE_CAP = 24;
/** Extra array elements beyond a schema's minimum. */
const ARRAY_EXTRA = 5;
/** Tries before a filtered arbitrary gives up and says which schema needs a targeted one. */
const MAX_TRIES = 200;

/** Unions nested deeper than this draw their first option only; the contract's own nest three deep at most. */
const UNION_DEPTH = 6;
const unionDepth = fc.createDepthIdentifier();

/** Types a channel must not carry: both hosts send JSON (the web host) or must behave as if they did. */
const CANNOT_CROSS_JSON: Record<string, string> = {
  date: 'a Date arrives as a string over JSON; use IsoTime (preload/contract/schemas/common.ts) in the contract',
  bigint: 'JSON has no bigint; use a number or a decimal string in the contract',
  map: 'a Map arrives as {} over JSON; use z.record or an array of pairs in the contract',
  set: 'a Set arrives as {} over JSON; use an array in the contract',
  nan: 'NaN arrives as null over JSON',
  symbol: 'symbols do not cross JSON',
  function: 'functions do not cross JSON',
  promise: 'promises do not cross JSON',
};

/** The checks each type's generator reads; any other check is a construct this file does not know yet. */
const KNOWN_CHECKS: Record<string, readonly string[]> = {
  string: ['min_length', 'max_length', 'length_equals', 'string_format', 'overwrite', 'custom'],
  number: ['greater_than', 'less_than', 'number_format', 'custom'],
  array: ['min_length', 'max_length', 'length_equals', 'custom'],
};

/** Arbitraries are immutable: one per schema object, since shared schemas (ids, times, people) recur everywhere. */
const built = new WeakMap<z.ZodType, fc.Arbitrary<unknown>>();

export function validValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  let arbitrary = built.get(schema);
  if (!arbitrary) {
    arbitrary = targetedArbitrary(schema, { validValue, shapeValue, acceptedBy }) ?? refinedValue(schema);
    built.set(schema, arbitrary);
  }
  return arbitrary;
}

/** fc.stringMatching is costly to build (it precomputes its shrinking slices); patterns recur across schemas. */
const matching = new Map<string, fc.Arbitrary<string>>();
function stringMatching(pattern: RegExp): fc.Arbitrary<string> {
  const key = pattern.toString();
  let arbitrary = matching.get(key);
  if (!arbitrary) {
    arbitrary = fc.stringMatching(pattern);
    matching.set(key, arbitrary);
  }
  return arbitrary;
}

/** The schema's shape, kept to the values its refinements (if any) accept. */
function refinedValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const base = shapeValue(schema);
  // Strings and numbers filter on the whole schema already; other refined types filter here.
  const refined = checksOf(def).some((check) => check.check === 'custom');
  return refined && def.type !== 'string' && def.type !== 'number' ? acceptedBy(schema, base) : base;
}

/**
 * Values built from the schema's own structure, its children through validValue,
 * its own object/array refinements NOT enforced: domain-arbitraries.ts starts from
 * this shape and repairs what the refinements ask for.
 */
export function shapeValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const unknownCheck = checksOf(def).find((check) => !(KNOWN_CHECKS[def.type] ?? ['custom']).includes(check.check));
  if (unknownCheck)
    throw new Error(`zod-arbitrary: no generator for the "${unknownCheck.check}" check on zod type "${def.type}"; add one`);
  return typeValue(schema, def);
}

function typeValue(schema: z.ZodType, def: Def): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'string':
      return stringValue(schema, def);
    case 'number':
      return numberValue(schema, def);
    case 'nullable':
      return fc.option(validValue(def.innerType as z.ZodType), { nil: null });
    case 'optional':
      return fc.option(validValue(def.innerType as z.ZodType), { nil: undefined });
    case 'default':
      // Left out, the default applies; on the wire a defaulted value is often omitted.
      return fc.option(validValue(def.innerType as z.ZodType), { nil: undefined });
    case 'array': {
      const { min, max } = lengthBounds(checksOf(def));
      return fc.array(validValue(def.element as z.ZodType), { minLength: min, maxLength: Math.min(max, min + ARRAY_EXTRA) });
    }
    case 'tuple': {
      const items = (def.items as z.ZodType[]).map(validValue);
      const rest = def.rest as z.ZodType | null;
      if (!rest) return fc.tuple(...items);
      return fc.tuple(fc.tuple(...items), fc.array(validValue(rest), { maxLength: 3 })).map(([head, tail]) => [...head, ...tail]);
    }
    case 'object':
      return objectValue(def);
    case 'union':
      // Plain and discriminated unions alike: any option's values are the union's values.
      // Past UNION_DEPTH nested unions only the first option is drawn, which ends recursive schemas (z.json()).
      return fc.oneof({ depthIdentifier: unionDepth, maxDepth: UNION_DEPTH }, ...(def.options as z.ZodType[]).map(validValue));
    case 'lazy':
      return new LazyArbitrary(def.getter as () => z.ZodType);
    case 'record':
      return fc.dictionary(validValue(def.keyType as z.ZodType) as fc.Arbitrary<string>, validValue(def.valueType as z.ZodType), {
        maxKeys: 4,
      });
    case 'pipe': {
      const { in: from, out: to } = def as unknown as { in: z.ZodType; out: z.ZodType };
      // A transform accepts whatever its input stage produced; a pipe into another schema must satisfy both.
      if (defOf(to).type === 'transform') return validValue(from);
      return acceptedBy(schema, validValue(from));
    }
    case 'unknown':
      // z.unknown() lets anything through, even what JSON changes (-0, undefined, a Date):
      // generate only what crosses the wire unchanged, the one thing such a field can carry.
      return fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    default: {
      const why = CANNOT_CROSS_JSON[def.type];
      if (why) throw new Error(`zod-arbitrary: no generator for zod type "${def.type}": ${why}`);
      throw new Error(`zod-arbitrary: no generator for zod type "${def.type}"; add one`);
    }
  }
}

function objectValue(def: Def): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape as Record<string, z.ZodType>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const fieldDef = defOf(field);
    // Optional and defaulted keys are sometimes absent rather than present-and-undefined, as on the wire.
    if (fieldDef.type === 'optional' || fieldDef.type === 'default') model[key] = validValue(fieldDef.innerType as z.ZodType);
    else {
      model[key] = validValue(field);
      requiredKeys.push(key);
    }
  }
  return fc.record(model, { requiredKeys });
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

/**
 * Any Unicode scalar value, astral ones included, like fast-check's `binary` unit.
 * That unit builds a map of all 1.1 million code points the first time a string is
 * made (seconds per test file on a busy machine); this one maps an index instead.
 */
const SURROGATES = 0xe000 - 0xd800;
const anyCharacter: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES),
  (value) => {
    const codePoint = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (codePoint === undefined || String.fromCodePoint(codePoint) !== value || (codePoint >= 0xd800 && codePoint < 0xe000)) {
      throw new Error('not one Unicode scalar value');
    }
    return codePoint < 0xd800 ? codePoint : codePoint - SURROGATES;
  },
);

const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2099-12-31T23:59:59Z');

function stringValue(schema: z.ZodType, def: Def): fc.Arbitrary<string> {
  const date = fc.date({ min: EARLIEST, max: LATEST, noInvalidDate: true });
  switch (def.format) {
    case undefined:
      break;
    case 'datetime':
      return acceptedBy(
        schema,
        date.map((value) => value.toISOString()),
      );
    case 'date':
      return acceptedBy(
        schema,
        date.map((value) => value.toISOString().slice(0, 10)),
      );
    case 'url': {
      const protocol = def.protocol as RegExp | undefined;
      const schemes = ['http', 'https', 'ws', 'wss'].filter((scheme) => !protocol || protocol.test(scheme));
      return acceptedBy(schema, webAddress(schemes));
    }
    case 'uuid':
      return acceptedBy(schema, fc.uuid());
    default: {
      // guid, email, ipv4…: zod keeps each format's pattern on the def; generate from it.
      const pattern = def.pattern as RegExp | undefined;
      if (!pattern) throw new Error(`zod-arbitrary: no generator for string format "${String(def.format)}"; add one`);
      return acceptedBy(schema, stringMatching(pattern));
    }
  }

  const checks = checksOf(def);
  const { min, max } = lengthBounds(checks);
  const pattern = checks.find((check) => check.check === 'string_format' && check.format === 'regex')?.pattern;
  const other = checks.find((check) => check.check === 'string_format' && check.format !== 'regex');
  if (other) throw new Error(`zod-arbitrary: no generator for the string check "${String(other.format)}"; add one`);
  if (pattern) return acceptedBy(schema, stringMatching(pattern));
  // Full Unicode, including astral characters: the wire must carry any officer's text.
  return acceptedBy(schema, fc.string({ unit: anyCharacter, minLength: min, maxLength: Math.min(max, min + SIZE_CAP) }));
}

function numberValue(schema: z.ZodType, def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let integer = false;
  for (const check of checks) {
    if (check.check === 'number_format') integer = check.format === 'safeint' || check.format === 'int32';
  }
  for (const check of checks) {
    if (check.check === 'greater_than' && check.value !== undefined) {
      min = Math.max(min, check.inclusive ? check.value : check.value + (integer ? 1 : Number.EPSILON));
    }
    if (check.check === 'less_than' && check.value !== undefined) {
      max = Math.min(max, check.inclusive ? check.value : check.value - (integer ? 1 : Number.EPSILON));
    }
  }
  if (integer) return acceptedBy(schema, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
  // JSON turns -0 into 0; the contract has no use for the difference.
  const double = fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
  return acceptedBy(schema, double);
}

/**
 * `base` kept to the values `schema` accepts. Unlike fast-check's own filter it gives up
 * after MAX_TRIES with a message naming what to do, instead of spinning forever.
 */
export function acceptedBy<T>(schema: z.ZodType, base: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new AcceptedArbitrary(base, (value) => schema.safeParse(value).success, schema);
}

class AcceptedArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly base: fc.Arbitrary<T>,
    private readonly accept: (value: unknown) => boolean,
    private readonly schema: z.ZodType,
  ) {
    super();
  }

  generate(mrng: Parameters<fc.Arbitrary<T>['generate']>[0], biasFactor: number | undefined): fc.Value<T> {
    let last: unknown;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const candidate = this.base.generate(mrng, biasFactor);
      if (this.accept(candidate.value)) return candidate;
      last = candidate.value;
    }
    const issue = this.schema.safeParse(last).error?.issues[0];
    const where = issue ? `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}` : 'rejected';
    throw new Error(
      `zod-arbitrary: ${MAX_TRIES} generated values in a row fail a ${defOf(this.schema).type} schema's own checks ` +
        `(last one: ${where}). Its refinements are too strict for random values: add a targeted arbitrary for it ` +
        'in tests/unit/contract/domain-arbitraries.ts.',
    );
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.base.canShrinkWithoutContext(value) && this.accept(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.base.shrink(value, context).filter((candidate) => this.accept(candidate.value));
  }
}

/**
 * A recursive schema's values, its arbitrary built on first use (while being built it
 * reaches itself again). Recursion ends through unions (UNION_DEPTH); a schema that
 * recurses only through objects and arrays would not end, so that fails with a message.
 */
const LAZY_DEPTH = 40;
let lazyDepth = 0;

class LazyArbitrary extends fc.Arbitrary<unknown> {
  private inner: fc.Arbitrary<unknown> | undefined;

  constructor(private readonly getter: () => z.ZodType) {
    super();
  }

  private arbitrary(): fc.Arbitrary<unknown> {
    this.inner ??= validValue(this.getter());
    return this.inner;
  }

  generate(mrng: Parameters<fc.Arbitrary<unknown>['generate']>[0], biasFactor: number | undefined): fc.Value<unknown> {
    if (lazyDepth >= LAZY_DEPTH) {
      throw new Error(
        `zod-arbitrary: a recursive z.lazy schema nests past ${LAZY_DEPTH} levels; it recurses without a union to end it: ` +
          'add a targeted arbitrary for it in tests/unit/contract/domain-arbitraries.ts.',
      );
    }
    lazyDepth++;
    try {
      return this.arbitrary().generate(mrng, biasFactor);
    } finally {
      lazyDepth--;
    }
  }

  canShrinkWithoutContext(value: unknown): value is unknown {
    return this.arbitrary().canShrinkWithoutContext(value);
  }

  shrink(value: unknown, context: unknown): fc.Stream<fc.Value<unknown>> {
    return this.arbitrary().shrink(value, context);
  }
}

/** Any value at all that the schema rejects. */
export function invalidValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc
    .anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true })
    .filter((value) => !schema.safeParse(value).success);
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
    .chain(([valid, field]) =>
      invalidValue(shape[field] as z.ZodType).map((bad) => ({ value: { ...valid, [field]: bad }, field })),
    );
}

/** One valid value, deterministic: fixtures that follow the contract as it changes. */
export function sampleValid<S extends z.ZodType>(schema: S): z.output<S> {
  return schema.parse(fc.sample(validValue(schema), { numRuns: 1, seed: 42 })[0]);
}
