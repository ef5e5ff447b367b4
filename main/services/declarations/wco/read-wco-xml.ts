/**
 * Reads WCO Data Model declarations (urn:wco:datamodel:WCO:DEC-DMS:2 style) into
 * the declaration model. A file holds one <Declaration> or a wrapper with several;
 * each is a message of its own. DTDs are refused outright and entity expansion is
 * off, so billion-laughs and external-entity documents cannot do anything.
 */
import { XMLParser } from 'fast-xml-parser';
import { Declaration } from '../../../../preload/contract/schemas/declarations';
import { parseDtm } from '../edifact/values';
import { normalizeContainerId } from '../../../../preload/contract/schemas/validators/iso6346';
import { MASS_UNIT_KG, TRANSPORT_MODE, TRANSPORT_MODE_LIST } from '../cusdec/codes';
import { XmlImportError } from './xml-import-error';

export type Node = Record<string, unknown>;

const REPEATED = new Set([
  'Declaration',
  'TransportEquipment',
  'Seal',
  'GovernmentAgencyGoodsItem',
  'AdditionalDocument',
  'AdditionalInformation',
  'Itinerary',
  'Classification',
  'AuthorisationHolder',
  'Packaging',
]);

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Entity processing is off in the parser (no DTD entity can expand), so the five
 * predefined entities and character references are decoded here, in one pass
 * that never re-reads its own output.
 */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // CDATA is kept apart: its content is literal, so the entity decoding below must not touch it.
  cdataPropName: '#cdata',
  isArray: (name) => REPEATED.has(name),
  tagValueProcessor: (_name, value) => decodeXmlText(value),
  attributeValueProcessor: (_name, value) => decodeXmlText(value),
});

export interface XmlMessageResult {
  index: number;
  ref: string | null;
  declaration?: Declaration;
  error?: XmlImportError;
}

/**
 * Parses the document safely and finds its <Declaration> elements (the path of their parent,
 * and the parsed document for wrapper data such as MetaData); throws XmlImportError for a
 * document that is not usable at all.
 */
export function parseWcoDeclarations(xml: string): { doc: Node; path: string; nodes: Node[] } {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new XmlImportError('/', 'DTDs and entity declarations are not accepted in declaration XML');
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (e) {
    throw new XmlImportError('/', `not well-formed XML: ${(e as Error).message}`);
  }
  const found = findDeclarations(doc);
  if (!found) throw new XmlImportError('/', 'no <Declaration> element (WCO DM declaration expected)');
  return { doc, ...found };
}

/** Parses the document; throws XmlImportError for a document that is not usable at all. */
export function readWcoXml(xml: string): XmlMessageResult[] {
  const found = parseWcoDeclarations(xml);
  return found.nodes.map((node, index) => {
    const base = found.nodes.length > 1 ? `${found.path}/Declaration[${index + 1}]` : `${found.path}/Declaration`;
    const ref = text(node, 'FunctionalReferenceID') ?? text(node, 'ID') ?? null;
    try {
      return { index, ref, declaration: mapDeclaration(node, base) };
    } catch (e) {
      return { index, ref, error: e instanceof XmlImportError ? e : new XmlImportError(base, (e as Error).message) };
    }
  });
}

/** How deep declarations may sit in wrappers (transport envelope → request → MetaData → Declaration). */
const MAX_WRAPPER_DEPTH = 6;

/**
 * The first <Declaration> elements found breadth-first: bare, in a WCO <MetaData>, or in a
 * submission wrapper around it (e.g. a request body holding the MetaData).
 */
function findDeclarations(doc: Node): { path: string; nodes: Node[] } | null {
  let level: { path: string; node: Node }[] = [{ path: '', node: doc }];
  for (let depth = 0; depth <= MAX_WRAPPER_DEPTH && level.length; depth++) {
    const next: { path: string; node: Node }[] = [];
    for (const { path, node } of level) {
      const found = node.Declaration;
      if (Array.isArray(found)) return { path, nodes: found as Node[] };
      for (const [name, child] of Object.entries(node)) {
        if (name.startsWith('?') || name.startsWith('@') || typeof child !== 'object' || child === null) continue;
        for (const c of Array.isArray(child) ? child : [child])
          if (typeof c === 'object' && c !== null) next.push({ path: `${path}/${name}`, node: c as Node });
      }
    }
    level = next;
  }
  return null;
}

function el(node: Node | undefined, name: string): Node | undefined {
  const v = node?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return undefined;
  return typeof first === 'object' ? (first as Node) : { '#text': String(first) };
}

function all(node: Node | undefined, name: string): Node[] {
  const v = node?.[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' && x !== null ? (x as Node) : { '#text': String(x) }));
}

/** An element's text: character data (entities decoded) followed by any CDATA sections as written. */
function text(node: Node | undefined, name?: string): string | undefined {
  const n = name ? el(node, name) : node;
  const t = n?.['#text'];
  const cdata = n?.['#cdata'];
  const value = cdata === undefined ? t : `${t ?? ''}${Array.isArray(cdata) ? cdata.join('') : String(cdata)}`.trim();
  return value === undefined || value === '' ? undefined : String(value);
}

function number(value: string | undefined, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new XmlImportError(path, `"${value}" is not a number`);
  return Number(value);
}

/** DateTimeString with a formatCode (102, 203, 204, 304) or a plain ISO 8601 value. */
function dateTime(node: Node | undefined, path: string): string | undefined {
  if (!node) return undefined;
  const inner = el(node, 'DateTimeString');
  const raw = text(inner ?? node);
  if (!raw) return undefined;
  const format = inner?.['@formatCode'] as string | undefined;
  try {
    if (format === '304') {
      // The zone is Z, ±hh or ±hh[:]mm (e.g. 20191101010000+01 in UK CDS samples).
      const m = /^(\d{14})(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(raw);
      if (!m) throw new Error(`"${raw}" does not match format 304 (CCYYMMDDHHMMSS with zone)`);
      const s = m[1]!;
      const zone =
        !m[2] || m[2] === 'Z' ? 'Z' : m[2].length === 3 ? `${m[2]}:00` : m[2].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
      const d = new Date(
        `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}${zone}`,
      );
      if (Number.isNaN(d.getTime())) throw new Error(`"${raw}" is not a real date/time`);
      return d.toISOString();
    }
    if (format) return parseDtm(raw, format, 'date/time');
    const d = new Date(raw);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(d.getTime())) throw new Error(`"${raw}" is not an ISO 8601 date/time`);
    return d.toISOString();
  } catch (e) {
    throw new XmlImportError(path, (e as Error).message);
  }
}

function party(node: Node | undefined): { id?: string; name?: string; country?: string } | undefined {
  if (!node) return undefined;
  const id = text(node, 'ID');
  const name = text(node, 'Name');
  const country = text(el(node, 'Address'), 'CountryCode');
  return { ...(name ? { name } : {}), ...(id ? { id } : {}), ...(country ? { country } : {}) };
}

const FLAG_CODES = { PER: 'perishable', EXP: 'expedited', AEO: 'aeo' } as const;

/**
 * A GoodsMeasure mass in kilograms. unitCode is a UN/ECE Rec. 20 code; a mass in
 * another unit (or a volume) must not pass as kilograms. Converted masses are
 * rounded to grams as in the CUSDEC reader (500000 × 0.001 is not exactly 500).
 */
function kilograms(value: number, measure: Node | undefined, path: string): number {
  const unit = (measure?.['@unitCode'] as string | undefined) ?? 'KGM';
  const factor = MASS_UNIT_KG[unit];
  if (factor === undefined) throw new XmlImportError(path, `unitCode "${unit}" is not a mass unit (KGM, TNE, GRM)`);
  return factor === 1 ? value : Math.round(value * factor * 1000) / 1000;
}

/**
 * The item's country of origin: the non-preferential origin (TypeCode 1) when the
 * item gives both, since risk rules and statistics use it; a preferential origin
 * (TypeCode 2) only when nothing else is given.
 */
function originOf(item: Node): Node | undefined {
  const origins = all(item, 'Origin');
  return origins.find((o) => text(o, 'TypeCode') === '1') ?? origins.find((o) => text(o, 'TypeCode') !== '2') ?? origins[0];
}

/** An original is a declaration without a message function: the same content reads the same whatever the format. */
function originalAsAbsent(code: string | undefined): string | undefined {
  return code === '9' ? undefined : code;
}

export function mapDeclaration(d: Node, base: string): Declaration {
  const paths = new Map<string, string>(); // model path → XML path, for error messages
  const at = (model: string, xml: string) => paths.set(model, `${base}/${xml}`);
  const shipment = el(d, 'GoodsShipment');
  const consignment = el(shipment, 'Consignment');
  const border = el(d, 'BorderTransportMeans') ?? el(consignment, 'BorderTransportMeans');
  const arrival = el(consignment, 'ArrivalTransportMeans');

  const officeName = ['DeclarationOffice', 'PresentationOffice', 'SupervisingOffice', 'CustomsOffice'].find((n) => el(d, n));
  at('functionalReferenceId', 'FunctionalReferenceID');
  at('typeCode', 'TypeCode');
  at('functionCode', 'FunctionCode');
  at('office', `${officeName ?? 'DeclarationOffice'}/ID`);
  at('lodgementTime', 'IssueDateTime');
  at('arrivalTime', 'GoodsShipment/Consignment/ArrivalTransportMeans/ArrivalDateTime');
  at('declarant', 'Declarant');
  at('exporter', 'Exporter');
  at('importer', 'GoodsShipment/Importer');
  at('transport', 'BorderTransportMeans');
  at('loadingLocation', 'GoodsShipment/Consignment/LoadingLocation/ID');
  at('unloadingLocation', 'GoodsShipment/Consignment/UnloadingLocation/ID');

  const flags = { perishable: false, expedited: false, aeo: false };
  for (const info of all(d, 'AdditionalInformation')) {
    const code = text(info, 'StatementCode') as keyof typeof FLAG_CODES | undefined;
    if (code && code in FLAG_CODES) flags[FLAG_CODES[code]] = true;
  }
  if (all(d, 'AuthorisationHolder').some((h) => /^AEO/.test(text(h, 'CategoryCode') ?? ''))) flags.aeo = true;

  const modeCode = text(border, 'ModeCode') ?? text(arrival, 'ModeCode');
  const mode = modeCode ? TRANSPORT_MODE[modeCode] : undefined;
  if (modeCode && !mode)
    throw new XmlImportError(
      `${base}/BorderTransportMeans/ModeCode`,
      `transport mode "${modeCode}" is not one of ${TRANSPORT_MODE_LIST}`,
    );
  const meansId = text(border, 'ID') ?? text(arrival, 'ID');
  const name = text(border, 'Name');
  const nationality = text(border, 'RegistrationNationalityCode');
  const routeCountries = all(consignment, 'Itinerary')
    .map((i) => text(i, 'RoutingCountryCode'))
    .filter((c): c is string => !!c);
  routeCountries.forEach((_, i) =>
    at(`transport.routeCountries.${i}`, `GoodsShipment/Consignment/Itinerary[${i + 1}]/RoutingCountryCode`),
  );

  const containers = all(consignment, 'TransportEquipment').map((t, i) => {
    at(`containers.${i}`, `GoodsShipment/Consignment/TransportEquipment[${i + 1}]/ID`);
    const seal = all(t, 'Seal')
      .map((s) => text(s, 'ID'))
      .filter(Boolean)
      .join(' ');
    return { id: normalizeContainerId(text(t, 'ID') ?? ''), ...(seal ? { seal } : {}) };
  });

  const goodsItems = all(shipment, 'GovernmentAgencyGoodsItem').map((g, i) => {
    const p = `GoodsShipment/GovernmentAgencyGoodsItem[${i + 1}]`;
    const commodity = el(g, 'Commodity');
    const measure = el(commodity, 'GoodsMeasure') ?? el(g, 'GoodsMeasure');
    const classification = all(commodity, 'Classification');
    // Prefer the national tariff (TSP/TRC) or HS classification; fall back to the first.
    const hs =
      classification.find((c) => ['TSP', 'HS', 'TRC'].includes(text(c, 'IdentificationTypeCode') ?? '')) ?? classification[0];
    const gross = el(measure, 'GrossMassMeasure');
    const net = el(measure, 'NetNetWeightMeasure') ?? el(measure, 'NetWeightMeasure');
    // Customs value, else statistical value, else the item price (Commodity/InvoiceLine/ItemChargeAmount, UK CDS DE 4/14).
    const value =
      el(g, 'CustomsValueAmount') ?? el(g, 'StatisticalValueAmount') ?? el(el(commodity, 'InvoiceLine'), 'ItemChargeAmount');
    const packages = el(g, 'Packaging');
    const item = `goodsItems.${i}`;
    at(item, p);
    at(`${item}.sequence`, `${p}/SequenceNumeric`);
    at(`${item}.description`, `${p}/Commodity/Description`);
    at(`${item}.hsCode`, `${p}/Commodity/Classification/ID`);
    at(`${item}.originCountry`, `${p}/Origin/CountryCode`);
    at(`${item}.grossMassKg`, `${p}/Commodity/GoodsMeasure/GrossMassMeasure`);
    at(`${item}.netMassKg`, `${p}/Commodity/GoodsMeasure/NetNetWeightMeasure`);
    at(`${item}.customsValue`, `${p}/CustomsValueAmount`);
    at(`${item}.packages`, `${p}/Packaging/QuantityQuantity`);
    const containerIds = all(g, 'TransportEquipment').map((t) => normalizeContainerId(text(t, 'ID') ?? ''));
    containerIds.forEach((_, j) => at(`${item}.containerIds.${j}`, `${p}/TransportEquipment[${j + 1}]/ID`));
    const grossKg = number(text(gross), `${base}/${p}/Commodity/GoodsMeasure/GrossMassMeasure`);
    const netKg = number(text(net), `${base}/${p}/Commodity/GoodsMeasure/NetNetWeightMeasure`);
    return {
      sequence: number(text(g, 'SequenceNumeric'), `${base}/${p}/SequenceNumeric`) ?? i + 1,
      description: text(commodity, 'Description') ?? '',
      hsCode: text(hs, 'ID') ?? '',
      originCountry: text(originOf(g), 'CountryCode') ?? '',
      grossMassKg: grossKg === undefined ? 0 : kilograms(grossKg, gross, `${base}/${p}/Commodity/GoodsMeasure/GrossMassMeasure`),
      ...(netKg !== undefined
        ? { netMassKg: kilograms(netKg, net, `${base}/${p}/Commodity/GoodsMeasure/NetNetWeightMeasure`) }
        : {}),
      customsValue: {
        amount: number(text(value), `${base}/${p}/CustomsValueAmount`) ?? -1,
        currency: (value?.['@currencyID'] as string | undefined) ?? '',
      },
      ...(packages ? { packages: number(text(packages, 'QuantityQuantity'), `${base}/${p}/Packaging/QuantityQuantity`) } : {}),
      ...(containerIds.length ? { containerIds } : {}),
    };
  });

  const documents = [...all(d, 'AdditionalDocument'), ...all(shipment, 'AdditionalDocument')].map((doc) => ({
    type: text(doc, 'TypeCode') ?? '',
    reference: text(doc, 'ID') ?? '',
  }));
  documents.forEach((_, i) => at(`documents.${i}`, `AdditionalDocument[${i + 1}]`));

  const draft = {
    functionalReferenceId: text(d, 'FunctionalReferenceID') ?? text(d, 'ID'),
    typeCode: text(d, 'TypeCode'),
    functionCode: originalAsAbsent(text(d, 'FunctionCode')),
    office: officeName ? text(el(d, officeName), 'ID') : undefined,
    lodgementTime: dateTime(
      el(d, 'IssueDateTime') ?? el(d, 'AcceptanceDateTime'),
      `${base}/${el(d, 'IssueDateTime') ? 'IssueDateTime' : 'AcceptanceDateTime'}`,
    ),
    arrivalTime: dateTime(
      el(arrival, 'ArrivalDateTime') ?? el(consignment, 'ArrivalDateTime'),
      `${base}/GoodsShipment/Consignment/ArrivalTransportMeans/ArrivalDateTime`,
    ),
    declarant: party(el(d, 'Declarant')),
    exporter: party(el(d, 'Exporter') ?? el(shipment, 'Exporter') ?? el(shipment, 'Consignor')),
    importer: party(el(shipment, 'Importer') ?? el(d, 'Importer') ?? el(shipment, 'Consignee')),
    transport: mode
      ? {
          mode,
          ...(meansId && mode === 'road' ? { vehiclePlate: meansId } : meansId ? { meansId } : {}),
          ...(name || nationality
            ? { borderTransportMeans: { ...(name ? { name } : {}), ...(nationality ? { nationality } : {}) } }
            : {}),
          routeCountries,
        }
      : undefined,
    loadingLocation: text(el(consignment, 'LoadingLocation'), 'ID'),
    unloadingLocation: text(el(consignment, 'UnloadingLocation') ?? el(shipment, 'UnloadingLocation'), 'ID'),
    containers,
    goodsItems,
    flags,
    documents,
  };
  const parsed = Declaration.safeParse(draft);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const modelPath = issue.path.map(String);
  let xmlPath = base;
  for (let n = modelPath.length; n > 0; n--) {
    const hit = paths.get(modelPath.slice(0, n).join('.'));
    if (hit) {
      xmlPath = hit;
      break;
    }
  }
  throw new XmlImportError(xmlPath, `${modelPath.join('.') || 'declaration'}: ${issue.message}`);
}
