/**
 * Recognition at the gate: plate and container reads from lane cameras, the
 * per-camera settings and per-lane auto-release policy a supervisor sets, and the
 * decision taken for each recognised vehicle (released automatically, or an alert
 * for the officer with every reason that blocked the automatic release).
 */
import { z } from 'zod';
import { Id, IsoTime } from './common';
import { Confidence } from './gate';
import { Lane as RiskLane } from './risk';
import { DeclarationStatus } from './queue';
import { CameraReads, type Roi, Roi as RoiSchema, SiteId } from './site';

export { CameraReads, RoiSchema as Roi };

/** The face check's outcome as decision support; only 'mismatch' blocks an automatic release. */
export const FaceVerdict = z.enum(['match', 'mismatch', 'uncertain', 'not-checked'], {
  error: 'must be match, mismatch, uncertain or not-checked',
});
export type FaceVerdict = z.infer<typeof FaceVerdict>;

const unit = z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const FULL_FRAME: Roi = { x: 0, y: 0, width: 1, height: 1 };

/** How a camera's frames are read; a supervisor's settings override the site file's ROI. */
export const CameraRecognitionSettings = z.object({
  enabled: z.boolean(),
  roi: RoiSchema,
  /** A read below this (its least sure character) is uncertain and never releases a vehicle. */
  minConfidence: unit,
  /** Frames per second sent for reading; frames arriving while one is read are dropped. */
  frameRate: z.number({ error: 'must be a number' }).min(0.5, 'must be between 0.5 and 10').max(10, 'must be between 0.5 and 10'),
  /** Share of the ROI that must change between frames for a vehicle to be taken as arriving. */
  motionThreshold: unit,
});
export type CameraRecognitionSettings = z.infer<typeof CameraRecognitionSettings>;

export const DEFAULT_CAMERA_SETTINGS: CameraRecognitionSettings = {
  enabled: true,
  roi: FULL_FRAME,
  minConfidence: 0.7,
  frameRate: 2,
  motionThreshold: 0.02,
};

/** A gate lane camera as recognition uses it: the site file's binding and the settings in force. */
export const RecognitionCamera = z.object({
  cameraId: SiteId,
  laneId: SiteId,
  reads: CameraReads,
  settings: CameraRecognitionSettings,
});
export type RecognitionCamera = z.infer<typeof RecognitionCamera>;

export const LanePolicy = z.object({
  laneId: SiteId,
  /** Green-lane vehicles that pass every check open the barrier without an officer. */
  autoRelease: z.boolean(),
});
export type LanePolicy = z.infer<typeof LanePolicy>;

export const RecognitionSetup = z.object({ cameras: z.array(RecognitionCamera), lanes: z.array(LanePolicy) });
export type RecognitionSetup = z.infer<typeof RecognitionSetup>;

export const SetCameraSettingsInput = z.object({ cameraId: SiteId, settings: CameraRecognitionSettings });
export const SetLanePolicyInput = LanePolicy;

/** One camera frame for reading: a JPEG as base64, from the renderer's camera source. */
export const RecognitionFrameInput = z.object({
  cameraId: SiteId,
  /** When the frame was taken (the renderer's clock). */
  capturedAt: IsoTime,
  jpegBase64: z
    .string()
    .min(100, 'must be a JPEG image')
    .max(900_000, 'must be at most 900 kB of base64: send frames at most 1280 pixels wide')
    .regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64'),
  /** The face check at this lane, when one ran (another module's verdict). */
  face: FaceVerdict.optional(),
});
export type RecognitionFrameInput = z.infer<typeof RecognitionFrameInput>;

export const RecognitionFrameOutput = z.object({
  /** 'queued' to be read; 'replaced' a frame still waiting (that older one is dropped); 'ignored' camera off or not a gate camera. */
  outcome: z.enum(['queued', 'replaced', 'ignored']),
});

/** Why a vehicle was not released automatically; each one is shown to the officer. */
export const BlockingReason = z.enum([
  'autoReleaseOff',
  'plateUncertain',
  'noDeclaration',
  'nearMissOnly',
  'severalDeclarations',
  'notGreenLane',
  'notReleasable',
  'held',
  'watchlistHit',
  'containerNotRead',
  'containerUncertain',
  'containerMismatch',
  'faceMismatch',
]);
export type BlockingReason = z.infer<typeof BlockingReason>;

export const ReadResult = z.object({
  text: z.string().max(16),
  confidence: Confidence,
  /** Plate: fitted a format and is above the camera's threshold. Container: check digit agrees and above threshold. */
  confident: z.boolean(),
});
export type ReadResult = z.infer<typeof ReadResult>;

export const CandidateDeclaration = z.object({
  number: Id,
  plate: z.string().nullable(),
  lane: RiskLane.nullable(),
  status: DeclarationStatus.nullable(),
  /** Edits between the read plate and the declared one (0 = exact). */
  distance: z.number().int().min(0),
  /** The read container is one the declaration lists. */
  containerMatch: z.boolean(),
});
export type CandidateDeclaration = z.infer<typeof CandidateDeclaration>;

export const GateDecisionKind = z.enum(['autoReleased', 'alert', 'confirmed', 'corrected']);
export type GateDecisionKind = z.infer<typeof GateDecisionKind>;

/** A recognised vehicle and what was decided for it. */
export const GateDecision = z.object({
  id: Id,
  laneId: SiteId,
  cameraId: SiteId,
  eventId: Id,
  plate: ReadResult,
  container: ReadResult.nullable(),
  face: FaceVerdict,
  declarationNumber: Id.nullable(),
  candidates: z.array(CandidateDeclaration),
  kind: GateDecisionKind,
  reasons: z.array(BlockingReason),
  /** The barrier opened (automatically, or when the officer confirmed). */
  barrierOpened: z.boolean(),
  firstSeenAt: IsoTime,
  decidedAt: IsoTime,
  /** From first sighting to the decision shown. */
  decisionMs: z.number().int().min(0),
  /** Who resolved an alert, and when. */
  resolvedBy: z.string().nullable(),
  resolvedAt: IsoTime.nullable(),
  /** The officer's correction of the plate and declaration, when the alert was corrected. */
  resolvedPlate: z.string().nullable(),
  resolvedDeclaration: Id.nullable(),
  /** Reads taken into the per-character vote. */
  frames: z.number().int().min(0),
  /** The frame with the best read, as a JPEG data URL. */
  snapshot: z.string().nullable(),
});
export type GateDecision = z.infer<typeof GateDecision>;

export const GateDecisionListInput = z.object({
  limit: z.number().int().min(1).max(200).default(20),
  openOnly: z.boolean().default(false),
});

/** The officer's one-key answer to an alert: confirm the read (and its match), or correct plate and declaration. */
export const ResolveAlertInput = z.object({
  decisionId: Id,
  action: z.enum(['confirm', 'correct']),
  plate: z.string().trim().max(32).optional(),
  declarationNumber: Id.nullable().optional(),
  /** Open the barrier for the vehicle. */
  openBarrier: z.boolean(),
});
export type ResolveAlertInput = z.infer<typeof ResolveAlertInput>;

/** A lane as the gate screen shows it live. */
export const LaneLive = z.object({
  laneId: SiteId,
  cameraId: SiteId,
  state: z.enum(['idle', 'vehicle', 'decided']),
  /** The last plate read on a frame (not yet voted), with its confidence. */
  lastRead: ReadResult.nullable(),
  lastReadAt: IsoTime.nullable(),
  /** Frames read, and dropped because a newer one arrived before reading. */
  framesRead: z.number().int().min(0),
  framesDropped: z.number().int().min(0),
  /** Median milliseconds per frame read on this lane. */
  msPerFrame: z.number().min(0).nullable(),
  barrier: z.enum(['closed', 'open']),
});
export type LaneLive = z.infer<typeof LaneLive>;

/** Decision times for the dashboard, per vehicle. */
export const DecisionTimesInput = z.object({ days: z.number().int().min(1).max(90).default(7) });
export const DecisionTimesOutput = z.object({
  rows: z.array(z.object({ decidedAt: IsoTime, laneId: SiteId, kind: GateDecisionKind, decisionMs: z.number().int().min(0) })),
  medianMs: z.number().nullable(),
  p95Ms: z.number().nullable(),
  autoReleased: z.number().int().min(0),
  alerts: z.number().int().min(0),
});
export type DecisionTimesOutput = z.infer<typeof DecisionTimesOutput>;
