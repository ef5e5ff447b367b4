import {
  RiskConfig,
  type RiskProfile,
  type RiskRule,
  type Watchlist,
  type RandomSelection,
} from '../../../preload/contract/schemas/risk';

/**
 * A realistic starter configuration for demo mode and training: what a new
 * office might run before its own analysts tune it. Figures are illustrative.
 */

const STAMP = { version: 1, author: 'system', updatedAt: '2026-01-01T00:00:00.000Z' } as const;

const profiles: RiskProfile[] = [
  {
    id: 'narcotics',
    name: 'Narcotics and precursors',
    description: 'Precursor chemicals (1988 UN Convention Tables I/II) and known trafficking routes.',
    validFrom: '2026-01-01',
    validTo: null,
    active: true,
    ...STAMP,
  },
  {
    id: 'revenue',
    name: 'Revenue: undervaluation',
    description: 'Declared values far below reference prices for sensitive goods.',
    validFrom: '2026-01-01',
    validTo: null,
    active: true,
    ...STAMP,
  },
  {
    id: 'sps',
    name: 'Sanitary and phytosanitary',
    description: 'Perishable food, plants and animal products: documentary SPS checks (TFA Art. 7.9).',
    validFrom: '2026-01-01',
    validTo: null,
    active: true,
    ...STAMP,
  },
  {
    id: 'ipr-electronics',
    name: 'IPR: consumer electronics',
    description: 'Counterfeit phones and accessories via transshipment hubs.',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    active: true,
    ...STAMP,
  },
  {
    id: 'security',
    name: 'Security and strategic goods',
    description: 'Dual-use and weapons-related goods; watchlisted traders and vehicles.',
    validFrom: '2026-01-01',
    validTo: null,
    active: true,
    ...STAMP,
  },
  {
    id: 'pca',
    name: 'Post-clearance audit selection',
    description: 'Large, compliant traders: release now, audit later.',
    validFrom: '2026-01-01',
    validTo: null,
    active: true,
    ...STAMP,
  },
];

function rule(
  fields: Omit<RiskRule, 'version' | 'author' | 'updatedAt' | 'active' | 'description'> & { description?: string },
): RiskRule {
  return { description: '', active: true, ...STAMP, ...fields };
}

const rules: RiskRule[] = [
  rule({
    id: 'precursor-alkaloids',
    name: 'Precursors: ephedrine-type alkaloids (HS 2939)',
    profileId: 'narcotics',
    lane: 'red',
    score: 90,
    description: 'Ephedrine, pseudoephedrine and related alkaloids are Table I precursors of methamphetamine.',
    conditions: [{ field: 'hsCode', op: 'prefix', value: '2939' }],
  }),
  rule({
    id: 'precursor-amides',
    name: 'Precursors: carboxyamide compounds (HS 2924)',
    profileId: 'narcotics',
    lane: 'red',
    score: 70,
    description: 'Covers N-phenethyl-4-piperidone and other fentanyl precursors shipped under 2924 headings.',
    conditions: [{ field: 'hsCode', op: 'prefix', value: '2924' }],
  }),
  rule({
    id: 'precursor-acetic-anhydride',
    name: 'Precursors: acetic anhydride (HS 2915.24)',
    profileId: 'narcotics',
    lane: 'red',
    score: 80,
    conditions: [{ field: 'hsCode', op: 'prefix', value: '291524' }],
  }),
  rule({
    id: 'phones-transshipment',
    name: 'Phones routed through transshipment hubs (HS 8517)',
    profileId: 'ipr-electronics',
    lane: 'yellow',
    score: 40,
    description: 'High-value telephones routed via free zones often carry counterfeit or under-declared goods.',
    conditions: [
      { field: 'hsCode', op: 'prefix', value: '8517' },
      { field: 'routeCountry', op: 'in', values: ['AE', 'PA', 'SG'] },
      { field: 'itemCustomsValue', op: 'range', min: 50_000 },
    ],
  }),
  rule({
    id: 'tshirts-undervalued',
    name: 'Cotton T-shirts under 3.00 per kg (HS 6109)',
    profileId: 'revenue',
    lane: 'yellow',
    score: 35,
    description: 'Knitted T-shirts declared below a plausible value per kilogram: ask for invoice and proof of payment.',
    conditions: [
      { field: 'hsCode', op: 'prefix', value: '6109' },
      { field: 'itemValuePerKg', op: 'range', max: 3 },
    ],
  }),
  rule({
    id: 'footwear-undervalued',
    name: 'Footwear under 4.00 per kg (HS 64)',
    profileId: 'revenue',
    lane: 'yellow',
    score: 30,
    conditions: [
      { field: 'hsCode', op: 'prefix', value: '64' },
      { field: 'itemValuePerKg', op: 'range', max: 4 },
    ],
  }),
  rule({
    id: 'perishable-meat-fish',
    name: 'Perishable meat and fish: SPS certificates (HS 02, 03)',
    profileId: 'sps',
    lane: 'yellow',
    score: 20,
    conditions: [
      { field: 'perishable', op: 'eq', value: true },
      { field: 'hsCode', op: 'regex', pattern: '^0[23]' },
    ],
  }),
  rule({
    id: 'perishable-plants',
    name: 'Live plants, fruit and vegetables: phytosanitary certificate (HS 06–08)',
    profileId: 'sps',
    lane: 'yellow',
    score: 15,
    conditions: [
      {
        field: 'hsCode',
        op: 'in',
        values: ['06', '07', '08'].flatMap((ch) =>
          Array.from({ length: 14 }, (_, i) => `${ch}${String(i + 1).padStart(2, '0')}`),
        ),
      },
    ],
  }),
  rule({
    id: 'arms-parts',
    name: 'Arms and parts (HS 93)',
    profileId: 'security',
    lane: 'red',
    score: 100,
    conditions: [{ field: 'hsCode', op: 'prefix', value: '93' }],
  }),
  rule({
    id: 'dual-use-machine-tools',
    name: 'Machine tools from sanctioned origins (HS 8457–8459)',
    profileId: 'security',
    lane: 'red',
    score: 60,
    conditions: [
      { field: 'hsCode', op: 'regex', pattern: '^845[789]' },
      { field: 'originCountry', op: 'in', values: ['KP', 'IR', 'SY'] },
    ],
  }),
  rule({
    id: 'road-heavy-low-value',
    name: 'Road consignments heavier than 20 t declared under 5,000',
    profileId: 'revenue',
    lane: 'yellow',
    score: 25,
    conditions: [
      { field: 'transportMode', op: 'eq', value: 'road' },
      { field: 'totalGrossMassKg', op: 'range', min: 20_000 },
      { field: 'totalCustomsValue', op: 'range', max: 5_000 },
    ],
  }),
  rule({
    id: 'pca-large-aeo',
    name: 'Large AEO consignments: post-clearance audit',
    profileId: 'pca',
    lane: 'blue',
    score: 5,
    conditions: [
      { field: 'aeo', op: 'eq', value: true },
      { field: 'totalCustomsValue', op: 'range', min: 1_000_000 },
    ],
  }),
];

const watchlists: Watchlist[] = [
  {
    id: 'traders-intel',
    name: 'Traders under investigation',
    kind: 'trader',
    lane: 'red',
    score: 80,
    profileId: 'security',
    similarityThreshold: 0.86,
    active: true,
    ...STAMP,
    entries: [
      { id: 'T-001', value: 'Golden Dragon Import & Export Co., Ltd.', reason: 'Precursor diversion case 2025/117' },
      { id: 'T-002', value: '深圳市恒通达国际贸易有限公司', reason: '走私案件线索 2025-44', traderId: '91440300MA5F0XXXX1' },
      { id: 'T-003', value: 'Zenith Global Logistics FZE', reason: 'Misdeclared electronics via Jebel Ali' },
      { id: 'T-004', value: 'Nordic Fresh Seafood AS', reason: 'Repeated SPS certificate forgeries' },
    ],
  },
  {
    id: 'plates-alert',
    name: 'Vehicles of interest',
    kind: 'plate',
    lane: 'red',
    score: 60,
    profileId: 'security',
    similarityThreshold: 0.86,
    active: true,
    ...STAMP,
    entries: [
      { id: 'P-001', value: '粤B·12345', reason: 'Concealment found 2025-09' },
      { id: 'P-002', value: 'WX-67-AB', reason: 'Alert from partner administration' },
    ],
  },
  {
    id: 'containers-alert',
    name: 'Containers of interest',
    kind: 'container',
    lane: 'red',
    score: 60,
    profileId: 'security',
    similarityThreshold: 0.86,
    active: true,
    ...STAMP,
    entries: [{ id: 'C-001', value: 'MSCU 123456 5', reason: 'Tip-off: false bottom' }],
  },
  {
    id: 'hs-cites',
    name: 'CITES-listed goods',
    kind: 'hsPrefix',
    lane: 'yellow',
    score: 30,
    profileId: null,
    similarityThreshold: 0.86,
    active: true,
    ...STAMP,
    entries: [
      { id: 'H-001', value: '0507.10', reason: 'Ivory: CITES permit required' },
      { id: 'H-002', value: '4403.49', reason: 'Tropical timber: CITES permit for listed species' },
    ],
  },
];

const randomSelection: RandomSelection = {
  offices: [
    { office: 'CNSZX001', expectedRate: 0.05, minimumRate: 0.01 },
    { office: 'CNSHA001', expectedRate: 0.04, minimumRate: 0.01 },
  ],
  defaultExpectedRate: 0.03,
  defaultMinimumRate: 0.005,
  aeoReductionFactor: 0.2,
  lane: 'yellow',
  score: 10,
  ...STAMP,
};

/** The version the starter random selection carries; the repository counts on from it. */
export const STARTER_RANDOM_SELECTION_VERSION = randomSelection.version;

/** Parsed so the starter set is held to the same validation as supervisors' edits. */
export function defaultRiskConfig(timeZone = 'Asia/Shanghai'): RiskConfig {
  return RiskConfig.parse({ rules, profiles, watchlists, randomSelection, timeZone });
}
