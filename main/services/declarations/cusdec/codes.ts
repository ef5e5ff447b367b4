/**
 * The UN/EDIFACT code values the CUSDEC reader and writer use (UNTDID code
 * lists), plus the few Clearway conventions for data the standard message has
 * no dedicated code for (flags as GIS indicators, item-to-container links).
 */
import type { TransportMode } from '../../../../preload/contract/schemas/declarations';

/** 3227 place/location function code qualifier. */
export const LOC = {
  customsOffice: '22', // customs office of clearance
  loading: '9', // place/port of loading
  unloading: '11', // place/port of discharge
  origin: '27', // country of origin
  routing: '57', // country of routing (transit)
} as const;

/** 2005 date/time/period function code qualifier. */
export const DTM = {
  lodgement: '137', // document/message date/time
  arrival: '132', // transport means arrival date/time, estimated
} as const;

/** 2379 date/time format codes the reader understands. */
export const DTM_FORMAT = { date: '102', minutes: '203', seconds: '204' } as const;

/** 3035 party function code qualifier. */
export const PARTY = {
  declarant: ['DT', 'DE', 'AE'], // declarant / declarant's agent
  exporter: ['EX', 'CZ'], // exporter, consignor
  importer: ['IM', 'CN'], // importer, consignee
} as const;

/** 8051 transport stage qualifier: 11 at border (the means crossing the customs frontier). */
export const TRANSPORT_STAGE_AT_BORDER = '11';

/** 8067 transport mode, from UN/ECE Recommendation 19. */
export const TRANSPORT_MODE_CODE = {
  sea: '1',
  rail: '2',
  road: '3',
  air: '4',
  mail: '5',
  multimodal: '6',
  'fixed-installation': '7',
  'inland-water': '8',
} as const satisfies Record<TransportMode, string>;
export const TRANSPORT_MODE: Record<string, TransportMode> = Object.fromEntries(
  Object.entries(TRANSPORT_MODE_CODE).map(([mode, code]) => [code, mode as TransportMode]),
);
/** For error messages: "1 sea, 2 rail, …, 8 inland-water". */
export const TRANSPORT_MODE_LIST = Object.entries(TRANSPORT_MODE_CODE)
  .map(([mode, code]) => `${code} ${mode}`)
  .join(', ');

/** 6311 / 6313 measurement qualifiers: both the D96B-era and later codes are accepted. */
export const MEA = {
  weight: ['WT', 'AAE'],
  gross: ['AAB', 'G'],
  net: ['AAA', 'N'],
} as const;

/** 6411 measurement units converted to kilograms. */
export const MASS_UNIT_KG: Record<string, number> = { KGM: 1, TNE: 1000, GRM: 0.001 };

/** 5025 monetary amount type: 40 customs value (preferred), 38 invoice item amount as fallback. */
export const MOA = { customsValue: '40', itemAmount: '38' } as const;

/** 4451 text subject: AAA goods description. */
export const FTX_GOODS_DESCRIPTION = 'AAA';

/** 8053 equipment type qualifier: CN container. */
export const EQUIPMENT_CONTAINER = 'CN';

/** 1153 reference qualifier linking a goods item to a container (AAQ, transport equipment id). */
export const RFF_CONTAINER = 'AAQ';

/** GIS 7365 indicators: Clearway conventions for the declaration flags. */
export const FLAG = { perishable: 'PER', expedited: 'EXP', aeo: 'AEO' } as const;

/** 1001 document name: 929 goods declaration for importation. */
export const BGM_IMPORT_DECLARATION = '929';
