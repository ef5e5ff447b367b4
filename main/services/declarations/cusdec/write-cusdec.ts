/**
 * Writes declarations as one CUSDEC D96B interchange (UNA, UNB, one UNH…UNT per
 * declaration, UNZ), the exact mirror of read-cusdec: what this writes, the
 * reader turns back into the same declarations.
 */
import { type Declaration, messageFunctionOf } from '../../../../preload/contract/schemas/declarations';
import { DEFAULT_DELIMITERS, escapeEdifact, type Delimiters } from '../edifact/delimiters';
import { formatDtm203 } from '../edifact/values';
import * as C from './codes';

export interface InterchangeOptions {
  sender: string;
  recipient: string;
  /** Interchange control reference (0020), up to 14 characters. */
  controlRef: string;
  /** Preparation time for UNB, ISO instant. */
  preparedAt: string;
  delimiters?: Delimiters;
  /** Line break after each segment, for people reading the file. */
  newlines?: boolean;
}

type Element = string | readonly string[];

export function writeCusdecInterchange(declarations: readonly Declaration[], o: InterchangeOptions): string {
  const d = o.delimiters ?? DEFAULT_DELIMITERS;
  const nl = o.newlines === false ? '' : '\n';
  const seg = (tag: string, ...elements: Element[]): string => {
    const parts = elements.map((e) => (typeof e === 'string' ? [e] : e).map((c) => escapeEdifact(c, d)).join(d.component));
    // Trailing empty elements and components are omitted, as ISO 9735 asks.
    let text = [tag, ...parts].join(d.element);
    while ((text.endsWith(d.element) || text.endsWith(d.component)) && !isReleased(text, text.length - 1, d.release))
      text = text.slice(0, -1);
    return text + d.segment + nl;
  };
  const prepared = formatDtm203(o.preparedAt);
  let out = `UNA${d.component}${d.element}${d.decimal}${d.release}${d.reserved}${d.segment}${nl}`;
  out += seg(
    'UNB',
    ['UNOW', '4'],
    [o.sender, 'ZZZ'],
    [o.recipient, 'ZZZ'],
    [prepared.slice(0, 8), prepared.slice(8, 12)],
    o.controlRef,
  );
  declarations.forEach((decl, i) => {
    const body = messageSegments(decl, seg, d);
    const ref = String(i + 1);
    out += seg('UNH', ref, ['CUSDEC', 'D', '96B', 'UN']);
    out += body.join('');
    out += seg('UNT', String(body.length + 2), ref);
  });
  out += seg('UNZ', String(declarations.length), o.controlRef);
  return out;
}

/** True when the character at `at` is preceded by an odd run of release characters. */
function isReleased(text: string, at: number, release: string): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && text[i] === release; i--) n++;
  return n % 2 === 1;
}

function num(n: number, d: Delimiters): string {
  return String(n).replace('.', d.decimal);
}

function messageSegments(decl: Declaration, seg: (tag: string, ...e: Element[]) => string, d: Delimiters): string[] {
  const s: string[] = [];
  s.push(
    seg(
      'BGM',
      decl.typeCode.startsWith('EX') ? '830' : C.BGM_IMPORT_DECLARATION,
      decl.functionalReferenceId,
      messageFunctionOf(decl),
    ),
  );
  s.push(seg('CST', '', decl.typeCode));
  s.push(seg('LOC', C.LOC.customsOffice, decl.office));
  if (decl.loadingLocation) s.push(seg('LOC', C.LOC.loading, decl.loadingLocation));
  if (decl.unloadingLocation) s.push(seg('LOC', C.LOC.unloading, decl.unloadingLocation));
  for (const c of decl.transport.routeCountries) s.push(seg('LOC', C.LOC.routing, c));
  s.push(seg('DTM', [C.DTM.lodgement, formatDtm203(decl.lodgementTime), C.DTM_FORMAT.minutes]));
  if (decl.arrivalTime) s.push(seg('DTM', [C.DTM.arrival, formatDtm203(decl.arrivalTime), C.DTM_FORMAT.minutes]));
  if (decl.flags.perishable) s.push(seg('GIS', C.FLAG.perishable));
  if (decl.flags.expedited) s.push(seg('GIS', C.FLAG.expedited));
  if (decl.flags.aeo) s.push(seg('GIS', C.FLAG.aeo));
  for (const c of decl.containers) {
    s.push(seg('EQD', C.EQUIPMENT_CONTAINER, c.id));
    if (c.seal) s.push(seg('SEL', c.seal));
  }
  for (const doc of decl.documents) s.push(seg('DOC', doc.type, doc.reference));
  const party = (role: string, p: { id?: string; name?: string; country?: string }) =>
    seg('NAD', role, [p.id ?? '', '', p.id ? 'ZZZ' : ''], '', p.name ?? '', '', '', '', '', p.country ?? '');
  s.push(party('DT', decl.declarant));
  if (decl.exporter) s.push(party('EX', decl.exporter));
  if (decl.importer) s.push(party('IM', decl.importer));
  const t = decl.transport;
  const id = t.mode === 'road' ? (t.vehiclePlate ?? '') : (t.meansId ?? '');
  s.push(
    seg('TDT', '12', '', C.TRANSPORT_MODE_CODE[t.mode], '', '', '', '', [
      id,
      '',
      '',
      t.borderTransportMeans?.name ?? '',
      t.borderTransportMeans?.nationality ?? '',
    ]),
  );
  s.push(seg('UNS', 'D'));
  for (const g of decl.goodsItems) {
    s.push(seg('CST', String(g.sequence), [g.hsCode, '122']));
    s.push(seg('FTX', C.FTX_GOODS_DESCRIPTION, '', '', g.description));
    s.push(seg('LOC', C.LOC.origin, g.originCountry));
    s.push(seg('MEA', 'WT', 'AAB', ['KGM', num(g.grossMassKg, d)]));
    if (g.netMassKg !== undefined) s.push(seg('MEA', 'WT', 'AAA', ['KGM', num(g.netMassKg, d)]));
    if (g.packages !== undefined) s.push(seg('PAC', String(g.packages)));
    s.push(seg('MOA', [C.MOA.customsValue, num(g.customsValue.amount, d), g.customsValue.currency]));
    for (const c of g.containerIds ?? []) s.push(seg('RFF', [C.RFF_CONTAINER, c]));
  }
  s.push(seg('UNS', 'S'));
  s.push(seg('CNT', ['5', String(decl.goodsItems.length)]));
  return s;
}
