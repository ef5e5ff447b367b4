/**
 * The rule between errors and warnings, shared by the profile readers. A reader
 * collects what the message says into a loose draft; settling turns it into a
 * declaration. Only what makes a declaration impossible to assess is an error
 * (no declaration number, no goods items, no HS code, no mass or value for an item,
 * no transport mode, no declarant at all, unreadable numbers); a missing optional
 * element, an unknown code or a value outside Clearway's lists becomes a warning,
 * and where the model needs a value a stated stand-in is used (the office assigned
 * on receipt, origin ZZ "unknown", the time of receipt).
 */
import {
  Declaration,
  declarationTotals,
  type DeclarationTotals,
  type Party,
  type TransportMode,
} from '../../../../preload/contract/schemas/declarations';
import { isCountryCode } from '../../../../preload/contract/schemas/validators/country-code';
import { isCurrencyCode } from '../../../../preload/contract/schemas/validators/currency-code';
import { isHsCode } from '../../../../preload/contract/schemas/validators/hs-code';
import { isValidContainerId, normalizeContainerId } from '../../../../preload/contract/schemas/validators/iso6346';
import { isUnLocode } from '../../../../preload/contract/schemas/validators/unlocode';

/** Where a warning or error is in the message: an EDIFACT segment (1-based, UNH = 1) or an XML path. */
export interface Place {
  segmentNumber?: number;
  segmentTag?: string;
  path?: string;
}

export interface ImportWarning extends Place {
  message: string;
}

export interface LooseParty {
  id?: string;
  name?: string;
  country?: string;
  at?: Place;
}

export interface LooseItem {
  sequence?: number;
  hsCode?: string;
  description?: string;
  originCountry?: string;
  grossMassKg?: number;
  netMassKg?: number;
  amount?: number;
  currency?: string;
  packages?: number;
  containerIds: string[];
  at: Place;
}

export interface LooseDraft {
  number?: string;
  /** CUSDEC BGM 1225 / WCO FunctionCode as sent; the model refuses codes Clearway does not act on. */
  functionCode?: string;
  typeCode?: string;
  /** The code the declaration type was read from, for the warning when it maps to nothing. */
  typeSource?: string;
  procedure?: string;
  office?: string;
  lodgementTime?: string;
  arrivalTime?: string;
  declarant?: LooseParty;
  exporter?: LooseParty;
  importer?: LooseParty;
  consignee?: LooseParty;
  transport?: {
    mode?: TransportMode;
    modeCode?: string;
    meansId?: string;
    name?: string;
    nationality?: string;
    routeCountries: string[];
    at?: Place;
  };
  loadingLocation?: string;
  unloadingLocation?: string;
  containers: { id: string; seal?: string; at?: Place }[];
  items: LooseItem[];
  flags: { perishable: boolean; expedited: boolean; aeo: boolean };
  documents: { type: string; reference: string }[];
  /** The message's reference currency (CUX), for amounts that name none. */
  currency?: string;
  declared: { goodsItemCount?: number; grossMassKg?: number; value?: { amount: number; currency?: string }[] };
}

export function emptyDraft(): LooseDraft {
  return { containers: [], items: [], flags: { perishable: false, expedited: false, aeo: false }, documents: [], declared: {} };
}

/** Facts the profile readers find that Clearway's declaration model has no field for yet. */
export interface ProfiledFacts {
  procedure?: string;
  consignee?: Party;
  /** The office was not in the message: the receiving workstation's office was assigned on receipt. */
  officeAssignedOnReceipt: boolean;
  /** Totals as the message declares them (header or summary), when it does. */
  declaredTotals?: { goodsItemCount?: number; grossMassKg?: number; value?: { amount: number; currency?: string }[] };
  totals: DeclarationTotals;
}

export class ProfileReadError extends Error {
  constructor(
    message: string,
    readonly place: Place = {},
  ) {
    super(message);
  }
}

export interface SettleContext {
  /** The workstation's office, when the profile assigns it on receipt. */
  office?: string;
  officeFromSettings: boolean;
  defaultTypeCode?: string;
  /** UNB 0004, when the profile lets the interchange sender stand for a missing declarant. */
  sender?: string;
  receivedAt: string;
}

const ORIGIN_UNKNOWN = 'ZZ';
/** The office of a declaration that names none, received where no office is set. */
export const OFFICE_UNASSIGNED = 'UNASSIGNED';

function clip(
  value: string | undefined,
  max: number,
  what: string,
  warn: (m: string, at?: Place) => void,
  at?: Place,
): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v.length <= max) return v;
  warn(`${what} is longer than ${max} characters; the rest is kept in the raw message`, at);
  return v.slice(0, max);
}

function settleParty(p: LooseParty | undefined, what: string, warn: (m: string, at?: Place) => void): Party | undefined {
  if (!p) return undefined;
  const out: Party = {};
  const name = clip(p.name, 140, `${what} name`, warn, p.at);
  const id = clip(p.id, 35, `${what} identification`, warn, p.at);
  if (name) out.name = name;
  if (id) out.id = id;
  if (p.country) {
    if (isCountryCode(p.country)) out.country = p.country;
    else warn(`${what} country "${p.country}" is not an ISO 3166 code; left out`, p.at);
  }
  if (!out.id && !out.name) {
    warn(`${what} has neither identification nor name; left out`, p.at);
    return undefined;
  }
  return out;
}

/** Turns a loose draft into a declaration plus warnings, or throws ProfileReadError. */
export function settle(
  draft: LooseDraft,
  ctx: SettleContext,
  warnings: ImportWarning[],
): { declaration: Declaration; facts: ProfiledFacts } {
  const warn = (message: string, at: Place = {}) => warnings.push({ ...at, message });
  const number = clip(draft.number, 35, 'declaration number', warn);
  if (!number) throw new ProfileReadError('the message has no declaration number');
  if (draft.items.length === 0) throw new ProfileReadError('the declaration has no goods items');

  let typeCode = draft.typeCode;
  if (!typeCode || !/^[A-Z0-9]{1,3}$/.test(typeCode)) {
    const stated = typeCode ?? draft.typeSource;
    if (ctx.defaultTypeCode) {
      typeCode = ctx.defaultTypeCode;
      warn(`declaration type ${stated ? `"${stated}" is not in the profile's list` : 'is not given'}; taken as ${typeCode}`);
    } else if (stated && /^[A-Z0-9]{1,3}$/.test(stated)) {
      typeCode = stated;
      warn(`declaration type "${stated}" is not in the profile's list; kept as sent`);
    } else {
      throw new ProfileReadError(
        stated
          ? `declaration type "${stated}" is not in the profile's list and has no Clearway equivalent`
          : 'the message gives no declaration type',
      );
    }
  }

  let officeAssignedOnReceipt = false;
  let office = draft.office?.trim().toUpperCase();
  if (office && !/^[A-Z0-9]{2,17}$/.test(office)) {
    warn(`customs office "${draft.office}" is not an office code`);
    office = undefined;
  }
  if (!office) {
    if (!ctx.officeFromSettings) throw new ProfileReadError('no customs office in the message');
    officeAssignedOnReceipt = true;
    if (ctx.office && /^[A-Z0-9]{2,17}$/.test(ctx.office)) {
      office = ctx.office;
      warn(`no customs office in the message: office ${office} assigned on receipt`);
    } else {
      office = OFFICE_UNASSIGNED;
      const workstation = ctx.office
        ? `this workstation's office "${ctx.office}" is not an office code`
        : 'none set for this workstation';
      warn(`no customs office in the message and ${workstation}: shown as ${OFFICE_UNASSIGNED} until one is assigned`);
    }
  }

  let lodgementTime = draft.lodgementTime;
  if (!lodgementTime) {
    lodgementTime = ctx.receivedAt;
    warn(`no lodgement date/time: the time of receipt ${lodgementTime} stands for it`);
  }

  const exporter = settleParty(draft.exporter, 'exporter', warn);
  const importer = settleParty(draft.importer, 'importer', warn);
  const consignee = settleParty(draft.consignee, 'consignee', warn);
  let declarant = settleParty(draft.declarant, 'declarant', warn);
  if (declarant && !declarant.id) {
    if (ctx.sender) {
      warn(`the declarant has no identification: the interchange sender ${ctx.sender} stands for it`, draft.declarant?.at);
      declarant = { ...declarant, id: ctx.sender };
    } else throw new ProfileReadError('the declarant has no identification', draft.declarant?.at ?? {});
  }
  if (!declarant) {
    if (ctx.sender) {
      declarant = { id: ctx.sender };
      warn(`no declarant in the message: the interchange sender ${ctx.sender} stands for it`);
    } else {
      const stand = typeCode.startsWith('EX') ? (exporter?.id ? exporter : importer) : importer?.id ? importer : exporter;
      if (!stand?.id) throw new ProfileReadError('the message names no declarant');
      declarant = { ...stand };
      warn(`no declarant in the message: the ${stand === exporter ? 'exporter' : 'importer'} ${stand.id} stands for it`);
    }
  }

  const t = draft.transport;
  if (!t) throw new ProfileReadError('the message gives no transport means (mode of transport at the border)');
  if (!t.mode) throw new ProfileReadError(`transport mode "${t.modeCode ?? ''}" is not in the profile's list`, t.at ?? {});
  const transport: Declaration['transport'] = { mode: t.mode, routeCountries: [] };
  const meansId = clip(
    t.meansId,
    t.mode === 'road' ? 20 : 35,
    t.mode === 'road' ? 'vehicle plate' : 'transport means identification',
    warn,
    t.at,
  );
  if (meansId && t.mode === 'road') transport.vehiclePlate = meansId;
  else if (meansId) transport.meansId = meansId;
  if (t.mode === 'road' && !meansId) throw new ProfileReadError('road transport without the vehicle plate', t.at ?? {});
  const means: { name?: string; nationality?: string } = {};
  const meansName = clip(t.name, 70, 'transport means name', warn, t.at);
  if (meansName) means.name = meansName;
  if (t.nationality) {
    if (isCountryCode(t.nationality)) means.nationality = t.nationality;
    else warn(`transport means nationality "${t.nationality}" is not an ISO 3166 code; left out`, t.at);
  }
  if (means.name || means.nationality) transport.borderTransportMeans = means;
  for (const c of t.routeCountries) {
    if (isCountryCode(c)) transport.routeCountries.push(c);
    else warn(`routing country "${c}" is not an ISO 3166 code; left out`, t.at);
  }

  const location = (code: string | undefined, what: string): string | undefined => {
    if (!code) return undefined;
    const v = code.replace(/\s+/g, '').toUpperCase();
    if (isUnLocode(v)) return v;
    warn(`${what} "${code}" is not a UN/LOCODE; kept only in the raw message`);
    return undefined;
  };
  const loadingLocation = location(draft.loadingLocation, 'place of loading');
  const unloadingLocation = location(draft.unloadingLocation, 'place of discharge');
  if (!draft.loadingLocation) warn('no place of loading');
  if (!draft.unloadingLocation) warn('no place of discharge');
  if (!draft.exporter) warn('no exporter (consignor)');
  if (!draft.importer && !draft.consignee) warn('no importer or consignee');

  const containers: { id: string; seal?: string }[] = [];
  for (const c of draft.containers) {
    const id = normalizeContainerId(c.id);
    if (!isValidContainerId(id)) {
      warn(`container "${c.id}" is not an ISO 6346 number with a valid check digit; left out`, c.at);
      continue;
    }
    const seen = containers.find((x) => x.id === id);
    if (seen) {
      if (c.seal) seen.seal = seen.seal ? `${seen.seal} ${c.seal}` : c.seal;
      continue;
    }
    const seal = clip(c.seal, 35, 'seal', warn, c.at);
    containers.push(seal ? { id, seal } : { id });
  }
  const declaredIds = new Set(containers.map((c) => c.id));

  const usedSequences = new Set<number>();
  const goodsItems = draft.items.map((g, i) => {
    const label = `goods item ${g.sequence ?? i + 1}`;
    let hsRaw = g.hsCode?.replace(/[\s.]/g, '');
    if (!hsRaw) throw new ProfileReadError(`${label} has no HS code`, g.at);
    if (/^\d{11,14}$/.test(hsRaw)) {
      // National additional digits past the 10 of a tariff code (e.g. China's inspection code, TARIC additional codes).
      warn(
        `${label} commodity code ${hsRaw} has national digits past the tenth; ${hsRaw.slice(0, 10)} is kept as the HS code`,
        g.at,
      );
      hsRaw = hsRaw.slice(0, 10);
    }
    if (!isHsCode(hsRaw)) throw new ProfileReadError(`${label}: "${g.hsCode}" is not an HS code of 6 to 10 digits`, g.at);
    let sequence = g.sequence;
    if (sequence === undefined || !Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
      sequence = i + 1;
      warn(`${label} has no usable item number; numbered ${sequence} by position`, g.at);
    }
    if (usedSequences.has(sequence)) throw new ProfileReadError(`goods item number ${sequence} is used twice`, g.at);
    usedSequences.add(sequence);
    let description = clip(g.description, 512, `${label} description`, warn, g.at);
    if (!description) {
      description = `HS ${hsRaw}`;
      warn(`${label} has no goods description; shown as "${description}"`, g.at);
    }
    let originCountry = g.originCountry?.trim().toUpperCase();
    if (!originCountry || !isCountryCode(originCountry)) {
      warn(
        originCountry
          ? `${label} origin "${g.originCountry}" is not an ISO 3166 code; shown as ZZ (unknown)`
          : `${label} has no country of origin; shown as ZZ (unknown)`,
        g.at,
      );
      originCountry = ORIGIN_UNKNOWN;
    }
    let gross = g.grossMassKg;
    let net = g.netMassKg;
    if (net !== undefined && !(net > 0)) {
      warn(`${label} net mass ${net} is not positive; left out`, g.at);
      net = undefined;
    }
    if (gross === undefined || !(gross > 0)) {
      if (net === undefined) throw new ProfileReadError(`${label} has no gross or net mass`, g.at);
      warn(`${label} has no gross mass: its net mass ${net} kg stands for it`, g.at);
      gross = net;
    }
    if (net !== undefined && net > gross) {
      warn(`${label} net mass ${net} kg exceeds its gross mass ${gross} kg; net mass left out`, g.at);
      net = undefined;
    }
    if (g.amount === undefined) throw new ProfileReadError(`${label} has no customs value`, g.at);
    if (!(g.amount >= 0) || !Number.isFinite(g.amount))
      throw new ProfileReadError(`${label} customs value ${g.amount} is not a usable amount`, g.at);
    const currency = (g.currency || draft.currency)?.toUpperCase();
    if (!currency)
      throw new ProfileReadError(`${label} value has no currency, and the message sets no reference currency (CUX)`, g.at);
    if (!isCurrencyCode(currency)) throw new ProfileReadError(`${label} currency "${currency}" is not an ISO 4217 code`, g.at);
    const containerIds: string[] = [];
    for (const raw of g.containerIds) {
      const id = normalizeContainerId(raw);
      if (declaredIds.has(id)) {
        if (!containerIds.includes(id)) containerIds.push(id);
      } else warn(`${label} refers to container ${raw}, which the declaration does not list; link left out`, g.at);
    }
    const item: Declaration['goodsItems'][number] = {
      sequence,
      description,
      hsCode: hsRaw,
      originCountry,
      grossMassKg: gross,
      customsValue: { amount: g.amount, currency },
    };
    if (net !== undefined) item.netMassKg = net;
    if (g.packages !== undefined) {
      if (Number.isInteger(g.packages) && g.packages >= 0) item.packages = g.packages;
      else warn(`${label} package count ${g.packages} is not a whole number; left out`, g.at);
    }
    if (containerIds.length) item.containerIds = containerIds;
    return item;
  });

  const documents = draft.documents.flatMap((d) => {
    const type = clip(d.type, 8, 'document type', warn);
    const reference = clip(d.reference, 70, 'document reference', warn);
    if (type && reference) return [{ type, reference }];
    warn(`document ${d.type || '?'} ${d.reference || '?'} lacks its type or reference; left out`);
    return [];
  });

  const arrivalTime = draft.arrivalTime;
  const input = {
    functionalReferenceId: number,
    // An original is a declaration without a message function (as the JSON format has it).
    ...(draft.functionCode && draft.functionCode !== '9' ? { functionCode: draft.functionCode } : {}),
    typeCode,
    office,
    lodgementTime,
    ...(arrivalTime ? { arrivalTime } : {}),
    declarant,
    ...(exporter ? { exporter } : {}),
    ...(importer ? { importer } : {}),
    transport,
    ...(loadingLocation ? { loadingLocation } : {}),
    ...(unloadingLocation ? { unloadingLocation } : {}),
    containers,
    goodsItems:
      goodsItems.length > 999
        ? (warn(`${goodsItems.length} goods items; Clearway keeps the first 999`), goodsItems.slice(0, 999))
        : goodsItems,
    flags: draft.flags,
    documents: documents.slice(0, 99),
    ...(draft.procedure ? { procedure: clip(draft.procedure, 35, 'procedure code', warn) } : {}),
    ...(consignee ? { consignee } : {}),
  };
  const parsed = Declaration.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProfileReadError(`${issue.path.join('.') || 'declaration'}: ${issue.message}`);
  }
  const declaration = parsed.data;
  const totals = declarationTotals(declaration.goodsItems);
  crossCheck(draft.declared, totals, draft.currency, warn);
  const facts: ProfiledFacts = { officeAssignedOnReceipt, totals };
  if (draft.procedure) facts.procedure = draft.procedure;
  if (consignee) facts.consignee = consignee;
  if (draft.declared.goodsItemCount !== undefined || draft.declared.grossMassKg !== undefined || draft.declared.value?.length)
    facts.declaredTotals = draft.declared;
  return { declaration, facts };
}

/** Declared totals against the sums of the items: a difference is a warning for the officer, not a reject. */
function crossCheck(
  declared: LooseDraft['declared'],
  totals: DeclarationTotals,
  reference: string | undefined,
  warn: (m: string) => void,
): void {
  if (declared.goodsItemCount !== undefined && declared.goodsItemCount !== totals.goodsItemCount) {
    warn(`the message declares ${declared.goodsItemCount} goods items but lists ${totals.goodsItemCount}`);
  }
  if (
    declared.grossMassKg !== undefined &&
    Math.abs(declared.grossMassKg - totals.grossMassKg) > Math.max(0.001, totals.grossMassKg * 0.0005)
  ) {
    warn(`the declared total gross mass ${declared.grossMassKg} kg differs from the items' ${totals.grossMassKg} kg`);
  }
  for (const v of declared.value ?? []) {
    const currency = (v.currency || reference)?.toUpperCase();
    const sum = totals.customsValue.find((c) => c.currency === currency);
    if (!sum) {
      warn(`the declared total ${v.amount}${currency ? ` ${currency}` : ''} has no item values in that currency to compare with`);
    } else if (Math.abs(sum.amount - v.amount) > 0.005) {
      warn(`the declared total value ${v.amount} ${currency} differs from the items' ${sum.amount} ${currency}`);
    }
  }
}
