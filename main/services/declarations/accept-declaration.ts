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
  MESSAGE_FUNCTIONS,
  OFFICE_PATTERN,
  TransportMode,
  TYPE_CODE_PATTERN,
} from '../../../preload/contract/schemas/declarations';
import { IsoTime } from '../../../preload/contract/schemas/common';
import { isCountryCode } from '../../../preload/contract/schemas/validators/country-code';
import { isCurrencyCode } from '../../../preload/contract/schemas/validators/currency-code';
import { isHsCode } from '../../../preload/contract/schemas/validators/hs-code';
import { isValidContainerId } from '../../../preload/contract/schemas/validators/iso6346';
import { isUnLocode } from '../../../preload/contract/schemas/validators/unlocode';

type Out = Record<string, unknown>;

const TRANSPORT_MODES: ReadonlySet<string> = new Set(TransportMode.options);
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

// Optional keys below: absent stays absent, present-but-undefined stays undefined (as zod's
// object parser does). Written out per key: a shared helper with a key and a reader
// callback made every access a megamorphic keyed one.

function party(v: unknown, idRequired: boolean): Out {
  if (!isObject(v)) return no();
  const out: Out = {};
  if (idRequired || v.id !== undefined) out.id = text(v.id, 35);
  else if ('id' in v) out.id = undefined;
  if (v.name !== undefined) out.name = text(v.name, 140);
  else if ('name' in v) out.name = undefined;
  if (out.id === undefined && out.name === undefined) return no();
  if (v.country !== undefined) out.country = code(v.country, isCountryCode);
  else if ('country' in v) out.country = undefined;
  return out;
}

function transport(v: unknown): Out {
  if (!isObject(v)) return no();
  const mode = v.mode;
  if (typeof mode !== 'string' || !TRANSPORT_MODES.has(mode)) return no();
  const out: Out = { mode };
  if (v.meansId !== undefined) out.meansId = text(v.meansId, 35);
  else if ('meansId' in v) out.meansId = undefined;
  if (v.vehiclePlate !== undefined) out.vehiclePlate = text(v.vehiclePlate, 20);
  else if ('vehiclePlate' in v) out.vehiclePlate = undefined;
  if (v.borderTransportMeans !== undefined) out.borderTransportMeans = borderTransportMeans(v.borderTransportMeans);
  else if ('borderTransportMeans' in v) out.borderTransportMeans = undefined;
  out.routeCountries = v.routeCountries === undefined ? [] : array(v.routeCountries, 0, 99).map(country);
  return out;
}

function borderTransportMeans(x: unknown): Out {
  if (!isObject(x)) return no();
  const means: Out = {};
  if (x.name !== undefined) means.name = text(x.name, 70);
  else if ('name' in x) means.name = undefined;
  if (x.nationality !== undefined) means.nationality = code(x.nationality, isCountryCode);
  else if ('nationality' in x) means.nationality = undefined;
  return means;
}

function container(v: unknown): Out {
  if (!isObject(v)) return no();
  const out: Out = { id: code(v.id, isValidContainerId) };
  if (v.seal !== undefined) out.seal = text(v.seal, 35);
  else if ('seal' in v) out.seal = undefined;
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
  const net = v.netMassKg;
  if (net !== undefined) out.netMassKg = finite(net) > 0 && (net as number) <= gross ? net : no();
  else if ('netMassKg' in v) out.netMassKg = undefined;
  out.customsValue = amount(v.customsValue);
  if (v.packages !== undefined) out.packages = packages(v.packages);
  else if ('packages' in v) out.packages = undefined;
  if (v.containerIds !== undefined) out.containerIds = containerIds(v.containerIds);
  else if ('containerIds' in v) out.containerIds = undefined;
  return out;
}

const packages = (x: unknown) => (int(x) >= 0 ? x : no());
const containerIds = (x: unknown) => array(x, 0, Number.POSITIVE_INFINITY).map(containerId);
const containerId = (x: unknown) => code(x, isValidContainerId);
const country = (x: unknown) => code(x, isCountryCode);

function flags(v: unknown): Out {
  if (v === undefined) return { perishable: false, expedited: false, aeo: false };
  if (!isObject(v)) return no();
  return { perishable: bool(v.perishable), expedited: bool(v.expedited), aeo: bool(v.aeo) };
}

function document(v: unknown): Out {
  if (!isObject(v)) return no();
  return { type: text(v.type, 8), reference: text(v.reference, 70) };
}

function oneOfFunctions(v: unknown): string {
  if (typeof v !== 'string' || !(MESSAGE_FUNCTIONS as readonly string[]).includes(v)) return no();
  return v;
}

function walk(v: unknown): Out & Pick<Declaration, 'containers' | 'goodsItems'> {
  if (!isObject(v)) return no();
  const out: Out = {
    functionalReferenceId: text(v.functionalReferenceId, 35),
  };
  if (v.functionCode !== undefined) out.functionCode = oneOfFunctions(v.functionCode);
  else if ('functionCode' in v) out.functionCode = undefined;
  Object.assign(out, {
    typeCode: pattern(v.typeCode, TYPE_CODE_PATTERN),
    office: pattern(v.office, OFFICE_PATTERN),
    lodgementTime: pattern(v.lodgementTime, ISO_TIME),
  });
  if (v.arrivalTime !== undefined) out.arrivalTime = pattern(v.arrivalTime, ISO_TIME);
  else if ('arrivalTime' in v) out.arrivalTime = undefined;
  out.declarant = party(v.declarant, true);
  if (v.exporter !== undefined) out.exporter = party(v.exporter, false);
  else if ('exporter' in v) out.exporter = undefined;
  if (v.importer !== undefined) out.importer = party(v.importer, false);
  else if ('importer' in v) out.importer = undefined;
  const means = transport(v.transport);
  out.transport = means;
  if (v.loadingLocation !== undefined) out.loadingLocation = code(v.loadingLocation, isUnLocode);
  else if ('loadingLocation' in v) out.loadingLocation = undefined;
  if (v.unloadingLocation !== undefined) out.unloadingLocation = code(v.unloadingLocation, isUnLocode);
  else if ('unloadingLocation' in v) out.unloadingLocation = undefined;
  const containers = v.containers === undefined ? [] : array(v.containers, 0, 999).map(container);
  out.containers = containers;
  const items = array(v.goodsItems, 1, 999).map(goodsItem);
  out.goodsItems = items;
  out.flags = flags(v.flags);
  out.documents = v.documents === undefined ? [] : array(v.documents, 0, 99).map(document);
  if (v.procedure !== undefined) out.procedure = text(v.procedure, 35);
  else if ('procedure' in v) out.procedure = undefined;
  if (v.consignee !== undefined) out.consignee = party(v.consignee, false);
  else if ('consignee' in v) out.consignee = undefined;

  // The schema's cross-field rules (superRefine), over the checked values.
  if (means.mode === 'road' && !means.vehiclePlate) return no();
  if (hasDuplicate(items, 'sequence') || hasDuplicate(containers, 'id')) return no();
  // A Set only pays off for long container lists.
  const declared = containers.length > 64 ? new Set(containers.map((c) => c.id)) : null;
  for (const item of items) {
    const ids = item.containerIds as string[] | undefined;
    if (ids) for (const id of ids) if (declared ? !declared.has(id) : !listed(containers, id)) return no();
  }
  return out as Out & Pick<Declaration, 'containers' | 'goodsItems'>;
}

/**
 * Whether two entries share `key`'s value. The checked values are integers and strings,
 * where === is the Set's SameValueZero; a declaration's lists are short, so pairwise
 * comparison is cheaper than building a Set per declaration.
 */
function hasDuplicate(list: readonly Out[], key: string): boolean {
  if (list.length > 64) return new Set(list.map((x) => x[key])).size !== list.length;
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i]![key] === list[j]![key]) return true;
  return false;
}

/** Whether a container with this id is in a short list. */
function listed(containers: readonly Out[], id: string): boolean {
  for (let i = 0; i < containers.length; i++) if (containers[i]!.id === id) return true;
  return false;
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
  // The schema's transform spreads the parsed object and appends totals: the same keys in the same order.
  d.totals = declarationTotals(d.goodsItems as Item[]);
  return d as unknown as Declaration;
}

/** The fields mirrored above, per object, in schema order; the unit test compares them with the schema. */
export const MIRRORED_FIELDS = {
  declaration: [
    'functionalReferenceId',
    'functionCode',
    'typeCode',
    'office',
    'lodgementTime',
    'arrivalTime',
    'declarant',
    'exporter',
    'importer',
    'transport',
    'loadingLocation',
    'unloadingLocation',
    'containers',
    'goodsItems',
    'flags',
    'documents',
    'procedure',
    'consignee',
  ],
  party: ['id', 'name', 'country'],
  transport: ['mode', 'meansId', 'vehiclePlate', 'borderTransportMeans', 'routeCountries'],
  borderTransportMeans: ['name', 'nationality'],
  container: ['id', 'seal'],
  goodsItem: [
    'sequence',
    'description',
    'hsCode',
    'originCountry',
    'grossMassKg',
    'netMassKg',
    'customsValue',
    'packages',
    'containerIds',
  ],
  amount: ['amount', 'currency'],
  flags: ['perishable', 'expedited', 'aeo'],
  document: ['type', 'reference'],
} as const;
