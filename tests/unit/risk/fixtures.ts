import {
  RiskConfig,
  type Condition,
  type Lane,
  type RandomSelection,
  type RiskProfile,
  type RiskRule,
  type Watchlist,
} from '../../../preload/contract/schemas/risk';
import type { RiskSubject, RiskSubjectItem } from '../../../main/services/risk/subject';

export const STAMP = { version: 1, author: 'tester', updatedAt: '2026-01-01T00:00:00.000Z' } as const;
export const NOW = new Date('2026-03-15T10:00:00.000Z');

/** Never selects at random: for tests about rules and watchlists. */
export const NEVER = (): number => 0.999_999;

export function item(overrides: Partial<RiskSubjectItem> = {}): RiskSubjectItem {
  return { sequence: 1, hsCode: '8471.30', originCountry: 'CN', customsValue: 10_000, grossMassKg: 500, ...overrides };
}

export function subject(overrides: Partial<RiskSubject> = {}): RiskSubject {
  return {
    declarationId: 'D-1',
    office: 'CNSZX001',
    declarantId: 'DECL-1',
    declarantName: 'Swift Customs Brokers Ltd',
    exporterId: 'EXP-1',
    exporterName: 'Pacific Components Co., Ltd.',
    consigneeId: 'CON-1',
    consigneeName: 'Harbour Retail GmbH',
    transportMode: 'sea',
    vehiclePlate: null,
    routeCountries: ['CN', 'SG', 'DE'],
    containerIds: ['MSKU1234565'],
    totalCustomsValue: 10_000,
    totalGrossMassKg: 500,
    perishable: false,
    expedited: false,
    aeo: false,
    items: [item()],
    ...overrides,
  };
}

export function rule(id: string, conditions: Condition[], lane: Lane = 'yellow', overrides: Partial<RiskRule> = {}): RiskRule {
  return {
    id,
    name: `rule ${id}`,
    description: '',
    conditions,
    lane,
    score: 10,
    profileId: null,
    active: true,
    ...STAMP,
    ...overrides,
  };
}

export function profile(
  id: string,
  validFrom: string,
  validTo: string | null,
  overrides: Partial<RiskProfile> = {},
): RiskProfile {
  return { id, name: `profile ${id}`, description: '', validFrom, validTo, active: true, ...STAMP, ...overrides };
}

export function watchlist(kind: Watchlist['kind'], entries: Watchlist['entries'], overrides: Partial<Watchlist> = {}): Watchlist {
  return {
    id: `wl-${kind}`,
    name: `${kind} list`,
    kind,
    lane: 'red',
    score: 50,
    profileId: null,
    similarityThreshold: 0.86,
    entries,
    active: true,
    ...STAMP,
    ...overrides,
  };
}

export function randomSelection(overrides: Partial<RandomSelection> = {}): RandomSelection {
  return {
    offices: [],
    defaultExpectedRate: 0,
    defaultMinimumRate: 0,
    aeoReductionFactor: 0.25,
    lane: 'yellow',
    score: 5,
    ...STAMP,
    ...overrides,
  };
}

export function config(
  parts: Partial<Omit<RiskConfig, 'randomSelection'>> & { randomSelection?: RandomSelection } = {},
): RiskConfig {
  return RiskConfig.parse({
    rules: [],
    profiles: [],
    watchlists: [],
    randomSelection: randomSelection(),
    timeZone: 'UTC',
    ...parts,
  });
}
