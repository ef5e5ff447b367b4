import type { RiskField } from '../../../preload/contract/schemas/risk';
import { normalisePlate } from '../../../preload/contract/schemas/gate';
import { normalizeCode, normalizeContainerId, normalizeHsCode } from './normalize';
import { valuePerKg, type RiskSubject } from './subject';

/** A field's values in canonical form: empty when unknown; several for route countries and containers. */
export type FieldValues = readonly (string | number | boolean)[];

export interface PreparedItem {
  sequence: number;
  values: Readonly<Partial<Record<RiskField, FieldValues>>>;
}

/** The subject with every field normalized once, so rules compare canonical values. */
export interface PreparedSubject {
  subject: RiskSubject;
  header: Readonly<Partial<Record<RiskField, FieldValues>>>;
  items: readonly PreparedItem[];
}

const NONE: FieldValues = [];

function text(value: string | null, normalize: (value: string) => string = normalizeCode): FieldValues {
  if (value === null) return NONE;
  const normalized = normalize(value);
  return normalized === '' ? NONE : [normalized];
}

function number(value: number | null): FieldValues {
  return value === null || !Number.isFinite(value) ? NONE : [value];
}

export function prepareSubject(subject: RiskSubject): PreparedSubject {
  const header: Partial<Record<RiskField, FieldValues>> = {
    declarantId: text(subject.declarantId),
    exporterId: text(subject.exporterId),
    consigneeId: text(subject.consigneeId),
    office: text(subject.office),
    transportMode: text(subject.transportMode),
    vehiclePlate: text(subject.vehiclePlate, normalisePlate),
    routeCountry: subject.routeCountries.map(normalizeCode).filter((v) => v !== ''),
    containerId: subject.containerIds.map(normalizeContainerId).filter((v) => v !== ''),
    totalCustomsValue: number(subject.totalCustomsValue),
    totalGrossMassKg: number(subject.totalGrossMassKg),
    totalValuePerKg: number(valuePerKg(subject.totalCustomsValue, subject.totalGrossMassKg)),
    perishable: [subject.perishable],
    expedited: [subject.expedited],
    aeo: [subject.aeo],
  };
  const items = subject.items.map((item) => ({
    sequence: item.sequence,
    values: {
      hsCode: text(item.hsCode, normalizeHsCode),
      originCountry: text(item.originCountry),
      itemCustomsValue: number(item.customsValue),
      itemGrossMassKg: number(item.grossMassKg),
      itemValuePerKg: number(valuePerKg(item.customsValue, item.grossMassKg)),
    },
  }));
  return { subject, header, items };
}
