/**
 * The declaration model check without zod's bookkeeping, for the import hot path.
 *
 * `acceptDeclaration(input)` returns exactly what `Declaration.safeParse(input).data`
 * would (strings trimmed, defaults filled in, unknown keys dropped, keys in schema
 * order, totals derived) when the input passes EVERY rule of the schema, and
 * `undefined` otherwise. It never decides a failure: on `undefined` the caller runs
 * the zod schema, which stays the single source of the error messages and paths.
 * So a rule missing here could only let a bad declaration through, never change an
 * error: `tests/unit/declarations/accept-declaration.test.ts` compares both on
 * random and mutated inputs, and checks that the schema's fields are the ones
 * mirrored here, so a schema change without this file's fails the tests.
 *
 * Why: zod builds an issue list, a context and a result object per field; for a
 * CUSDEC interchange the check was slower than reading the EDIFACT itself.
 */
import {
  Declaration,
  declarationTotals,
  OFFICE_PATTERN,
  TYPE_CODE_PATTERN,
  type DeclarationInput,
} from '../../../preload/schemas/declarations';
import { IsoTime } from '../../../preload/schemas/common';
import { isCountryCode } from '../../../preload/schemas/validators/country-code';
import { isCurrencyCode } from '../../../preload/schemas/validators/currency-code';
import { isHsCode } from '../../../preload/schemas/validators/hs-code';
import { isValidContainerId } from '../../../preload/schemas/validators/iso6346';
import { isUnLocode } from '../../../preload/schemas/validators/unlocode';

type Out = Record<string, unknown>;
type Item = Declaration['goodsItems'][number];

/** Thrown inside the walk to abandon it; never leaves this module. */
const REJECTED = Symbol('rejected');
const no = (): never => {
  throw REJECTED;
};

/** The very pattern the schema's IsoTime tests (zod always sets it for ISO date-times). */
const ISO_TIME: RegExp =
  IsoTime._zod.def.pattern ??
  (() => {
    throw new Error('IsoTime has no pattern: the fast declaration check cannot mirror it');
  })();

const isObject = (v: unknown): v is Out => typeof v === 'object' && v !== null && !Array.isArray(v);

/** z.string().trim().min(1).max(max) */
function text(v: unknown, max: number): string {
  if (typeof v !== 'string') return no();
  const t = v.trim();
  if (t.length < 1 || t.length > max) return no();
  return t;
}

function pattern(v: unknown, re: RegExp): string {
  if (typeof v !== 'string') return no();
  re.lastIndex = 0;
  return re.test(v) ? v : no();
}

const code = (v: unknown, valid: (s: string) => boolean): string => (typeof v === 'string' && valid(v) ? v : no());

/** z.number(): a finite number (zod 4 refuses NaN and ±Infinity). */
function finite(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : no();
}

/** z.number().int(): a safe integer. */
function int(v: unknown): number {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : no();
}

function array(v: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(v) || v.length < min || v.length > max) return no();
  return v;
}

function bool(v: unknown): boolean {
  if (v === undefined) return false;
  return typeof v === 'boolean' ? v : no();
}

/** An optional key: absent stays absent, present-but-undefined stays undefined (as zod's object parser does). */
function optional<T>(into: Out, from: Out, key: string, read: (v: unknown) => T): void {
  const v = from[key];
  if (v === undefined) {
    if (key in from) into[key] = undefined;
  } else into[key] = read(v);
}

function party(v: unknown, idRequired: boolean): Out {
  if (!isObject(v)) return no();
  const out: Out = {};
  if (idRequired) out.id = text(v.id, 35);
  else optional(out, v, 'id', (x) => text(x, 35));
  out.name = text(v.name, 140);
  optional(out, v, 'country', (x) => code(x, isCountryCode));
  return out;
}

function transport(v: unknown): Out {
  if (!isObject(v)) return no();
  const mode = v.mode;
  if (mode !== 'sea' && mode !== 'rail' && mode !== 'road' && mode !== 'air') return no();
  const out: Out = { mode };
  optional(out, v, 'meansId', (x) => text(x, 35));
  optional(out, v, 'vehiclePlate', (x) => text(x, 20));
  optional(out, v, 'borderTransportMeans', (x) => {
    if (!isObject(x)) return no();
    const means: Out = {};
    optional(means, x, 'name', (y) => text(y, 70));
    optional(means, x, 'nationality', (y) => code(y, isCountryCode));
    return means;
  });
  out.routeCountries = v.routeCountries === undefined ? [] : array(v.routeCountries, 0, 99).map((c) => code(c, isCountryCode));
  return out;
}

function container(v: unknown): Out {
  if (!isObject(v)) return no();
  const out: Out = { id: code(v.id, isValidContainerId) };
  optional(out, v, 'seal', (x) => text(x, 35));
  return out;
}

function amount(v: unknown): Out {
  if (!isObject(v)) return no();
  const value = finite(v.amount);
  if (value < 0) return no();
  return { amount: value, currency: code(v.currency, isCurrencyCode) };
}

function goodsItem(v: unknown): Out {
  if (!isObject(v)) return no();
  const sequence = int(v.sequence);
  if (sequence < 1 || sequence > 9999) return no();
  const out: Out = {
    sequence,
    description: text(v.description, 512),
    hsCode: code(v.hsCode, isHsCode),
    originCountry: code(v.originCountry, isCountryCode),
  };
  const gross = finite(v.grossMassKg);
  if (gross <= 0) return no();
  out.grossMassKg = gross;
  optional(out, v, 'netMassKg', (x) => {
    const net = finite(x);
    return net > 0 && net <= gross ? net : no();
  });
  out.customsValue = amount(v.customsValue);
  optional(out, v, 'packages', (x) => (int(x) >= 0 ? x : no()));
  optional(out, v, 'containerIds', (x) => array(x, 0, Number.POSITIVE_INFINITY).map((id) => code(id, isValidContainerId)));
  return out;
}

function flags(v: unknown): Out {
  if (v === undefined) return { perishable: false, expedited: false, aeo: false };
  if (!isObject(v)) return no();
  return { perishable: bool(v.perishable), expedited: bool(v.expedited), aeo: bool(v.aeo) };
}

function document(v: unknown): Out {
  if (!isObject(v)) return no();
  return { type: text(v.type, 8), reference: text(v.reference, 70) };
}

function walk(v: unknown): DeclarationInput & Pick<Declaration, 'containers' | 'goodsItems'> {
  if (!isObject(v)) return no();
  const out: Out = {
    functionalReferenceId: text(v.functionalReferenceId, 35),
    typeCode: pattern(v.typeCode, TYPE_CODE_PATTERN),
    office: pattern(v.office, OFFICE_PATTERN),
    lodgementTime: pattern(v.lodgementTime, ISO_TIME),
  };
  optional(out, v, 'arrivalTime', (x) => pattern(x, ISO_TIME));
  out.declarant = party(v.declarant, true);
  optional(out, v, 'exporter', (x) => party(x, false));
  optional(out, v, 'importer', (x) => party(x, false));
  const means = transport(v.transport);
  out.transport = means;
  optional(out, v, 'loadingLocation', (x) => code(x, isUnLocode));
  optional(out, v, 'unloadingLocation', (x) => code(x, isUnLocode));
  const containers = v.containers === undefined ? [] : array(v.containers, 0, 999).map(container);
  out.containers = containers;
  const items = array(v.goodsItems, 1, 999).map(goodsItem);
  out.goodsItems = items;
  out.flags = flags(v.flags);
  out.documents = v.documents === undefined ? [] : array(v.documents, 0, 99).map(document);

  // The schema's cross-field rules (superRefine), over the checked values.
  if (means.mode === 'road' && !means.vehiclePlate) return no();
  const sequences = new Set<unknown>();
  for (const item of items) {
    if (sequences.has(item.sequence)) return no();
    sequences.add(item.sequence);
  }
  const declared = new Set(containers.map((c) => c.id));
  if (declared.size !== containers.length) return no();
  for (const item of items) {
    const ids = item.containerIds as string[] | undefined;
    if (ids) for (const id of ids) if (!declared.has(id)) return no();
  }
  return out as unknown as DeclarationInput & Pick<Declaration, 'containers' | 'goodsItems'>;
}

/** `Declaration.safeParse(input).data` when the input is valid, else undefined (run the schema for the error). */
export function acceptDeclaration(input: unknown): Declaration | undefined {
  let d;
  try {
    d = walk(input);
  } catch (e) {
    if (e === REJECTED) return undefined;
    throw e;
  }
  return { ...d, totals: declarationTotals(d.goodsItems as Item[]) } as Declaration;
}

/** The fields mirrored above, per object, in schema order; the unit test compares them with the schema. */
export const MIRRORED_FIELDS = {
  declaration: ['functionalReferenceId', 'typeCode', 'office', 'lodgementTime', 'arrivalTime', 'declarant', 'exporter', 'importer', 'transport', 'loadingLocation', 'unloadingLocation', 'containers', 'goodsItems', 'flags', 'documents'],
  party: ['id', 'name', 'country'],
  transport: ['mode', 'meansId', 'vehiclePlate', 'borderTransportMeans', 'routeCountries'],
  borderTransportMeans: ['name', 'nationality'],
  container: ['id', 'seal'],
  goodsItem: ['sequence', 'description', 'hsCode', 'originCountry', 'grossMassKg', 'netMassKg', 'customsValue', 'packages', 'containerIds'],
  amount: ['amount', 'currency'],
  flags: ['perishable', 'expedited', 'aeo'],
  document: ['type', 'reference'],
} as const;
