/**
 * The gate event log: each vehicle arriving at or leaving through a gate lane, as
 * recorded by an officer by hand or (later) read from a camera frame by plate
 * recognition, and linked to the declaration that carries its plate.
 */
import { z } from 'zod';
import { Id, IsoTime } from './common';
import { Lane as RiskLane } from './risk';
import { SiteId } from './site';

/**
 * A plate as stored and compared: upper case, no spaces, dashes or dots, so
 * "粤B·12345", "粤b 12345" and "粤B-12345" are one vehicle. Latin letters, digits
 * and Chinese characters (province prefix, 港/澳/学/警/挂 suffixes), 2 to 12 of them.
 */
export const PLATE_PATTERN = /^[0-9A-Z\u4E00-\u9FFF]{2,12}$/;
export const Plate = z
  .string()
  .regex(PLATE_PATTERN, 'must be 2–12 Latin letters, digits or Chinese characters once spaces, dashes and dots are removed');
export type Plate = z.infer<typeof Plate>;

/**
 * Separators people, declarants and readers write inside plates; none of them
 * tells two vehicles apart: white space, hyphen and dash forms (U+2010–2015,
 * minus U+2212), underscore, full stop, and middle dots (U+00B7, U+2022, U+2027,
 * U+2219, U+30FB). Full-width forms are folded by NFKC before this applies.
 */
const PLATE_SEPARATORS = /[\s\-\u2010-\u2015\u2212_.\u00B7\u2022\u2027\u2219\u30FB]/g;

/**
 * The comparable form of a plate as typed or read: full-width forms folded to
 * ASCII (NFKC), upper case, separators removed. Does not validate: see plateProblem.
 */
export function normalisePlate(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(PLATE_SEPARATORS, '');
}

/** Why a normalised plate is not a plate, or null when it is one. */
export function plateProblem(normalised: string): string | null {
  if (normalised.length === 0) return 'must not be empty';
  if (normalised.length < 2 || normalised.length > 12)
    return `must be 2–12 characters without separators, not ${normalised.length}`;
  const bad = [...normalised].find((char) => !/^[0-9A-Z\u4E00-\u9FFF]$/.test(char));
  if (bad !== undefined) return `contains "${bad}"; a plate has only Latin letters, digits and Chinese characters`;
  return null;
}

export const GateDirection = z.enum(['arrival', 'departure'], { error: 'must be arrival or departure' });
export type GateDirection = z.infer<typeof GateDirection>;

/** Who saw the vehicle: an officer at the lane, or plate recognition on a camera frame. */
export const GateSource = z.enum(['officer', 'recognition'], { error: 'must be officer or recognition' });
export type GateSource = z.infer<typeof GateSource>;

/** The declaration a gate event was linked to when recorded, with its lane now. */
export const GateDeclaration = z.object({
  number: Id,
  /** Null when the declaration has no queue row (not yet risk-assessed). */
  lane: RiskLane.nullable(),
});
export type GateDeclaration = z.infer<typeof GateDeclaration>;

export const Confidence = z
  .number({ error: 'must be a number' })
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');

export const GateEvent = z
  .object({
    id: Id,
    at: IsoTime,
    laneId: SiteId,
    direction: GateDirection,
    plate: Plate,
    source: GateSource,
    cameraId: SiteId.optional(),
    /** How sure recognition was, 0..1; absent for an officer's entry. */
    confidence: Confidence.optional(),
    /** Who recorded it (display name and username), or the recognition pipeline's actor. */
    recordedBy: z.string().min(1).max(200),
    /** The most recent not-yet-released declaration with this plate when the event was recorded; null when none. */
    declaration: GateDeclaration.nullable(),
  })
  .refine((event) => (event.source === 'recognition') === (event.confidence !== undefined), {
    message: 'recognition events carry a confidence; officer entries do not',
    path: ['confidence'],
  });
export type GateEvent = z.infer<typeof GateEvent>;

/**
 * What an officer records by hand through cw:gate.record. There is deliberately no
 * `source` or `confidence`: the source is evidence (a recognised, confident read may
 * later release a green-lane truck without a stop), so typing at a workstation can
 * never produce a "recognition" event. Recognition calls GateService.record in the
 * services with source 'recognition' and its confidence, through its own entry point.
 */
export const RecordGateInput = z.object({
  laneId: SiteId,
  direction: GateDirection,
  /** As typed; the service normalises it (normalisePlate) and says what is wrong with it. */
  plate: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(32, 'must be at most 32 characters'),
  /** The camera the officer watched the lane through, when there was one. */
  cameraId: SiteId.optional(),
});
export type RecordGateInput = z.infer<typeof RecordGateInput>;

export const GateListInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  laneId: SiteId.optional(),
  /** Part of a plate, in any spelling (normalised like a plate before matching). */
  plate: z.string().trim().max(32, 'must be at most 32 characters').optional(),
});
export type GateListInput = z.input<typeof GateListInput>;

export const GateListOutput = z.object({
  /** Newest first. */
  rows: z.array(GateEvent),
  /** Events matching the filter, for paging. */
  total: z.number().int().min(0),
});
export type GateListOutput = z.infer<typeof GateListOutput>;

export const DEFAULT_DWELL_MINUTES = 120;

export const GatePresentInput = z.object({
  /** An arrival older than this without a departure is taken as gone unrecorded. */
  dwellMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(DEFAULT_DWELL_MINUTES),
});
export type GatePresentInput = z.input<typeof GatePresentInput>;

/** A vehicle at the gate now: its latest event is an arrival within the dwell window. */
export const PresentVehicle = z.object({
  plate: Plate,
  laneId: SiteId,
  arrivedAt: IsoTime,
  eventId: Id,
  source: GateSource,
  declaration: GateDeclaration.nullable(),
});
export type PresentVehicle = z.infer<typeof PresentVehicle>;
