import type { Amount, Declaration } from '../../../preload/contract/schemas/declarations';
import type { RiskSubject } from './subject';

/**
 * Rules compare values in one currency. Rates are units of the reference
 * currency per unit of the foreign one (e.g. CNY reference: { USD: 7.1 }).
 */
export interface CurrencyConversion {
  referenceCurrency: string;
  rates: Readonly<Record<string, number>>;
}

/** An amount in the reference currency, or null (unknown) when there is no rate for its currency. */
export function toReferenceCurrency(amount: Amount, conversion: CurrencyConversion): number | null {
  if (amount.currency === conversion.referenceCurrency) return amount.amount;
  const rate = conversion.rates[amount.currency];
  return rate === undefined ? null : amount.amount * rate;
}

/**
 * The declaration model (WCO DM-aligned) as the flat subject rules read. The
 * importer is the consignee; containers are those of the consignment; an amount
 * without a rate becomes unknown, so value rules do not fire on a wrong number.
 */
export function subjectFromDeclaration(
  declaration: Declaration,
  conversion: CurrencyConversion,
  declarationId = declaration.functionalReferenceId,
): RiskSubject {
  const items = declaration.goodsItems.map((goods) => ({
    sequence: goods.sequence,
    hsCode: goods.hsCode,
    originCountry: goods.originCountry,
    customsValue: toReferenceCurrency(goods.customsValue, conversion),
    grossMassKg: goods.grossMassKg,
  }));
  const values = items.map((i) => i.customsValue);
  const totalCustomsValue = values.some((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return {
    declarationId,
    office: declaration.office,
    declarantId: declaration.declarant.id,
    declarantName: declaration.declarant.name ?? null,
    exporterId: declaration.exporter?.id ?? null,
    exporterName: declaration.exporter?.name ?? null,
    consigneeId: declaration.importer?.id ?? null,
    consigneeName: declaration.importer?.name ?? null,
    transportMode: declaration.transport.mode,
    vehiclePlate: declaration.transport.vehiclePlate ?? null,
    routeCountries: declaration.transport.routeCountries,
    containerIds: declaration.containers.map((c) => c.id),
    totalCustomsValue,
    totalGrossMassKg: declaration.totals.grossMassKg,
    perishable: declaration.flags.perishable,
    expedited: declaration.flags.expedited,
    aeo: declaration.flags.aeo,
    items,
  };
}
