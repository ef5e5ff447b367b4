/**
 * How each decision is told to the declarant. EDIFACT has no dedicated code
 * values for these outcomes, so the indicators are Clearway conventions agreed
 * with the single window (GIS 7365 with responsible agency ZZZ = mutually
 * defined), mirroring the declaration flags' GIS convention in cusdec/codes.ts.
 * The WCO response FunctionCode values follow DMS-style response types.
 */
import type { Decision } from '../../../preload/contract/schemas/queue';

export interface ResponseCodes {
  /** GIS 7365 processing indicator in CUSRES. */
  gis: string;
  /** WCO DM Response FunctionCode. */
  functionCode: string;
  /** Human-readable status written in both messages. */
  status: string;
  /** Decisions that ask the declarant to act carry an error/pointer group. */
  actionRequired: boolean;
}

export const RESPONSE_CODES: Readonly<Record<Decision, ResponseCodes>> = {
  release: { gis: 'REL', functionCode: '11', status: 'Released', actionRequired: false },
  hold: { gis: 'HLD', functionCode: '05', status: 'Held', actionRequired: true },
  requestDocuments: { gis: 'DOC', functionCode: '10', status: 'Documents requested', actionRequired: true },
  sendToInspection: { gis: 'INS', functionCode: '07', status: 'Selected for physical inspection', actionRequired: true },
};

/** CUSRES BGM 1001: customs response; DTM 2005 137: document/message date/time; RFF 1153 ABT: customs declaration number. */
export const CUSRES = {
  documentName: '962',
  dateQualifier: '137',
  declarationReference: 'ABT',
  freeTextSubject: 'AAI',
  errorText: 'AAO',
} as const;
