/** The facts the profile conformance tests assert for each declaration, in one flat shape. */
import type { Declaration } from '../../../preload/contract/schemas/declarations';
import type { MessageReport } from '../../../main/services/declarations/profiles/import-profiled';

export function facts(d: Declaration, r: MessageReport) {
  return {
    number: d.functionalReferenceId,
    type: d.typeCode,
    procedure: d.procedure ?? null,
    office: d.office,
    officeAssigned: r.facts?.officeAssignedOnReceipt ?? false,
    declarant: [d.declarant.id, d.declarant.name ?? null],
    exporter: d.exporter ? [d.exporter.id ?? null, d.exporter.name ?? null] : null,
    importer: d.importer ? [d.importer.id ?? null, d.importer.name ?? null] : null,
    consignee: d.consignee ? [d.consignee.id ?? null, d.consignee.name ?? null] : null,
    transport: [
      d.transport.mode,
      d.transport.meansId ?? null,
      d.transport.borderTransportMeans?.name ?? null,
      d.transport.vehiclePlate ?? null,
    ],
    places: [d.loadingLocation ?? null, d.unloadingLocation ?? null],
    containers: d.containers.map((c) => c.id),
    items: d.goodsItems.map((g) => [
      g.hsCode,
      g.description,
      g.originCountry,
      g.grossMassKg,
      g.netMassKg ?? null,
      `${g.customsValue.amount} ${g.customsValue.currency}`,
    ]),
    totals: [
      d.totals.goodsItemCount,
      d.totals.grossMassKg,
      d.totals.customsValue.map((v) => `${v.amount} ${v.currency}`).join(' + '),
    ],
  };
}
