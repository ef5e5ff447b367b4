/**
 * Reads one enveloped CUSDEC message under a (non-strict) profile: every field is
 * taken from where the profile's mapping says, codes are translated through its
 * code lists, and the loose result is settled into a declaration with warnings
 * (settle.ts has the rule). Numbers that cannot be read are errors; anything the
 * mapping does not name is left in the raw message.
 */
import type { Declaration, TransportMode } from '../../../../preload/contract/schemas/declarations';
import { MASS_UNIT_KG } from '../cusdec/codes';
import type { EdifactMessage } from '../edifact/interchange-reader';
import { component, componentIs, joinedComponents, type Segment } from '../edifact/segment';
import { parseDecimal, parseDtm, parseInteger } from '../edifact/values';
import { mapCode, type CusdecMapping, type EdifactPick, type Profile } from './profile-schema';
import {
  emptyDraft,
  ProfileReadError,
  settle,
  type ImportWarning,
  type LooseItem,
  type LooseParty,
  type ProfiledFacts,
  type SettleContext,
} from './settle';

export interface ProfiledRead {
  declaration: Declaration;
  facts: ProfiledFacts;
  warnings: ImportWarning[];
  /** How many of the message's codes (procedure, declaration type) the profile's own lists know: breaks ties between profiles. */
  recognized: number;
}

function qualifierMatches(seg: Segment, p: EdifactPick): boolean {
  if (p.qualifier === undefined) return true;
  const [e, c] = p.qualifierAt ?? [1, 0];
  if (typeof p.qualifier === 'string') return componentIs(seg, e, c, p.qualifier);
  for (const q of p.qualifier) if (componentIs(seg, e, c, q)) return true;
  return false;
}

/** The value a pick names in this segment, or undefined. */
function pick(seg: Segment, picks: readonly EdifactPick[]): string | undefined {
  for (const p of picks) {
    if (seg.tag !== p.segment || !qualifierMatches(seg, p)) continue;
    const v = component(seg, p.element, p.component ?? 0).trim();
    if (v) return v;
  }
  return undefined;
}

function oneOf(seg: Segment, e: number, c: number, codes: readonly string[]): boolean {
  for (const q of codes) if (componentIs(seg, e, c, q)) return true;
  return false;
}

export function readCusdecProfiled(
  message: EdifactMessage,
  profile: Profile,
  ctx: Omit<SettleContext, 'officeFromSettings' | 'defaultTypeCode' | 'sender'>,
): ProfiledRead {
  const m = profile.cusdec as CusdecMapping;
  if (message.type !== 'CUSDEC')
    throw new ProfileReadError(`message type ${message.type || '(none)'} is not CUSDEC`, { segmentNumber: 1, segmentTag: 'UNH' });
  const warnings: ImportWarning[] = [];
  const draft = emptyDraft();
  const segments = message.segments;
  let section: 'header' | 'detail' | 'summary' = 'header';
  let item: LooseItem | null = null;
  let itemValueRank = Infinity;
  let lastEquipment: { id: string; seal?: string } | null = null;
  let documentType: string | undefined;
  let procedure: string | undefined;
  let transportRank = Infinity;
  /** LOC+57 countries of routing, wherever they stand in the header. */
  const routeCountries: string[] = [];
  let n = 0;
  let seg = segments[0]!;
  const here = () => ({ segmentNumber: n, segmentTag: seg.tag });
  const warn = (message: string) => warnings.push({ ...here(), message });
  const number = (read: () => number): number => {
    try {
      return read();
    } catch (e) {
      throw new ProfileReadError((e as Error).message, here());
    }
  };
  const massUnit = (unit: string): number | undefined => profile.codes.massUnits[unit] ?? MASS_UNIT_KG[unit];

  for (let i = 1; i < segments.length - 1; i++) {
    seg = segments[i]!;
    n = i + 1;
    const tag = seg.tag;
    if (tag === 'UNS') {
      const id = component(seg, 1);
      if (id === 'D' && section === 'header') section = 'detail';
      else if (id === 'S') section = 'summary';
      else warn(`unexpected UNS+${id} in the ${section} section; ignored`);
      item = null;
      continue;
    }
    if (section === 'header' && tag === 'CST' && component(seg, 1) !== '') section = 'detail'; // no UNS+D
    if (
      section === 'summary' ||
      (section === 'header' && (tag === 'CNT' || (tag === 'MOA' && oneOf(seg, 1, 0, m.totals.valueMoa))))
    ) {
      if (tag === 'CNT') {
        const raw = component(seg, 1, 1);
        if (oneOf(seg, 1, 0, m.totals.itemCountCnt))
          draft.declared.goodsItemCount = number(() => parseInteger(raw, 'control total (6066)'));
        else if (oneOf(seg, 1, 0, m.totals.grossMassCnt))
          draft.declared.grossMassKg = number(() => parseDecimal(raw, 'control total (6066)'));
        else if (oneOf(seg, 1, 0, m.totals.valueCnt))
          (draft.declared.value ??= []).push({ amount: number(() => parseDecimal(raw, 'control total (6066)')) });
      } else if (tag === 'MOA' && oneOf(seg, 1, 0, m.totals.valueMoa)) {
        const amount = number(() => parseDecimal(component(seg, 1, 1), 'total amount (5004)'));
        const currency = component(seg, 1, 2);
        (draft.declared.value ??= []).push(currency ? { amount, currency } : { amount });
      }
      continue;
    }
    if (section === 'header') {
      // 1225 message function: where UN/EDIFACT puts it, whatever the profile.
      if (tag === 'BGM' && draft.functionCode === undefined) draft.functionCode = component(seg, 3) || undefined;
      if (draft.number === undefined) draft.number = pick(seg, m.number);
      if (documentType === undefined) documentType = pick(seg, m.documentType);
      if (procedure === undefined) procedure = pick(seg, m.procedure);
      if (draft.office === undefined) draft.office = pick(seg, m.office);
      if (draft.loadingLocation === undefined) draft.loadingLocation = pick(seg, m.loading);
      if (draft.unloadingLocation === undefined) draft.unloadingLocation = pick(seg, m.unloading);
      if (draft.currency === undefined) draft.currency = pick(seg, m.currency);
      switch (tag) {
        case 'DTM': {
          const lodgement = oneOf(seg, 1, 0, m.lodgementQualifiers);
          const arrival = !lodgement && oneOf(seg, 1, 0, m.arrivalQualifiers);
          if (!lodgement && !arrival) break;
          if (lodgement ? draft.lodgementTime : draft.arrivalTime) break;
          try {
            const iso = parseDtm(
              component(seg, 1, 1),
              component(seg, 1, 2),
              lodgement ? 'lodgement date/time' : 'arrival date/time',
            );
            if (lodgement) draft.lodgementTime = iso;
            else draft.arrivalTime = iso;
          } catch (e) {
            warn(`${(e as Error).message}; left out`);
          }
          break;
        }
        case 'LOC':
          if (componentIs(seg, 1, 0, '57') && component(seg, 2)) routeCountries.push(component(seg, 2));
          break;
        case 'NAD':
          party(seg, m, draft, n);
          break;
        case 'TDT': {
          const stage = component(seg, 1);
          let rank = m.transportStages.indexOf(stage);
          if (rank === -1) rank = m.transportStages.length;
          if (rank >= transportRank) break;
          transportRank = rank;
          const modeCode = component(seg, 3);
          const mode = modeCode ? (mapCode(profile.codes.transportMode, modeCode) as TransportMode | undefined) : undefined;
          draft.transport = {
            ...(mode ? { mode } : {}),
            modeCode,
            meansId: component(seg, 8, 0) || undefined,
            name: component(seg, 8, 3) || undefined,
            nationality: component(seg, 8, 4) || undefined,
            routeCountries,
            at: here(),
          };
          break;
        }
        case 'EQD': {
          if (!oneOf(seg, 1, 0, m.containerQualifiers)) {
            lastEquipment = null; // a trailer or other equipment: not a container, and its seals are not a container's
            break;
          }
          const id = component(seg, 2).trim();
          if (!id) {
            warn('EQD has no container number (C237/8260); left out');
            lastEquipment = null;
            break;
          }
          lastEquipment = { id };
          draft.containers.push({ id, at: here() });
          break;
        }
        case 'SEL': {
          const seal = component(seg, 1);
          const target = lastEquipment && draft.containers.find((c) => c.id === lastEquipment!.id);
          if (seal && target) target.seal = target.seal ? `${target.seal} ${seal}` : seal;
          break;
        }
        case 'DOC':
          draft.documents.push({ type: component(seg, 1), reference: component(seg, 2) });
          break;
        case 'MEA': {
          // A gross weight in the header is the declared total, cross-checked against the items.
          if (
            draft.declared.grossMassKg !== undefined ||
            !oneOf(seg, 1, 0, m.mass.measurement) ||
            !oneOf(seg, 2, 0, m.mass.gross)
          )
            break;
          const factor = massUnit(component(seg, 3, 0) || 'KGM');
          if (factor !== undefined)
            draft.declared.grossMassKg =
              Math.round(number(() => parseDecimal(component(seg, 3, 1), 'measured mass (6314)')) * factor * 1000) / 1000;
          break;
        }
        case 'GIS':
          if (oneOf(seg, 1, 0, m.flags.perishable)) draft.flags.perishable = true;
          else if (oneOf(seg, 1, 0, m.flags.expedited)) draft.flags.expedited = true;
          else if (oneOf(seg, 1, 0, m.flags.aeo)) draft.flags.aeo = true;
          break;
      }
      continue;
    }
    // detail section: goods items
    if (tag === 'CST') {
      const seq = component(seg, 1);
      item = {
        sequence: seq ? number(() => parseInteger(seq, 'goods item number (1496)')) : undefined,
        hsCode: component(seg, 2) || undefined,
        containerIds: [],
        at: here(),
      };
      itemValueRank = Infinity;
      draft.items.push(item);
      if (procedure === undefined) procedure = pick(seg, m.itemProcedure);
      continue;
    }
    if (!item) {
      warn(`${tag} before the first goods item (CST); ignored`);
      continue;
    }
    switch (tag) {
      case 'FTX':
        if (oneOf(seg, 1, 0, m.description.ftxQualifiers)) {
          const textValue = joinedComponents(seg, 4);
          if (textValue) item.description = item.description ? `${item.description}; ${textValue}` : textValue;
        }
        break;
      case 'IMD':
        if (m.description.imd && !item.description) item.description = joinedComponents(seg, 3) || undefined;
        break;
      case 'MEA': {
        if (!oneOf(seg, 1, 0, m.mass.measurement)) break;
        let gross = oneOf(seg, 2, 0, m.mass.gross);
        if (!gross && !oneOf(seg, 2, 0, m.mass.net)) {
          if (!m.mass.unqualifiedIsGross || component(seg, 2, 0) !== '' || item.grossMassKg !== undefined) break;
          gross = true;
          warn('a weight without its property qualifier (6313) is taken as the gross mass');
        }
        const unit = component(seg, 3, 0) || 'KGM';
        const factor = massUnit(unit);
        if (factor === undefined) {
          warn(`MEA unit "${unit}" is not a mass unit the profile knows; this mass is left out`);
          break;
        }
        const value = number(() => parseDecimal(component(seg, 3, 1), 'measured mass (6314)'));
        const kg = factor === 1 ? value : Math.round(value * factor * 1000) / 1000;
        if (gross) item.grossMassKg = kg;
        else item.netMassKg = kg;
        break;
      }
      case 'MOA': {
        const rank = m.valueQualifiers.findIndex((q) => componentIs(seg, 1, 0, q));
        if (rank === -1 || rank >= itemValueRank) break;
        itemValueRank = rank;
        item.amount = number(() => parseDecimal(component(seg, 1, 1), 'monetary amount (5004)'));
        item.currency = component(seg, 1, 2) || undefined;
        break;
      }
      case 'PAC': {
        const count = component(seg, 1);
        if (count) item.packages = number(() => parseInteger(count, 'number of packages (7224)'));
        break;
      }
      case 'RFF':
        if (oneOf(seg, 1, 0, m.itemContainerQualifiers) && component(seg, 1, 1)) item.containerIds.push(component(seg, 1, 1));
        break;
    }
    if (item.originCountry === undefined) item.originCountry = pick(seg, m.origin);
    if (item.hsCode === undefined && m.itemHsCode.length) item.hsCode = pick(seg, m.itemHsCode);
  }

  // Declaration type: from the document name or the procedure, as the profile says.
  for (const from of m.typeCodeFrom) {
    const code = from === 'document' ? documentType : procedure;
    if (!code) continue;
    const mapped = mapCode(from === 'document' ? profile.codes.documentType : profile.codes.procedure, code);
    if (mapped) {
      draft.typeCode = mapped;
      break;
    }
    draft.typeSource ??= code;
  }
  let recognized = draft.typeCode ? 1 : 0;
  if (procedure) {
    draft.procedure = procedure;
    if (Object.keys(profile.codes.procedure).length) {
      if (mapCode(profile.codes.procedure, procedure) === undefined)
        warnings.push({ segmentNumber: 2, message: `procedure code "${procedure}" is not in the profile's list; kept as sent` });
      else recognized++;
    }
  }
  const settled = settle(
    draft,
    {
      ...ctx,
      officeFromSettings: profile.defaults.office === 'settings',
      ...(profile.defaults.office && profile.defaults.office !== 'settings'
        ? { office: profile.defaults.office, officeFromSettings: true }
        : {}),
      ...(profile.defaults.typeCode ? { defaultTypeCode: profile.defaults.typeCode } : {}),
      ...(profile.defaults.declarantFromSender && message.sender ? { sender: message.sender } : {}),
    },
    warnings,
  );
  return { ...settled, warnings, recognized };
}

function party(seg: Segment, m: CusdecMapping, draft: ReturnType<typeof emptyDraft>, n: number): void {
  const role = component(seg, 1);
  const at = { segmentNumber: n, segmentTag: 'NAD' };
  const p: LooseParty = { at };
  const id = component(seg, 2).trim();
  const name = joinedComponents(seg, 4) || joinedComponents(seg, 3);
  const country = component(seg, 9).trim();
  if (id) p.id = id;
  if (name) p.name = name;
  if (country) p.country = country;
  const roles = m.parties;
  // A role code may fill several roles (ASYCUDA's consignee is the importer of an import).
  if (roles.declarant.includes(role)) draft.declarant ??= p;
  if (roles.exporter.includes(role) && (!draft.exporter || role === roles.exporter[0])) draft.exporter = p;
  if (roles.importer.includes(role) && (!draft.importer || role === roles.importer[0])) draft.importer = p;
  if (roles.consignee.includes(role)) draft.consignee ??= p;
}
