/**
 * Maps one enveloped CUSDEC message (UNH…UNT, directory D96B or later) onto the
 * declaration model. Header segments describe the declaration, each goods item
 * starts at its CST in the detail section (after UNS+D) and owns the segments up
 * to the next CST, so repeated sibling groups cannot bleed into one another.
 * Segments the model does not use are skipped; every used value is checked, and
 * a failure names the segment that carried it.
 */
import { z } from 'zod';
import { Declaration, type DeclarationInput } from '../../../../preload/contract/schemas/declarations';
import type { EdifactMessage } from '../edifact/interchange-reader';
import { component, componentIn, componentIs, joinedComponents, type Segment } from '../edifact/segment';
import { parseDecimal, parseDtm, parseInteger } from '../edifact/values';
import { normalizeContainerId } from '../../../../preload/contract/schemas/validators/iso6346';
import * as C from './codes';
import { CusdecError } from './cusdec-error';
import { acceptDeclaration } from '../accept-declaration';

// Read once: the code lists are consulted for every segment.
const {
  DTM,
  EQUIPMENT_CONTAINER,
  FLAG,
  FTX_GOODS_DESCRIPTION,
  LOC,
  MASS_UNIT_KG,
  MEA,
  MOA,
  PARTY,
  RFF_CONTAINER,
  TRANSPORT_MODE,
  TRANSPORT_MODE_LIST,
  TRANSPORT_STAGE_AT_BORDER,
} = C;

type Item = DeclarationInput['goodsItems'][number];
type Party = NonNullable<DeclarationInput['exporter']>;

/** normalizeContainerId, skipped for the usual id that is already capitals and digits only. */
function containerIdOf(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return normalizeContainerId(raw);
  }
  return raw;
}

/** The last directory checked: an interchange's messages almost always share one. */
let lastDirectory = { version: '', release: '', supported: false };

/** Directories before D96B are refused: the segment layout differs. */
export function isSupportedDirectory(version: string, release: string): boolean {
  if (version === lastDirectory.version && release === lastDirectory.release) return lastDirectory.supported;
  const supported = isSupportedRelease(version, release);
  lastDirectory = { version, release, supported };
  return supported;
}

function isSupportedRelease(version: string, release: string): boolean {
  const m = /^(\d{2})([A-Z])$/.exec(release);
  if (version !== 'D' || !m) return false;
  const yy = Number(m[1]);
  const year = yy >= 90 ? 1900 + yy : 2000 + yy;
  return year > 1996 || (year === 1996 && m[2]! >= 'B');
}

export function readCusdec(message: EdifactMessage): Declaration {
  if (message.type !== 'CUSDEC') throw new CusdecError(1, 'UNH', `message type ${message.type || '(none)'} is not CUSDEC`);
  if (!isSupportedDirectory(message.version, message.release)) {
    throw new CusdecError(1, 'UNH', `directory ${message.version}:${message.release} is not supported (D96B and later)`);
  }
  const draft = mapSegments(message.segments, null);
  // The fast check accepts what the schema accepts; anything else goes to zod for its error.
  const accepted = acceptDeclaration(draft);
  if (accepted) return accepted;
  const parsed = Declaration.safeParse(draft);
  if (parsed.success) return parsed.data;
  // Only a failure needs to know which segment supplied each field: map again, recording it.
  const provenance = new Map<string, number>();
  mapSegments(message.segments, provenance);
  const issue = parsed.error.issues[0]!;
  const { number, tag } = locate(issue, provenance, message.segments);
  throw new CusdecError(number, tag, `${issue.path.join('.') || 'declaration'}: ${issue.message}`);
}

/** The segment that supplied the field a schema issue is about (longest recorded path prefix). */
function locate(issue: z.core.$ZodIssue, provenance: Map<string, number>, segments: Segment[]): { number: number; tag: string } {
  const path = issue.path.map(String);
  for (let n = path.length; n >= 0; n--) {
    const at = provenance.get(path.slice(0, n).join('.'));
    if (at !== undefined) return { number: at, tag: segments[at - 1]?.tag ?? '' };
  }
  return { number: 2, tag: 'BGM' };
}

interface Draft extends Omit<DeclarationInput, 'goodsItems' | 'containers' | 'documents' | 'transport' | 'flags' | 'declarant'> {
  declarant?: DeclarationInput['declarant'];
  transport?: DeclarationInput['transport'];
  goodsItems: Item[];
  containers: { id: string; seal?: string }[];
  documents: { type: string; reference: string }[];
  flags: { perishable: boolean; expedited: boolean; aeo: boolean };
}

/** Where a field came from, recorded only when `provenance` is given; `at?.(…)` skips building the path otherwise. */
type Recorder = ((path: string) => void) | null;

function mapSegments(segments: Segment[], provenance: Map<string, number> | null): Draft {
  const draft: Draft = {
    functionalReferenceId: '',
    typeCode: '',
    office: '',
    lodgementTime: '',
    goodsItems: [],
    containers: [],
    documents: [],
    flags: { perishable: false, expedited: false, aeo: false },
  };
  let section: 'header' | 'detail' | 'summary' = 'header';
  let item: Item | null = null;
  let itemValueQualifier = '';
  const routeCountries: string[] = [];
  const stage = { atBorder: false };

  // Closures are made once per message, not per segment: they sit on the hot path.
  let n = 0;
  let seg = segments[0]!;
  const fail = (reason: string): never => {
    throw new CusdecError(n, seg.tag, reason);
  };
  const at: Recorder = provenance ? (path: string) => provenance.set(path, n) : null;
  const preferValue = (q: string) => {
    const better = q === MOA.customsValue || itemValueQualifier === '';
    if (better) itemValueQualifier = q;
    return better;
  };
  for (let i = 1; i < segments.length - 1; i++) {
    seg = segments[i]!;
    n = i + 1; // 1-based within the message, UNH = 1
    try {
      if (i === 1) {
        if (seg.tag !== 'BGM') fail(`expected BGM as the second segment, found ${seg.tag}`);
        draft.functionalReferenceId = component(seg, 2) || fail('BGM has no declaration number (1004)');
        draft.typeCode = componentIs(seg, 1, 0, '830') ? 'EX' : 'IM';
        // 1225 message function; absent means original, so an original stays without it.
        // The model check refuses codes Clearway does not act on.
        const fn = component(seg, 3);
        if (fn && fn !== '9') draft.functionCode = fn as DeclarationInput['functionCode'];
        at?.('functionalReferenceId');
        at?.('typeCode');
        at?.('functionCode');
        continue;
      }
      if (seg.tag === 'UNS') {
        const id = component(seg, 1);
        if (id === 'D' && section === 'header') section = 'detail';
        else if (id === 'S' && section !== 'summary') section = 'summary';
        else fail(`unexpected UNS+${id} in the ${section} section`);
        item = null;
        continue;
      }
      if (section === 'header' && seg.tag === 'CST' && !componentIs(seg, 1, 0, '')) section = 'detail'; // tolerate a missing UNS+D
      if (section === 'summary') continue;
      if (section === 'header') {
        header(seg, draft, routeCountries, stage, at, fail);
        continue;
      }
      // detail section: goods items
      if (seg.tag === 'CST') {
        const sequence = parseInteger(component(seg, 1), 'goods item number (1496)');
        const hsCode = component(seg, 2);
        if (!hsCode) fail('CST has no commodity code (C246/7361)');
        item = {
          sequence,
          hsCode,
          description: '',
          originCountry: '',
          grossMassKg: 0,
          customsValue: { amount: 0, currency: '' },
        };
        itemValueQualifier = '';
        draft.goodsItems.push(item);
        if (at) {
          const base = `goodsItems.${draft.goodsItems.length - 1}`;
          at(base);
          at(`${base}.sequence`);
          at(`${base}.hsCode`);
        }
        continue;
      }
      if (!item) {
        fail(`${seg.tag} in the detail section before the first CST goods item`);
        continue;
      }
      goodsItemSegment(seg, item, draft.goodsItems.length - 1, at, fail, preferValue);
    } catch (e) {
      if (e instanceof CusdecError) throw e;
      throw new CusdecError(n, seg.tag, (e as Error).message);
    }
  }
  if (routeCountries.length && draft.transport) draft.transport.routeCountries = routeCountries;
  if (!draft.transport) {
    provenance?.set('transport', 2);
  }
  return draft;
}

function header(
  seg: Segment,
  draft: Draft,
  routeCountries: string[],
  /** Whether the transport kept so far came from a TDT at stage 11 (at border). */
  stage: { atBorder: boolean },
  at: Recorder,
  fail: (r: string) => never,
): void {
  switch (seg.tag) {
    case 'CST': {
      const type = component(seg, 2);
      if (type) {
        draft.typeCode = type;
        at?.('typeCode');
      }
      return;
    }
    // Qualifiers are compared in place: only the values the model keeps are cut out.
    case 'LOC': {
      if (componentIs(seg, 1, 0, LOC.customsOffice)) {
        draft.office = component(seg, 2);
        at?.('office');
      } else if (componentIs(seg, 1, 0, LOC.loading)) {
        draft.loadingLocation = component(seg, 2);
        at?.('loadingLocation');
      } else if (componentIs(seg, 1, 0, LOC.unloading)) {
        draft.unloadingLocation = component(seg, 2);
        at?.('unloadingLocation');
      } else if (componentIs(seg, 1, 0, LOC.routing)) {
        routeCountries.push(component(seg, 2));
        at?.(`transport.routeCountries.${routeCountries.length - 1}`);
      }
      return;
    }
    case 'DTM': {
      if (componentIs(seg, 1, 0, DTM.lodgement)) {
        draft.lodgementTime = parseDtm(component(seg, 1, 1), component(seg, 1, 2), 'lodgement date/time (DTM 137)');
        at?.('lodgementTime');
      } else if (componentIs(seg, 1, 0, DTM.arrival)) {
        draft.arrivalTime = parseDtm(component(seg, 1, 1), component(seg, 1, 2), 'estimated arrival (DTM 132)');
        at?.('arrivalTime');
      }
      return;
    }
    case 'GIS': {
      if (componentIs(seg, 1, 0, FLAG.perishable)) draft.flags.perishable = true;
      else if (componentIs(seg, 1, 0, FLAG.expedited)) draft.flags.expedited = true;
      else if (componentIs(seg, 1, 0, FLAG.aeo)) draft.flags.aeo = true;
      return;
    }
    case 'EQD': {
      if (!componentIs(seg, 1, 0, EQUIPMENT_CONTAINER)) return;
      const id = containerIdOf(component(seg, 2));
      if (!id) fail('EQD has no container number (C237/8260)');
      draft.containers.push({ id });
      at?.(`containers.${draft.containers.length - 1}`);
      return;
    }
    case 'SEL': {
      const last = draft.containers.at(-1);
      if (!last) fail('SEL without a preceding EQD container');
      const seal = component(seg, 1);
      if (seal) last!.seal = last!.seal ? `${last!.seal} ${seal}` : seal;
      return;
    }
    case 'DOC': {
      draft.documents.push({ type: component(seg, 1), reference: component(seg, 2) });
      at?.(`documents.${draft.documents.length - 1}`);
      return;
    }
    case 'NAD':
      party(seg, draft, at, fail);
      return;
    case 'TDT': {
      // The border-crossing means is the one the risk engine and the plate rule need: a TDT at
      // stage 11 "at border" replaces any stage listed before it; otherwise the first TDT stands.
      const atBorder = componentIs(seg, 1, 0, TRANSPORT_STAGE_AT_BORDER);
      if (draft.transport && (!atBorder || stage.atBorder)) return;
      stage.atBorder = atBorder;
      const modeCode = component(seg, 3);
      const mode =
        TRANSPORT_MODE[modeCode] ?? fail(`TDT transport mode (8067) "${modeCode}" is not one of ${TRANSPORT_MODE_LIST}`);
      const id = component(seg, 8, 0);
      const name = component(seg, 8, 3);
      const nationality = component(seg, 8, 4);
      draft.transport = { mode, routeCountries: [] };
      if (id && mode === 'road') draft.transport.vehiclePlate = id;
      else if (id) draft.transport.meansId = id;
      if (name || nationality) {
        const means: { name?: string; nationality?: string } = {};
        if (name) means.name = name;
        if (nationality) means.nationality = nationality;
        draft.transport.borderTransportMeans = means;
      }
      at?.('transport');
      return;
    }
    default:
      return; // FTX, RFF, MEA, MOA, TAX, FII, PAC, CNT… carry nothing the model keeps
  }
}

function party(seg: Segment, draft: Draft, at: Recorder, fail: (r: string) => never): void {
  const role = component(seg, 1);
  const id = component(seg, 2);
  const name = joinedComponents(seg, 4) || joinedComponents(seg, 3);
  const country = component(seg, 9);
  // A party may be given by its number alone (3039 without a name in C080).
  const p: Party = {};
  if (name) p.name = name;
  if (id) p.id = id;
  if (country) p.country = country;
  if ((PARTY.declarant as readonly string[]).includes(role)) {
    if (draft.declarant) fail(`a second declarant (NAD+${role})`);
    draft.declarant = { ...p, id };
    at?.('declarant');
  } else if ((PARTY.exporter as readonly string[]).includes(role)) {
    // EX wins over CZ when both are present.
    if (!draft.exporter || role === 'EX') {
      draft.exporter = p;
      at?.('exporter');
    }
  } else if ((PARTY.importer as readonly string[]).includes(role)) {
    if (!draft.importer || role === 'IM') {
      draft.importer = p;
      at?.('importer');
    }
  }
}

const KILOGRAM = MASS_UNIT_KG.KGM!;

function massUnitFactor(unit: string, fail: (r: string) => never): number {
  return MASS_UNIT_KG[unit] ?? fail(`MEA unit "${unit}" is not a mass unit (KGM, TNE, GRM)`);
}

function goodsItemSegment(
  seg: Segment,
  item: Item,
  index: number,
  at: Recorder,
  fail: (r: string) => never,
  preferValue: (qualifier: string) => boolean,
): void {
  switch (seg.tag) {
    case 'FTX': {
      if (!componentIs(seg, 1, 0, FTX_GOODS_DESCRIPTION)) return;
      const text = joinedComponents(seg, 4);
      item.description = item.description ? `${item.description}; ${text}` : text;
      at?.(`goodsItems.${index}.description`);
      return;
    }
    case 'LOC':
      if (componentIs(seg, 1, 0, LOC.origin)) {
        item.originCountry = component(seg, 2);
        at?.(`goodsItems.${index}.originCountry`);
      }
      return;
    case 'MEA': {
      if (!componentIn(seg, 1, 0, MEA.weight)) return;
      // Most masses are in kilograms: comparing in place spares looking a freshly cut string up by name.
      const factor = componentIs(seg, 3, 0, 'KGM') ? KILOGRAM : massUnitFactor(component(seg, 3, 0), fail);
      const kg = Math.round(parseDecimal(component(seg, 3, 1), 'measured mass') * factor * 1000) / 1000;
      if (componentIn(seg, 2, 0, MEA.gross)) {
        item.grossMassKg = kg;
        at?.(`goodsItems.${index}.grossMassKg`);
      } else if (componentIn(seg, 2, 0, MEA.net)) {
        item.netMassKg = kg;
        at?.(`goodsItems.${index}.netMassKg`);
      }
      return;
    }
    case 'PAC':
      if (component(seg, 1)) {
        item.packages = parseInteger(component(seg, 1), 'number of packages (7224)');
        at?.(`goodsItems.${index}.packages`);
      }
      return;
    case 'MOA': {
      const q = componentIs(seg, 1, 0, MOA.customsValue)
        ? MOA.customsValue
        : componentIs(seg, 1, 0, MOA.itemAmount)
          ? MOA.itemAmount
          : null;
      if (q === null || !preferValue(q)) return;
      const currency = component(seg, 1, 2);
      if (!currency) fail(`MOA+${q} has no currency (6345)`);
      item.customsValue = { amount: parseDecimal(component(seg, 1, 1), 'customs value'), currency };
      at?.(`goodsItems.${index}.customsValue`);
      return;
    }
    case 'RFF':
      if (componentIs(seg, 1, 0, RFF_CONTAINER)) {
        (item.containerIds ??= []).push(containerIdOf(component(seg, 1, 1)));
        at?.(`goodsItems.${index}.containerIds.${item.containerIds.length - 1}`);
      }
      return;
    default:
      return; // TAX, NAD, DOC, GIR, PCI… per item: not part of the model
  }
}
