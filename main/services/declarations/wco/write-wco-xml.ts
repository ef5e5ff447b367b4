/**
 * Writes a declaration as WCO DM declaration XML (DEC-DMS:2 style), the mirror of
 * read-wco-xml: what this writes, the reader turns back into the same declaration.
 */
import { type Declaration, messageFunctionOf, type Party } from '../../../../preload/contract/schemas/declarations';
import { TRANSPORT_MODE_CODE } from '../cusdec/codes';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO instant → DateTimeString format 304 (CCYYMMDDHHMMSS, UTC). */
function dateTime(iso: string): string {
  return `<ds:DateTimeString formatCode="304">${new Date(iso).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z</ds:DateTimeString>`;
}

function tag(name: string, value: string | number | undefined, attrs = ''): string {
  return value === undefined ? '' : `<${name}${attrs}>${esc(String(value))}</${name}>`;
}

function party(name: string, p: Party | undefined): string {
  if (!p) return '';
  return `<${name}>${tag('Name', p.name)}${tag('ID', p.id)}${p.country ? `<Address>${tag('CountryCode', p.country)}</Address>` : ''}</${name}>`;
}

export function writeWcoDeclaration(d: Declaration): string {
  const t = d.transport;
  const meansId = t.mode === 'road' ? t.vehiclePlate : t.meansId;
  const flags = (['perishable', 'expedited', 'aeo'] as const)
    .filter((f) => d.flags[f])
    .map(
      (f) =>
        `<AdditionalInformation>${tag('StatementCode', { perishable: 'PER', expedited: 'EXP', aeo: 'AEO' }[f])}</AdditionalInformation>`,
    )
    .join('');
  const consignment = [
    d.arrivalTime
      ? `<ArrivalTransportMeans><ArrivalDateTime>${dateTime(d.arrivalTime)}</ArrivalDateTime></ArrivalTransportMeans>`
      : '',
    d.loadingLocation ? `<LoadingLocation>${tag('ID', d.loadingLocation)}</LoadingLocation>` : '',
    d.unloadingLocation ? `<UnloadingLocation>${tag('ID', d.unloadingLocation)}</UnloadingLocation>` : '',
    ...d.containers.map(
      (c, i) =>
        `<TransportEquipment>${tag('SequenceNumeric', i + 1)}${tag('ID', c.id)}${c.seal ? `<Seal>${tag('ID', c.seal)}</Seal>` : ''}</TransportEquipment>`,
    ),
    ...t.routeCountries.map((c, i) => `<Itinerary>${tag('SequenceNumeric', i + 1)}${tag('RoutingCountryCode', c)}</Itinerary>`),
  ].join('');
  const items = d.goodsItems
    .map((g) =>
      [
        '<GovernmentAgencyGoodsItem>',
        tag('SequenceNumeric', g.sequence),
        tag('CustomsValueAmount', g.customsValue.amount, ` currencyID="${esc(g.customsValue.currency)}"`),
        '<Commodity>',
        tag('Description', g.description),
        `<Classification>${tag('ID', g.hsCode)}${tag('IdentificationTypeCode', 'TSP')}</Classification>`,
        '<GoodsMeasure>',
        tag('GrossMassMeasure', g.grossMassKg, ' unitCode="KGM"'),
        tag('NetNetWeightMeasure', g.netMassKg, ' unitCode="KGM"'),
        '</GoodsMeasure></Commodity>',
        `<Origin>${tag('CountryCode', g.originCountry)}</Origin>`,
        g.packages !== undefined ? `<Packaging>${tag('QuantityQuantity', g.packages)}</Packaging>` : '',
        ...(g.containerIds ?? []).map((c) => `<TransportEquipment>${tag('ID', c)}</TransportEquipment>`),
        '</GovernmentAgencyGoodsItem>',
      ].join(''),
    )
    .join('');
  return [
    '<Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2" xmlns:ds="urn:wco:datamodel:WCO:Declaration_DS:DMS:2">',
    tag('FunctionCode', messageFunctionOf(d)),
    tag('FunctionalReferenceID', d.functionalReferenceId),
    tag('TypeCode', d.typeCode),
    `<IssueDateTime>${dateTime(d.lodgementTime)}</IssueDateTime>`,
    tag('GoodsItemQuantity', d.goodsItems.length),
    `<DeclarationOffice>${tag('ID', d.office)}</DeclarationOffice>`,
    ...d.documents.map(
      (doc) => `<AdditionalDocument>${tag('ID', doc.reference)}${tag('TypeCode', doc.type)}</AdditionalDocument>`,
    ),
    flags,
    '<BorderTransportMeans>',
    tag('ID', meansId),
    tag('Name', t.borderTransportMeans?.name),
    tag('RegistrationNationalityCode', t.borderTransportMeans?.nationality),
    tag('ModeCode', TRANSPORT_MODE_CODE[t.mode]),
    '</BorderTransportMeans>',
    party('Declarant', d.declarant),
    party('Exporter', d.exporter),
    '<GoodsShipment>',
    party('Importer', d.importer),
    `<Consignment>${consignment}</Consignment>`,
    items,
    '</GoodsShipment>',
    '</Declaration>',
  ].join('');
}

/** Several declarations in one document, each read back as a message of its own. */
export function writeWcoDocument(declarations: readonly Declaration[]): string {
  const body = declarations.map(writeWcoDeclaration).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${declarations.length === 1 ? body : `<Declarations>\n${body}\n</Declarations>`}\n`;
}
