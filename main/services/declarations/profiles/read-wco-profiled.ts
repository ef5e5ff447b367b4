/**
 * Reads one WCO DM <Declaration> element under a (non-strict) profile: each field
 * from the element paths the profile names (first path with a value wins), codes
 * through its code lists, then settled into a declaration with warnings.
 */
import type { TransportMode } from '../../../../preload/contract/schemas/declarations';
import { MASS_UNIT_KG } from '../cusdec/codes';
import { parseDtm } from '../edifact/values';
import type { Node } from '../wco/read-wco-xml';
import type { ProfiledRead } from './read-cusdec-profiled';
import { mapCode, type Profile, type WcoMapping } from './profile-schema';
import { emptyDraft, ProfileReadError, settle, type ImportWarning, type LooseParty, type SettleContext } from './settle';

type Found = Node | string;

/** Every node or attribute value a '/'-separated path reaches from `from`. */
function walk(from: Node, path: string): Found[] {
  let level: Found[] = [from];
  for (const step of path.split('/')) {
    const next: Found[] = [];
    for (const n of level) {
      if (typeof n === 'string') continue;
      const v = n[step];
      if (v === undefined || v === null) continue;
      for (const x of Array.isArray(v) ? v : [v]) next.push(typeof x === 'object' && x !== null ? (x as Node) : String(x));
    }
    level = next;
    if (level.length === 0) break;
  }
  return level;
}

function textOf(f: Found | undefined): string | undefined {
  if (f === undefined) return undefined;
  if (typeof f === 'string') return f.trim() || undefined;
  const t = f['#text'];
  const cdata = f['#cdata'];
  const value = `${t ?? ''}${cdata === undefined ? '' : Array.isArray(cdata) ? cdata.join('') : String(cdata)}`.trim();
  return value || undefined;
}

function nodes(from: Node, paths: readonly string[]): Node[] {
  for (const p of paths) {
    const found = walk(from, p).filter((f): f is Node => typeof f !== 'string');
    if (found.length) return found;
  }
  return [];
}

function first(from: Node | undefined, paths: readonly string[]): string | undefined {
  if (!from) return undefined;
  for (const p of paths) {
    for (const f of walk(from, p)) {
      const v = textOf(f);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** The node a path reaches together with its text (for attributes such as unitCode and currencyID). */
function firstNode(from: Node, paths: readonly string[]): Node | undefined {
  for (const p of paths) {
    for (const f of walk(from, p)) {
      if (typeof f !== 'string' && textOf(f) !== undefined) return f;
      if (typeof f === 'string' && f.trim()) return { '#text': f };
    }
  }
  return undefined;
}

const XML_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function decimal(value: string, path: string): number {
  if (!XML_NUMBER.test(value)) throw new ProfileReadError(`"${value}" is not a number`, { path });
  return Number(value);
}

/** ISO 8601 basic format: 20261201T101500+0800, 20261201T1015Z. */
const ISO_BASIC = /^(\d{8})T(\d{4}|\d{6})(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const COMPACT = /^(\d{8}|\d{12}|\d{14})(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/;

/**
 * A date/time as WCO DM declarations write it: a DateTimeString with a formatCode,
 * ISO 8601 text, or the compact format 102/203/204/304 forms as element text.
 */
export function readWcoDateTime(node: Node): string {
  const inner = (walk(node, 'DateTimeString')[0] as Node | string | undefined) ?? node;
  const raw = textOf(inner);
  if (!raw) throw new Error('is empty');
  const format = typeof inner === 'string' ? undefined : (inner['@formatCode'] as string | undefined);
  if (format) return parseDtm(raw, format === '304' && /^\d{14}$/.test(raw) ? '204' : format, 'date/time');
  const compact = COMPACT.exec(raw);
  if (compact) {
    const digits = compact[1]!;
    if (!compact[2]) return parseDtm(digits, digits.length === 8 ? '102' : digits.length === 12 ? '203' : '204', 'date/time');
    return parseDtm(raw, digits.length === 12 ? '303' : '304', 'date/time');
  }
  const basic = ISO_BASIC.exec(raw);
  if (basic) {
    const [, day, time, zone] = basic;
    return parseDtm(`${day}${time!.padEnd(6, '0')}${zone ?? ''}`, zone ? '304' : '204', 'date/time');
  }
  // Without a zone, a time is read as UTC (as CUSDEC times are), never as the machine's local time.
  const zoned = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw) ? `${raw}Z` : raw;
  const d = new Date(zoned);
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(raw) || Number.isNaN(d.getTime()))
    throw new Error(`"${raw}" is not an ISO 8601 or format 102/203/204/304 date/time`);
  return d.toISOString();
}

function procedureOf(n: Node): string | undefined {
  const current = textOf(walk(n, 'CurrentCode')[0]);
  if (current) return `${current}${textOf(walk(n, 'PreviousCode')[0]) ?? ''}`;
  return textOf(n);
}

export function readWcoProfiled(
  d: Node,
  base: string,
  profile: Profile,
  ctx: Omit<SettleContext, 'officeFromSettings' | 'defaultTypeCode' | 'sender'>,
): ProfiledRead {
  const m = profile.wco as WcoMapping;
  const warnings: ImportWarning[] = [];
  const draft = emptyDraft();
  const warn = (message: string, path: string) => warnings.push({ path: `${base}/${path}`, message });

  draft.number = first(d, m.number);
  draft.functionCode = first(d, ['FunctionCode']);
  const typeRaw = first(d, m.typeCode);
  if (typeRaw) {
    const mapped = mapCode(profile.codes.documentType, typeRaw);
    if (mapped) draft.typeCode = mapped;
    else draft.typeSource = typeRaw;
  }
  for (const path of [...m.procedure, ...m.itemProcedure]) {
    const n = walk(d, path)[0];
    const code = n === undefined ? undefined : typeof n === 'string' ? n.trim() : procedureOf(n);
    if (code) {
      draft.procedure = code;
      break;
    }
  }
  let recognized = draft.typeCode ? 1 : 0;
  if (draft.procedure && Object.keys(profile.codes.procedure).length) {
    if (mapCode(profile.codes.procedure, draft.procedure) === undefined)
      warnings.push({ path: base, message: `procedure code "${draft.procedure}" is not in the profile's list; kept as sent` });
    else recognized++;
  }
  draft.office = first(d, m.office);
  const when = (paths: readonly string[], what: string): string | undefined => {
    for (const p of paths) {
      const n = walk(d, p)[0];
      if (n === undefined) continue;
      try {
        return readWcoDateTime(typeof n === 'string' ? { '#text': n } : n);
      } catch (e) {
        warn(`${what}: ${(e as Error).message}; left out`, p);
        return undefined;
      }
    }
    return undefined;
  };
  draft.lodgementTime = when(m.lodgementTime, 'lodgement date/time');
  draft.arrivalTime = when(m.arrivalTime, 'arrival date/time');

  const party = (paths: readonly string[]): LooseParty | undefined => {
    const n = nodes(d, paths)[0];
    if (!n) return undefined;
    const p: LooseParty = { at: { path: base } };
    const id = first(n, m.partyId);
    const name = first(n, m.partyName);
    const country = first(n, m.partyCountry);
    if (id) p.id = id;
    if (name) p.name = name;
    if (country) p.country = country;
    return p;
  };
  draft.declarant = party(m.declarant);
  draft.exporter = party(m.exporter);
  draft.importer = party(m.importer);
  draft.consignee = party(m.consignee);

  const modeCode = first(d, m.modeCode);
  const mode = modeCode ? (mapCode(profile.codes.transportMode, modeCode) as TransportMode | undefined) : undefined;
  const routeCountries = m.routeCountries.flatMap((p) => walk(d, p).map(textOf)).filter((c): c is string => !!c);
  if (modeCode) {
    draft.transport = { ...(mode ? { mode } : {}), modeCode, routeCountries, at: { path: `${base}/${m.modeCode[0] ?? ''}` } };
    const meansId = first(d, m.meansId);
    const name = first(d, m.meansName);
    const nationality = first(d, m.meansNationality);
    if (meansId) draft.transport.meansId = meansId;
    if (name) draft.transport.name = name;
    if (nationality) draft.transport.nationality = nationality;
  }
  draft.loadingLocation = first(d, m.loading);
  draft.unloadingLocation = first(d, m.unloading);
  for (const c of nodes(d, m.containers)) {
    const id = first(c, ['ID']);
    if (!id) continue;
    const seal = walk(c, 'Seal/ID').map(textOf).filter(Boolean).join(' ');
    draft.containers.push(
      seal ? { id, seal, at: { path: `${base}/${m.containers[0]}` } } : { id, at: { path: `${base}/${m.containers[0]}` } },
    );
  }
  for (const info of walk(d, 'AdditionalInformation/StatementCode').map(textOf)) {
    if (info === 'PER') draft.flags.perishable = true;
    else if (info === 'EXP') draft.flags.expedited = true;
    else if (info === 'AEO') draft.flags.aeo = true;
  }
  if (walk(d, 'AuthorisationHolder/CategoryCode').some((c) => /^AEO/.test(textOf(c) ?? ''))) draft.flags.aeo = true;
  for (const doc of m.documents.flatMap((p) => walk(d, p))) {
    if (typeof doc === 'string') continue;
    const category = first(doc, ['CategoryCode']) ?? '';
    const type = first(doc, ['TypeCode']) ?? '';
    draft.documents.push({
      type: category && type && category.length + type.length <= 8 ? `${category}${type}` : type,
      reference: first(doc, ['ID']) ?? '',
    });
  }
  const currencyNode = firstNode(d, m.currency);
  draft.currency = currencyNode ? ((currencyNode['@currencyID'] as string | undefined) ?? textOf(currencyNode)) : undefined;

  const mass = (item: Node, paths: readonly string[], path: string): number | undefined => {
    const n = firstNode(item, paths);
    const v = textOf(n);
    if (!n || v === undefined) return undefined;
    const value = decimal(v, path);
    const unit = (n['@unitCode'] as string | undefined) ?? 'KGM';
    const factor = profile.codes.massUnits[unit] ?? MASS_UNIT_KG[unit];
    if (factor === undefined) {
      warn(`unitCode "${unit}" is not a mass unit the profile knows; this mass is left out`, path);
      return undefined;
    }
    return factor === 1 ? value : Math.round(value * factor * 1000) / 1000;
  };
  const items = nodes(d, m.items);
  items.forEach((g, i) => {
    const p = `${m.items[0]}[${i + 1}]`;
    const at = { path: `${base}/${p}` };
    const seqRaw = first(g, m.sequence);
    const classifications = nodes(g, m.hsCode);
    const typeOf = (c: Node) => first(c, ['IdentificationTypeCode']) ?? '';
    let main: Node | undefined;
    for (const t of m.classificationTypes) if ((main = classifications.find((c) => typeOf(c) === t))) break;
    main ??= classifications.find((c) => !m.classificationSuffixTypes.includes(typeOf(c)));
    let hsCode = main ? first(main, ['ID']) : undefined;
    const suffix = classifications.find((c) => m.classificationSuffixTypes.includes(typeOf(c)));
    if (hsCode && suffix && /^\d{8}$/.test(hsCode.replace(/[\s.]/g, '')))
      hsCode = `${hsCode.replace(/[\s.]/g, '')}${first(suffix, ['ID']) ?? ''}`;
    const origins = nodes(g, m.origin);
    const origin =
      origins.find((o) => first(o, ['TypeCode']) === '1') ?? origins.find((o) => first(o, ['TypeCode']) !== '2') ?? origins[0];
    const valueNode = firstNode(g, m.value);
    const valueText = textOf(valueNode);
    const packages = m.packages.length
      ? walk(g, m.packages[0]!)
          .map(textOf)
          .filter((x): x is string => !!x)
      : [];
    const sequence = seqRaw === undefined ? undefined : decimal(seqRaw, `${p}/SequenceNumeric`);
    draft.items.push({
      ...(sequence !== undefined ? { sequence } : {}),
      ...(hsCode ? { hsCode } : {}),
      ...(first(g, m.description) ? { description: first(g, m.description) } : {}),
      ...(origin ? { originCountry: first(origin, ['CountryCode']) } : {}),
      grossMassKg: mass(g, m.grossMass, `${p}/GrossMassMeasure`),
      netMassKg: mass(g, m.netMass, `${p}/NetNetWeightMeasure`),
      ...(valueText !== undefined ? { amount: decimal(valueText, `${p}/CustomsValueAmount`) } : {}),
      ...(valueNode?.['@currencyID'] ? { currency: valueNode['@currencyID'] as string } : {}),
      ...(packages.length ? { packages: packages.reduce((s, x) => s + decimal(x, `${p}/Packaging/QuantityQuantity`), 0) } : {}),
      containerIds: m.itemContainers.flatMap((c) => walk(g, c).map(textOf)).filter((x): x is string => !!x),
      at,
    });
  });

  const count = first(d, m.totalItems);
  if (count !== undefined) draft.declared.goodsItemCount = decimal(count, 'GoodsItemQuantity');
  const totalMass = first(d, m.totalGrossMass);
  if (totalMass !== undefined) draft.declared.grossMassKg = decimal(totalMass, 'TotalGrossMassMeasure');
  const totalValue = firstNode(d, m.totalValue);
  if (totalValue && textOf(totalValue) !== undefined) {
    const amount = decimal(textOf(totalValue)!, 'InvoiceAmount');
    const currency = totalValue['@currencyID'] as string | undefined;
    draft.declared.value = [currency ? { amount, currency } : { amount }];
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
    },
    warnings,
  );
  return { ...settled, warnings, recognized };
}
