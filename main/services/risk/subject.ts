/**
 * What the risk engine reads: a flat, explicit view of one declaration. The
 * engine never sees the declaration model itself (subject-from-declaration.ts
 * adapts it), so rules keep working when that model grows.
 *
 * Amounts are in the office's reference currency; null means unknown, and a
 * condition on an unknown value never holds.
 */
export interface RiskSubject {
  /** The declaration's id: used by the dry run and in logs, never by rules. */
  declarationId: string;
  office: string;
  declarantId: string | null;
  declarantName: string | null;
  exporterId: string | null;
  exporterName: string | null;
  consigneeId: string | null;
  consigneeName: string | null;
  transportMode: string | null;
  vehiclePlate: string | null;
  /** Countries of routing, in order (ISO 3166-1 alpha-2). */
  routeCountries: readonly string[];
  containerIds: readonly string[];
  totalCustomsValue: number | null;
  totalGrossMassKg: number | null;
  perishable: boolean;
  expedited: boolean;
  /** Authorised economic operator (TFA Art. 7.7): reduced random selection. */
  aeo: boolean;
  items: readonly RiskSubjectItem[];
}

export interface RiskSubjectItem {
  /** Goods item sequence number as declared (1-based). */
  sequence: number;
  hsCode: string;
  originCountry: string | null;
  customsValue: number | null;
  grossMassKg: number | null;
}

/** Value per kilogram, or null when either side is unknown or the mass is not positive. */
export function valuePerKg(value: number | null, massKg: number | null): number | null {
  if (value === null || massKg === null || !(massKg > 0)) return null;
  return value / massKg;
}
