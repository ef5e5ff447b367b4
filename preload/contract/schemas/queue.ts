/**
 * The declaration queue: statuses, decisions, list queries, the detail view,
 * responses (CUSRES / WCO DM response), imports and the Time Release Study
 * dashboard. Pure zod; the renderer imports these too.
 */
import { z } from 'zod';
import { UploadChunkInput as ChunkedUpload } from './upload';
import { Id, IsoTime } from './common';
import { Declaration, DeclarationFormat, MessageFunction, Reject } from './declarations';
import { Hit, Lane } from './risk';

// ---------------------------------------------------------------- statuses and decisions

/**
 * pending: assessed, waiting for an officer; documentsRequested: waiting for the
 * trader's documents; inspection: sent to physical inspection; held: goods held;
 * released: final; cancelled: withdrawn by the declarant before release (message function 1), final.
 */
export const DeclarationStatus = z.enum(['pending', 'documentsRequested', 'inspection', 'held', 'released', 'cancelled']);
export type DeclarationStatus = z.infer<typeof DeclarationStatus>;

/** Work still to do: the queue's default view. Released and cancelled are decided. */
export const OPEN_STATUSES: readonly DeclarationStatus[] = ['pending', 'documentsRequested', 'inspection', 'held'];
/** Statuses no decision, amendment or cancellation leaves. */
export const FINAL_STATUSES: readonly DeclarationStatus[] = ['released', 'cancelled'];

export const Decision = z.enum(['release', 'hold', 'requestDocuments', 'sendToInspection']);
export type Decision = z.infer<typeof Decision>;

/** The status each decision leads to. */
export const STATUS_AFTER: Readonly<Record<Decision, DeclarationStatus>> = {
  release: 'released',
  hold: 'held',
  requestDocuments: 'documentsRequested',
  sendToInspection: 'inspection',
};

/** Decisions allowed from each status; released is final. */
export const ALLOWED_DECISIONS: Readonly<Record<DeclarationStatus, readonly Decision[]>> = {
  pending: ['release', 'hold', 'requestDocuments', 'sendToInspection'],
  documentsRequested: ['release', 'hold', 'sendToInspection'],
  inspection: ['release', 'hold', 'requestDocuments'],
  held: ['release', 'requestDocuments', 'sendToInspection'],
  released: [],
  cancelled: [],
};

export const REASON_MIN_LENGTH = 5;
export const Reason = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, `give a reason of at least ${REASON_MIN_LENGTH} characters`)
  .max(1000);

/** Declaration numbers (WCO FunctionalReferenceID). */
export const DeclarationNumber = z.string().min(1).max(35);
export const DeclarationNumbers = z.array(DeclarationNumber).min(1).max(5000);

// ---------------------------------------------------------------- list

export const QueueFilter = z.object({
  lanes: z.array(Lane).max(4).optional(),
  statuses: z.array(DeclarationStatus).max(6).optional(),
  perishable: z.boolean().optional(),
  expedited: z.boolean().optional(),
  aeo: z.boolean().optional(),
  /** Customs office code, exact. */
  office: z.string().min(1).max(17).optional(),
  /** Declarant id (exact) or name (contains, case-insensitive). */
  trader: z.string().min(1).max(140).optional(),
  /** Any goods item's HS code starts with these digits. */
  hsPrefix: z
    .string()
    .regex(/^\d{1,10}$/, 'HS prefix is 1–10 digits')
    .optional(),
  /** 'me', 'unassigned' or a user id. */
  assignee: z.string().min(1).max(64).optional(),
  /** Contains, case-insensitive, over number, trader name/id, container numbers and vehicle plate. */
  text: z.string().trim().min(1).max(100).optional(),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

export const QueueSortColumn = z.enum([
  /** Perishable and expedited first, then the least SLA time left. */
  'priority',
  'number',
  'arrivalTime',
  'lodgementTime',
  'trader',
  'aeo',
  'lane',
  'score',
  'slaDueAt',
  'status',
  'assignee',
]);
export type QueueSortColumn = z.infer<typeof QueueSortColumn>;

export const QueueSort = z.object({ by: QueueSortColumn, dir: z.enum(['asc', 'desc']).default('asc') });
export type QueueSort = z.infer<typeof QueueSort>;

export const QueueListInput = z.object({
  filter: QueueFilter.default({}),
  sort: QueueSort.default({ by: 'priority', dir: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
});
export type QueueListInput = z.input<typeof QueueListInput>;

/** One lean row of the virtualized table. */
export const QueueRow = z.object({
  number: z.string(),
  office: z.string(),
  arrivalTime: IsoTime.nullable(),
  lodgementTime: IsoTime,
  traderId: z.string(),
  traderName: z.string(),
  aeo: z.boolean(),
  perishable: z.boolean(),
  expedited: z.boolean(),
  lane: Lane,
  score: z.number().int(),
  slaDueAt: IsoTime,
  status: DeclarationStatus,
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  /** When it was released: the SLA clock stops there. */
  releasedAt: IsoTime.nullable(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueueListOutput = z.object({
  rows: z.array(QueueRow),
  /** Rows matching the filter (for the virtualized scroll height). */
  total: z.number().int(),
});
export type QueueListOutput = z.infer<typeof QueueListOutput>;

// ---------------------------------------------------------------- detail

/** Time Release Study timestamps; null until the step happens. */
export const TrsTimestamps = z.object({
  arrivalAt: IsoTime.nullable(),
  lodgedAt: IsoTime,
  riskAssessedAt: IsoTime,
  documentaryCheckAt: IsoTime.nullable(),
  inspectionAt: IsoTime.nullable(),
  releasedAt: IsoTime.nullable(),
});
export type TrsTimestamps = z.infer<typeof TrsTimestamps>;

export const TimelineKind = z.enum([
  'arrival',
  'lodgement',
  'riskAssessed',
  'decision',
  'assigned',
  'rerouted',
  /** A new version arrived (reason says what it did: re-assessed, or kept for post-clearance review). */
  'amended',
  'cancelled',
  /** A supervisor reviewed a post-release amendment. */
  'reviewed',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEntry = z.object({
  at: IsoTime,
  kind: TimelineKind,
  /** Display name of who did it; null for system steps (arrival, lodgement, assessment). */
  actor: z.string().nullable(),
  decision: Decision.nullable(),
  fromStatus: DeclarationStatus.nullable(),
  toStatus: DeclarationStatus.nullable(),
  fromLane: Lane.nullable(),
  toLane: Lane.nullable(),
  reason: z.string().nullable(),
  /** For 'assigned': the new assignee's display name (null = unassigned). */
  assignee: z.string().nullable(),
  /** For 'amended', 'cancelled' and 'reviewed': the version concerned. */
  version: z.number().int().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const DispositionCounts = z.object({
  release: z.number().int(),
  hold: z.number().int(),
  requestDocuments: z.number().int(),
  sendToInspection: z.number().int(),
});
export type DispositionCounts = z.infer<typeof DispositionCounts>;

/** What officers decided on other declarations that hit the same rule/watchlist/random selection. */
export const PriorDispositions = z.object({
  /** 'rule:<id>', 'watchlist:<id>' or 'random'. */
  hitKey: z.string(),
  label: z.string(),
  declarations: z.number().int(),
  counts: DispositionCounts,
});
export type PriorDispositions = z.infer<typeof PriorDispositions>;

export const ResponseKind = z.enum(['cusres', 'wco-xml']);
export type ResponseKind = z.infer<typeof ResponseKind>;

export const ResponseMessage = z.object({
  id: Id,
  kind: ResponseKind,
  decision: Decision,
  createdAt: IsoTime,
  /** File name in <dataDir>/outbox/. */
  fileName: z.string(),
  content: z.string(),
});
export type ResponseMessage = z.infer<typeof ResponseMessage>;

/**
 * How one imported version was read: the message implementation profile, why it was
 * chosen, what it warned about, and the message as received (content no profile maps
 * can be read there).
 */
export const DeclarationRead = z.object({
  importedAt: IsoTime,
  profile: z.string(),
  reason: z.string(),
  warnings: z.array(z.object({ message: z.string(), where: z.string().nullable() })),
  raw: z.string(),
});
export type DeclarationRead = z.infer<typeof DeclarationRead>;

/** One field that differs between two versions of a declaration (paths name goods items by sequence, containers by id). */
export const FieldChange = z.object({
  path: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * What a received version did: the first one (original), an amendment before release that was
 * re-assessed, an amendment after release kept for post-clearance review, or a cancellation.
 */
export const VersionOutcome = z.enum(['original', 'reassessed', 'postRelease', 'cancellation']);
export type VersionOutcome = z.infer<typeof VersionOutcome>;

export const VersionReview = z.object({ at: IsoTime, by: z.string(), note: z.string() });
export type VersionReview = z.infer<typeof VersionReview>;

export const DeclarationVersion = z.object({
  version: z.number().int().min(1),
  functionCode: MessageFunction,
  outcome: VersionOutcome,
  receivedAt: IsoTime,
  sourceFile: z.string(),
  format: z.string(),
  /** SHA-256 of the message function and the normalised declaration. */
  contentHash: z.string(),
  /** How many times this very version was received again (not stored twice). */
  duplicates: z.number().int(),
  /** Fields that differ from the version before (empty for the first). */
  changes: z.array(FieldChange),
  /** For post-release amendments: the supervisor's review, null until reviewed. */
  review: VersionReview.nullable(),
});
export type DeclarationVersion = z.infer<typeof DeclarationVersion>;

export const DeclarationDetail = z.object({
  row: QueueRow,
  declaration: Declaration,
  assessment: z.object({
    /** Lane the engine chose; row.lane differs after a supervisor reroute. */
    lane: Lane,
    score: z.number().int(),
    hits: z.array(Hit),
    assessedAt: IsoTime,
  }),
  priorDispositions: z.array(PriorDispositions),
  trs: TrsTimestamps,
  timeline: z.array(TimelineEntry),
  responses: z.array(ResponseMessage),
  /** How each imported version was read, newest first (none for declarations imported before reads were kept). */
  reads: z.array(DeclarationRead),
  /** Decisions the current status allows. */
  allowedDecisions: z.array(Decision),
  /** Every received version, newest first. */
  versions: z.array(DeclarationVersion),
  /** The lane a supervisor set by hand (amendments never lower the lane below it), or null. */
  manualLane: Lane.nullable(),
  /** True when a version arrived after the lane was set by hand: the manual lane stands, but the officer should look again. */
  changedSinceManualLane: z.boolean(),
});
export type DeclarationDetail = z.infer<typeof DeclarationDetail>;

// ---------------------------------------------------------------- actions

export const DecideInput = z.object({ ids: DeclarationNumbers, decision: Decision, reason: Reason });
export type DecideInput = z.input<typeof DecideInput>;

export const DecideOutput = z.object({
  decided: z.array(z.object({ number: z.string(), status: DeclarationStatus })),
  /** Declarations left unchanged, with why (e.g. already released). */
  failed: z.array(z.object({ number: z.string(), code: z.string(), message: z.string() })),
  /** Red-lane releases asked for: each waits for a second supervisor's approval (four eyes). */
  awaitingApproval: z.array(z.object({ number: z.string(), approvalId: z.string() })),
});
export type DecideOutput = z.infer<typeof DecideOutput>;

export const AssignInput = z.object({
  ids: DeclarationNumbers,
  /** 'me', a user id, or null to unassign. */
  to: z.union([z.literal('me'), Id]).nullable(),
});
export const AssignOutput = z.object({ assigned: z.array(z.string()) });

export const RerouteInput = z.object({ id: DeclarationNumber, lane: Lane, reason: Reason });

// ---------------------------------------------------------------- import

export const ImportFileResult = z.object({
  file: z.string(),
  format: DeclarationFormat.nullable(),
  imported: z.number().int(),
  rejected: z.number().int(),
  /** Of the imported: amendments (new versions of a known declaration) and cancellations. */
  amended: z.number().int(),
  cancelled: z.number().int(),
  /** Messages identical to a version already stored: recognised and counted, not stored again. */
  duplicates: z.number().int(),
  /** Numbers of the imported declarations (first 1000). */
  numbers: z.array(z.string()),
  /** First 100 rejects of this file. */
  rejects: z.array(Reject),
});
export type ImportFileResult = z.infer<typeof ImportFileResult>;

export const ImportOutput = z.object({
  files: z.array(ImportFileResult),
  imported: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
});
export type ImportOutput = z.infer<typeof ImportOutput>;

/** What the Electron file dialog import did: the files chosen and imported, or nothing when the officer cancelled. */
export const ImportFromDialogOutput = ImportOutput.extend({ cancelled: z.boolean() });
export type ImportFromDialogOutput = z.infer<typeof ImportFromDialogOutput>;

/** Bytes per chunk the sender reads: their base64 stays under UPLOAD_CHUNK_BASE64_MAX (./upload), so a chunk message fits the web host's 1 MiB limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

/** The shared chunk schema (./upload) plus the file's name and an end marker: a declaration file imports as its last chunk lands. */
export const UploadChunkInput = ChunkedUpload.extend({
  /** The file's name, used for the format and in rejects. */
  name: z.string().min(1).max(255),
  last: z.boolean(),
});
export type UploadChunkInput = z.infer<typeof UploadChunkInput>;

export const UploadChunkOutput = z.object({
  receivedBytes: z.number().int(),
  /** Set on the last chunk: the import result. */
  result: ImportFileResult.nullable(),
});
export type UploadChunkOutput = z.infer<typeof UploadChunkOutput>;

export const ImportProgress = z.object({
  file: z.string(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** Tells the queue what to refetch. */
export const DeclarationsChanged = z.object({ ids: z.union([z.array(z.string()), z.literal('all')]) });
export type DeclarationsChanged = z.infer<typeof DeclarationsChanged>;

export const StoredReject = Reject.extend({ id: z.number().int(), rejectedAt: IsoTime });
export type StoredReject = z.infer<typeof StoredReject>;

export const RejectsInput = z.object({
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const DemoInput = z.object({ count: z.number().int().min(1).max(100_000), seed: z.number().int().default(1) });
export const DemoOutput = z.object({ imported: z.number().int() });

// ---------------------------------------------------------------- post-clearance review

/** An amendment that arrived after release: the release stands; a supervisor reviews the difference. */
export const PostReleaseAmendment = z.object({
  number: DeclarationNumber,
  version: z.number().int().min(1),
  functionCode: MessageFunction,
  receivedAt: IsoTime,
  sourceFile: z.string(),
  releasedAt: IsoTime,
  traderName: z.string(),
  lane: Lane,
  /** Against the released version. */
  changes: z.array(FieldChange),
  review: VersionReview.nullable(),
});
export type PostReleaseAmendment = z.infer<typeof PostReleaseAmendment>;

export const ReviewsInput = z.object({ reviewed: z.boolean().default(false) });
export const ReviewInput = z.object({ id: DeclarationNumber, version: z.number().int().min(1), note: Reason });
export type ReviewInput = z.input<typeof ReviewInput>;

// ---------------------------------------------------------------- saved views

export const SavedView = z.object({
  id: Id,
  name: z.string().trim().min(1).max(80),
  filter: QueueFilter,
  sort: QueueSort,
  updatedAt: IsoTime,
});
export type SavedView = z.infer<typeof SavedView>;

export const SaveViewInput = z.object({
  /** Omit to create a new view. */
  id: Id.optional(),
  name: z.string().trim().min(1).max(80),
  filter: QueueFilter,
  sort: QueueSort,
});

// ---------------------------------------------------------------- Time Release Study dashboard

/** Release time in minutes, arrival (or lodgement when no arrival) to release. */
export const ReleaseStats = z.object({
  released: z.number().int(),
  avgMinutes: z.number().nullable(),
  p50Minutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
export type ReleaseStats = z.infer<typeof ReleaseStats>;

/** Shift slots in the office time zone: morning 06–14, afternoon 14–22, night 22–06. */
export const ShiftSlot = z.enum(['morning', 'afternoon', 'night']);
export type ShiftSlot = z.infer<typeof ShiftSlot>;

/** Average minutes between consecutive TRS steps, over released declarations that have both. */
export const StageAverages = z.object({
  arrivalToLodgement: z.number().nullable(),
  lodgementToRiskAssessment: z.number().nullable(),
  riskAssessmentToDocumentaryCheck: z.number().nullable(),
  riskAssessmentToInspection: z.number().nullable(),
  lastCheckToRelease: z.number().nullable(),
});

export const DashboardInput = z.object({ days: z.number().int().min(1).max(366).default(7) });

export const Dashboard = z.object({
  from: IsoTime,
  to: IsoTime,
  timeZone: z.string(),
  overall: ReleaseStats,
  byLane: z.array(ReleaseStats.extend({ lane: Lane })),
  /** Release shift slot, in the office time zone. */
  byShift: z.array(ReleaseStats.extend({ shift: ShiftSlot })),
  /** Release day (YYYY-MM-DD, office time zone), oldest first, every day of the window. */
  byDay: z.array(ReleaseStats.extend({ day: z.string() })),
  stages: StageAverages,
  /** For the status bar. */
  currentShift: z.object({
    shift: ShiftSlot,
    since: IsoTime,
    released: z.number().int(),
    avgReleaseMinutes: z.number().nullable(),
    /** Declarations not released now. */
    open: z.number().int(),
    /** Open declarations past their SLA. */
    overdue: z.number().int(),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;
