/**
 * The intelligent gate: lane camera frames go to the recognition worker (through
 * the pool, newest frame first); each plate camera's reads are tracked per vehicle
 * (lane-tracker) and voted; a voted vehicle is matched to the declarations that
 * expect its plate or container (declaration-match), decided by the auto-release
 * rule (auto-release), recorded as a gate event with source 'recognition', and
 * either released automatically (an audited system decision under the lane's
 * supervisor policy) or raised as an alert for the officer to confirm or correct.
 */
import { randomUUID } from 'node:crypto';
import { normalisePlate, plateProblem } from '../../../preload/contract/schemas/gate';
import type { DeclarationStatus } from '../../../preload/contract/schemas/queue';
import {
  type CameraRecognitionSettings,
  CameraRecognitionSettings as CameraSettingsSchema,
  type CandidateDeclaration,
  DEFAULT_CAMERA_SETTINGS,
  type DecisionTimesOutput,
  type FaceVerdict,
  FULL_FRAME,
  type GateDecision,
  type LaneLive,
  type LanePolicy,
  type ReadResult,
  type RecognitionCamera,
  type RecognitionFrameInput,
  type RecognitionSetup,
  type ResolveAlertInput,
} from '../../../preload/contract/schemas/recognition';
import type { Lane as RiskLane } from '../../../preload/contract/schemas/risk';
import type { Site } from '../../../preload/contract/schemas/site';
import { type AuditActor, auditStatement } from '../audit/audit-log';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { GateService } from '../gate/gate-service';
import type { Row, Store } from '../store/types';
import { decideRelease, type ReleaseDeclaration } from './auto-release';
import { exactMatches, matchDeclarations, nearMissLimit } from './declaration-match';
import type { FrameAnalysis, FrameJob } from './frame-analysis';
import { LaneTracker, type TrackedVehicle } from './lane-tracker';
import type { ContainerRead } from './plate-reader';

/** Who records a recognised vehicle and takes an automatic release, in the gate log and the audit. */
export const RECOGNITION_ACTOR: AuditActor = { id: 'system:recognition', name: 'Clearway recognition' };

/** A released declaration still expects its vehicle at the gate this long after release. */
const RELEASED_EXPECTED_MS = 72 * 3_600_000;
/** A container or face result belongs to a vehicle first seen up to this long after it. */
const COMPANION_WINDOW_MS = 20_000;

export interface FramePool {
  submit(job: FrameJob): 'queued' | 'replaced';
  /** Loads the models before the first frame arrives. */
  warm(): void;
  readonly dropped: ReadonlyMap<string, number>;
  readonly failed: string | null;
  close(): Promise<void>;
}

export interface GateRecognitionOptions {
  store: Store;
  clock: Clock;
  site: () => Promise<Site>;
  gate: Pick<GateService, 'record'>;
  /** Made once the service exists, so the pool reports back to it. */
  pool: (handlers: {
    onResult(analysis: FrameAnalysis, job: FrameJob): void;
    onError(cameraId: string, message: string): void;
  }) => FramePool;
  onLane?(lane: LaneLive): void;
  onDecided?(decision: GateDecision): void;
  onError?(cameraId: string, message: string): void;
}

interface CandidateRow extends Row {
  number: string;
  plate_key: string | null;
  vehicle_plate: string | null;
  lane: string | null;
  status: string | null;
  watchlist: number;
  containers: string | null;
}

interface DecisionRow extends Row {
  id: string;
  event_id: string;
  lane_id: string;
  camera_id: string;
  plate_json: string;
  container_json: string | null;
  face: string;
  declaration_number: string | null;
  candidates_json: string;
  kind: string;
  reasons_json: string;
  barrier_opened: number;
  first_seen_at: string;
  decided_at: string;
  decision_ms: number;
  frames: number;
  snapshot: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolved_plate: string | null;
  resolved_declaration: string | null;
}

interface CameraState {
  camera: RecognitionCamera;
  tracker: LaneTracker;
  live: LaneLive;
  msWindow: number[];
}

const RISK_LANES: readonly RiskLane[] = ['green', 'yellow', 'blue', 'red'];
const STATUSES: readonly DeclarationStatus[] = ['pending', 'documentsRequested', 'inspection', 'held', 'released'];

export class GateRecognition {
  private readonly pool: FramePool;
  private readonly cameras = new Map<string, CameraState>();
  private readonly containers = new Map<string, { read: ContainerRead; confident: boolean; at: Date }[]>();
  private readonly faces = new Map<string, { verdict: FaceVerdict; at: Date }>();
  private readonly receivedAt = new Map<FrameJob, Date>();
  /** Decisions being written: a lane's next vehicle waits for its previous one. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: GateRecognitionOptions) {
    this.pool = options.pool({
      onResult: (analysis, job) => {
        this.writing = this.writing
          .then(() => this.onAnalysis(analysis, job))
          .catch((error: unknown) => this.options.onError?.(job.cameraId, String(error)));
      },
      onError: (cameraId, message) => this.options.onError?.(cameraId, message),
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
    await this.writing;
  }

  /** Resolves once every frame handed over so far has been decided on (evaluation, tests). */
  async settled(): Promise<void> {
    await this.writing;
  }

  // ------------------------------------------------------------------ setup and settings

  async setup(): Promise<RecognitionSetup> {
    const site = await this.options.site();
    const rows = await this.options.store.query<{ camera_id: string; settings_json: string }>(
      'SELECT camera_id, settings_json FROM recognition_cameras',
    );
    const saved = new Map(rows.map((r) => [r.camera_id, r.settings_json]));
    const cameras: RecognitionCamera[] = site.cameras.flatMap((camera) => {
      if (camera.recognition === undefined) return [];
      const stored = saved.get(camera.id);
      const parsed = stored === undefined ? null : CameraSettingsSchema.safeParse(JSON.parse(stored));
      const settings: CameraRecognitionSettings = parsed?.success
        ? parsed.data
        : { ...DEFAULT_CAMERA_SETTINGS, roi: camera.recognition.roi ?? FULL_FRAME };
      return [{ cameraId: camera.id, laneId: camera.recognition.laneId, reads: camera.recognition.reads, settings }];
    });
    const policies = await this.options.store.query<{ lane_id: string; auto_release: number }>(
      'SELECT lane_id, auto_release FROM gate_lane_policies',
    );
    const lanes: LanePolicy[] = site.gates.flatMap((gate) =>
      gate.lanes.map((lane) => ({
        laneId: lane.id,
        autoRelease: Number(policies.find((p) => p.lane_id === lane.id)?.auto_release ?? 0) === 1,
      })),
    );
    // A gate screen asking for the setup is about to send frames: the models load meanwhile.
    if (cameras.some((c) => c.settings.enabled)) this.pool.warm();
    return { cameras, lanes };
  }

  async setCamera(actor: AuditActor, cameraId: string, settings: CameraRecognitionSettings): Promise<RecognitionSetup> {
    const setup = await this.setup();
    if (!setup.cameras.some((c) => c.cameraId === cameraId))
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `Camera "${cameraId}" is not a gate lane camera of the site (no "recognition" in the site file).`,
        [{ path: 'cameraId', message: 'is not a recognition camera' }],
      );
    const at = this.options.clock.now();
    await this.options.store.transaction([
      {
        sql: `INSERT INTO recognition_cameras (camera_id, settings_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
              ON CONFLICT (camera_id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        params: [cameraId, JSON.stringify(settings), at.toISOString(), actor.name],
      },
      auditStatement({ at, actor, action: 'recognition.camera', subject: cameraId, detail: { ...settings } }),
    ]);
    // New thresholds or ROI: the lane starts over.
    this.cameras.delete(cameraId);
    return this.setup();
  }

  async setLanePolicy(actor: AuditActor, policy: LanePolicy): Promise<RecognitionSetup> {
    const site = await this.options.site();
    if (!site.gates.some((g) => g.lanes.some((l) => l.id === policy.laneId)))
      throw new ServiceError('INVALID_ARGUMENT', `Lane "${policy.laneId}" is not a lane of the site "${site.name}".`, [
        { path: 'laneId', message: `no lane has id "${policy.laneId}"` },
      ]);
    const at = this.options.clock.now();
    await this.options.store.transaction([
      {
        sql: `INSERT INTO gate_lane_policies (lane_id, auto_release, updated_at, updated_by) VALUES (?, ?, ?, ?)
              ON CONFLICT (lane_id) DO UPDATE SET auto_release = excluded.auto_release, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        params: [policy.laneId, policy.autoRelease ? 1 : 0, at.toISOString(), actor.name],
      },
      auditStatement({
        at,
        actor,
        action: 'recognition.lanePolicy',
        subject: policy.laneId,
        detail: { autoRelease: policy.autoRelease },
      }),
    ]);
    return this.setup();
  }

  // ------------------------------------------------------------------ frames

  async frame(input: RecognitionFrameInput): Promise<{ outcome: 'queued' | 'replaced' | 'ignored' }> {
    const state = await this.cameraState(input.cameraId);
    if (state === null || !state.camera.settings.enabled) return { outcome: 'ignored' };
    const now = this.options.clock.now();
    if (input.face !== undefined) this.faces.set(state.camera.laneId, { verdict: input.face, at: now });
    const job: FrameJob = {
      cameraId: input.cameraId,
      reads: state.camera.reads,
      jpeg: new Uint8Array(Buffer.from(input.jpegBase64, 'base64')),
      roi: state.camera.settings.roi,
      motionThreshold: state.camera.settings.motionThreshold,
      active: state.tracker.active,
    };
    if (job.jpeg[0] !== 0xff || job.jpeg[1] !== 0xd8)
      throw new ServiceError('INVALID_ARGUMENT', 'The frame is not a JPEG image.', [
        { path: 'jpegBase64', message: 'must be a JPEG' },
      ]);
    this.receivedAt.set(job, now);
    return { outcome: this.pool.submit(job) };
  }

  lanes(): LaneLive[] {
    return [...this.cameras.values()].map((s) => ({
      ...s.live,
      framesDropped: this.pool.dropped.get(s.camera.cameraId) ?? 0,
    }));
  }

  private async cameraState(cameraId: string): Promise<CameraState | null> {
    const known = this.cameras.get(cameraId);
    if (known) return known;
    const camera = (await this.setup()).cameras.find((c) => c.cameraId === cameraId);
    if (camera === undefined) return null;
    const state: CameraState = {
      camera,
      tracker: new LaneTracker({ motionThreshold: camera.settings.motionThreshold }),
      msWindow: [],
      live: {
        laneId: camera.laneId,
        cameraId,
        state: 'idle',
        lastRead: null,
        lastReadAt: null,
        framesRead: 0,
        framesDropped: 0,
        msPerFrame: null,
        barrier: 'closed',
      },
    };
    this.cameras.set(cameraId, state);
    return state;
  }

  private async onAnalysis(analysis: FrameAnalysis, job: FrameJob): Promise<void> {
    const state = this.cameras.get(analysis.cameraId);
    const at = this.receivedAt.get(job) ?? this.options.clock.now();
    this.receivedAt.delete(job);
    if (state === undefined) return;
    const { settings } = state.camera;
    const live = state.live;
    if (analysis.read) {
      live.framesRead++;
      state.msWindow = [...state.msWindow.slice(-19), analysis.ms];
      live.msPerFrame = Math.round(median(state.msWindow) ?? 0);
    }
    if (analysis.plate !== null) {
      live.lastRead = {
        text: analysis.plate.text,
        confidence: round(analysis.plate.confidence),
        confident: analysis.plate.formatId !== null && analysis.plate.confidence >= settings.minConfidence,
      };
      live.lastReadAt = at.toISOString();
    }
    if (analysis.container !== null) {
      const confident = analysis.container.status === 'valid' && analysis.container.confidence >= settings.minConfidence;
      live.lastRead = { text: analysis.container.text, confidence: round(analysis.container.confidence), confident };
      live.lastReadAt = at.toISOString();
      const recent = (this.containers.get(state.camera.laneId) ?? []).filter(
        (c) => at.getTime() - c.at.getTime() < COMPANION_WINDOW_MS,
      );
      this.containers.set(state.camera.laneId, [...recent, { read: analysis.container, confident, at }]);
    }
    let vehicle: TrackedVehicle | null = null;
    if (state.camera.reads === 'plate') {
      const before = state.tracker.current;
      vehicle = state.tracker.push({ at, motion: analysis.motion, plate: analysis.plate, jpeg: job.jpeg });
      if (before === 'idle' && state.tracker.current !== 'idle') live.barrier = 'closed';
      live.state = state.tracker.current;
    }
    live.framesDropped = this.pool.dropped.get(state.camera.cameraId) ?? 0;
    this.options.onLane?.({ ...live });
    if (vehicle !== null) {
      const decision = await this.decide(state, vehicle);
      if (decision !== null && decision.barrierOpened) {
        live.barrier = 'open';
        this.options.onLane?.({ ...live });
      }
    }
  }

  // ------------------------------------------------------------------ decisions

  private async decide(state: CameraState, vehicle: TrackedVehicle): Promise<GateDecision | null> {
    const { camera } = state;
    const plateText = normalisePlate(vehicle.plate.text);
    // A read that cannot be a plate (one character, stray symbols) is no vehicle to record.
    if (plateProblem(plateText) !== null) return null;
    const site = await this.options.site();
    const lane = site.gates.flatMap((g) => g.lanes).find((l) => l.id === camera.laneId);
    const setup = await this.setup();
    const policy = setup.lanes.find((l) => l.laneId === camera.laneId);

    const plate: ReadResult = {
      text: plateText,
      confidence: round(vehicle.plate.confidence),
      confident: vehicle.plate.formatId !== null && vehicle.plate.confidence >= camera.settings.minConfidence,
    };
    const since = vehicle.firstSeenAt.getTime() - COMPANION_WINDOW_MS;
    const containerReads = (this.containers.get(camera.laneId) ?? []).filter((c) => c.at.getTime() >= since);
    const bestContainer = containerReads.reduce<(typeof containerReads)[number] | null>(
      (best, c) =>
        best === null || Number(c.confident) + c.read.confidence > Number(best.confident) + best.read.confidence ? c : best,
      null,
    );
    const container: ReadResult | null =
      bestContainer === null
        ? null
        : { text: bestContainer.read.text, confidence: round(bestContainer.read.confidence), confident: bestContainer.confident };
    const faceSeen = this.faces.get(camera.laneId);
    const face: FaceVerdict = faceSeen !== undefined && faceSeen.at.getTime() >= since ? faceSeen.verdict : 'not-checked';

    const expected = await this.expectedDeclarations(plateText, container?.confident ? container.text : null);
    const matches = matchDeclarations(plateText, container?.confident ? container.text : null, expected);
    const exact = exactMatches(matches).map((m) => m.declaration);
    const verdict = decideRelease({
      autoRelease: policy?.autoRelease ?? false,
      plate,
      container,
      exact,
      nearMisses: matches.length - exact.length,
      face,
    });
    const candidates: CandidateDeclaration[] = matches.slice(0, 5).map((m) => ({
      number: m.declaration.number,
      plate: m.declaration.plate,
      lane: m.declaration.lane,
      status: m.declaration.status,
      distance: m.distance,
      containerMatch: m.containerMatch,
    }));

    const event = await this.options.gate.record(RECOGNITION_ACTOR, {
      laneId: camera.laneId,
      direction: lane?.kind === 'outbound' ? 'departure' : 'arrival',
      plate: plateText,
      source: 'recognition',
      cameraId: camera.cameraId,
      confidence: plate.confidence,
      declarationNumber: verdict.declaration?.number ?? null,
    });
    const decidedAt = this.options.clock.now();
    const decision: GateDecision = {
      id: randomUUID(),
      laneId: camera.laneId,
      cameraId: camera.cameraId,
      eventId: event.id,
      plate,
      container,
      face,
      declarationNumber: verdict.declaration?.number ?? null,
      candidates,
      kind: verdict.release ? 'autoReleased' : 'alert',
      reasons: verdict.reasons,
      barrierOpened: verdict.release,
      firstSeenAt: vehicle.firstSeenAt.toISOString(),
      decidedAt: decidedAt.toISOString(),
      decisionMs: Math.max(0, decidedAt.getTime() - vehicle.firstSeenAt.getTime()),
      resolvedBy: null,
      resolvedAt: null,
      resolvedPlate: null,
      resolvedDeclaration: null,
      frames: vehicle.frames,
      snapshot: `data:image/jpeg;base64,${Buffer.from(vehicle.snapshot).toString('base64')}`,
    };
    await this.options.store.transaction([
      {
        sql: `INSERT INTO gate_decisions (id, event_id, lane_id, camera_id, plate_json, container_json, face, declaration_number,
                candidates_json, kind, reasons_json, barrier_opened, first_seen_at, decided_at, decision_ms, frames, snapshot)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          decision.id,
          decision.eventId,
          decision.laneId,
          decision.cameraId,
          JSON.stringify(plate),
          container === null ? null : JSON.stringify(container),
          face,
          decision.declarationNumber,
          JSON.stringify(candidates),
          decision.kind,
          JSON.stringify(decision.reasons),
          decision.barrierOpened ? 1 : 0,
          decision.firstSeenAt,
          decision.decidedAt,
          decision.decisionMs,
          decision.frames,
          decision.snapshot,
        ],
      },
      // The automatic release is the system's own decision, under the lane policy a supervisor set.
      auditStatement({
        at: decidedAt,
        actor: RECOGNITION_ACTOR,
        action: verdict.release ? 'gate.autoRelease' : 'gate.alert',
        subject: plateText,
        detail: {
          decisionId: decision.id,
          eventId: event.id,
          laneId: camera.laneId,
          declaration: decision.declarationNumber,
          plateConfidence: plate.confidence,
          container: container?.text ?? null,
          face,
          reasons: decision.reasons,
          decisionMs: decision.decisionMs,
        },
      }),
    ]);
    this.options.onDecided?.(decision);
    return decision;
  }

  /** Declarations that may expect this vehicle: plate keys of a near length, or listing the container; not yet through the barrier. */
  private async expectedDeclarations(
    plate: string,
    container: string | null,
  ): Promise<(ReleaseDeclaration & { plateKey: string | null; plate: string | null })[]> {
    const length = [...plate].length;
    const limit = nearMissLimit(plate);
    const rows = await this.options.store.query<CandidateRow>(
      `SELECT d.number, d.plate_key, d.vehicle_plate, q.lane, q.status,
              EXISTS (SELECT 1 FROM declaration_hit_keys h WHERE h.number = d.number AND h.hit_key LIKE 'watchlist:%') AS watchlist,
              (SELECT group_concat(c.container_id, ' ') FROM declaration_containers c WHERE c.declaration_number = d.number) AS containers
       FROM declarations d
       LEFT JOIN declaration_queue q ON q.number = d.number
       WHERE ((d.plate_key IS NOT NULL AND length(d.plate_key) BETWEEN :min AND :max)
              OR d.number IN (SELECT declaration_number FROM declaration_containers WHERE container_id = :container))
         AND (q.status IS NULL OR q.status <> 'released' OR q.released_at >= :releasedSince)
         AND NOT EXISTS (
           SELECT 1 FROM gate_decisions g
           WHERE g.barrier_opened = 1 AND coalesce(g.resolved_declaration, g.declaration_number) = d.number
         )`,
      {
        ':min': length - limit,
        ':max': length + limit,
        ':container': container ?? '',
        ':releasedSince': new Date(this.options.clock.now().getTime() - RELEASED_EXPECTED_MS).toISOString(),
      },
    );
    return rows.map((r) => ({
      number: r.number,
      plateKey: r.plate_key,
      plate: r.vehicle_plate,
      lane: RISK_LANES.find((l) => l === r.lane) ?? null,
      status: STATUSES.find((s) => s === r.status) ?? null,
      watchlistHit: Number(r.watchlist) === 1,
      containers: r.containers === null ? [] : r.containers.split(' '),
    }));
  }

  async resolve(actor: AuditActor, input: ResolveAlertInput): Promise<GateDecision> {
    const current = await this.get(input.decisionId);
    if (current === null) throw new ServiceError('NOT_FOUND', `No gate decision has id "${input.decisionId}".`);
    if (current.kind !== 'alert')
      throw new ServiceError('CONFLICT', `This vehicle was already decided (${current.kind}); a gate decision is resolved once.`);
    let plate: string | null = null;
    if (input.action === 'correct') {
      if (input.plate === undefined || input.plate === '')
        throw new ServiceError('INVALID_ARGUMENT', 'A correction needs the plate as the officer reads it.', [
          { path: 'plate', message: 'is required to correct' },
        ]);
      plate = normalisePlate(input.plate);
      const problem = plateProblem(plate);
      if (problem)
        throw new ServiceError('INVALID_ARGUMENT', `The plate "${input.plate}" ${problem}.`, [
          { path: 'plate', message: problem },
        ]);
    }
    const declaration = input.declarationNumber === undefined ? current.declarationNumber : input.declarationNumber;
    if (declaration !== null) {
      const found = await this.options.store.query('SELECT 1 FROM declarations WHERE number = ?', [declaration]);
      if (found.length === 0)
        throw new ServiceError('INVALID_ARGUMENT', `No declaration has number "${declaration}".`, [
          { path: 'declarationNumber', message: 'not found' },
        ]);
    }
    const at = this.options.clock.now();
    const kind = input.action === 'confirm' ? 'confirmed' : 'corrected';
    await this.options.store.transaction([
      {
        sql: `UPDATE gate_decisions SET kind = ?, barrier_opened = ?, resolved_by = ?, resolved_at = ?, resolved_plate = ?, resolved_declaration = ?
              WHERE id = ? AND kind = 'alert'`,
        params: [kind, input.openBarrier ? 1 : 0, actor.name, at.toISOString(), plate, declaration, input.decisionId],
      },
      auditStatement({
        at,
        actor,
        action: `gate.alert.${input.action}`,
        subject: plate ?? current.plate.text,
        detail: { decisionId: current.id, declaration, openBarrier: input.openBarrier, reasons: current.reasons },
      }),
    ]);
    const resolved = await this.get(input.decisionId);
    if (resolved === null) throw new ServiceError('INTERNAL', `Gate decision ${input.decisionId} cannot be read back.`);
    if (resolved.barrierOpened) {
      const state = this.cameras.get(resolved.cameraId);
      if (state) {
        state.live.barrier = 'open';
        this.options.onLane?.({ ...state.live });
      }
    }
    this.options.onDecided?.(resolved);
    return resolved;
  }

  async get(id: string): Promise<GateDecision | null> {
    const rows = await this.options.store.query<DecisionRow>('SELECT * FROM gate_decisions WHERE id = ?', [id]);
    return rows[0] ? toDecision(rows[0]) : null;
  }

  async list(limit: number, openOnly: boolean): Promise<GateDecision[]> {
    const rows = await this.options.store.query<DecisionRow>(
      `SELECT * FROM gate_decisions ${openOnly ? "WHERE kind = 'alert'" : ''} ORDER BY seq DESC LIMIT ?`,
      [limit],
    );
    return rows.map(toDecision);
  }

  async decisionTimes(days: number): Promise<DecisionTimesOutput> {
    const since = new Date(this.options.clock.now().getTime() - days * 86_400_000).toISOString();
    const rows = await this.options.store.query<{ decided_at: string; lane_id: string; kind: string; decision_ms: number }>(
      'SELECT decided_at, lane_id, kind, decision_ms FROM gate_decisions WHERE decided_at >= ? ORDER BY decided_at',
      [since],
    );
    const ms = rows.map((r) => Number(r.decision_ms)).sort((a, b) => a - b);
    return {
      rows: rows.map((r) => ({
        decidedAt: r.decided_at,
        laneId: r.lane_id,
        kind: decisionKind(r.kind),
        decisionMs: Number(r.decision_ms),
      })),
      medianMs: quantile(ms, 0.5),
      p95Ms: quantile(ms, 0.95),
      autoReleased: rows.filter((r) => r.kind === 'autoReleased').length,
      alerts: rows.filter((r) => r.kind !== 'autoReleased').length,
    };
  }
}

function decisionKind(kind: string): GateDecision['kind'] {
  if (kind === 'autoReleased' || kind === 'alert' || kind === 'confirmed' || kind === 'corrected') return kind;
  throw new ServiceError('INTERNAL', `A gate decision has kind "${kind}".`);
}

function toDecision(row: DecisionRow): GateDecision {
  return {
    id: row.id,
    laneId: row.lane_id,
    cameraId: row.camera_id,
    eventId: row.event_id,
    plate: JSON.parse(row.plate_json) as ReadResult,
    container: row.container_json === null ? null : (JSON.parse(row.container_json) as ReadResult),
    face: row.face as FaceVerdict,
    declarationNumber: row.declaration_number,
    candidates: JSON.parse(row.candidates_json) as CandidateDeclaration[],
    kind: decisionKind(row.kind),
    reasons: JSON.parse(row.reasons_json) as GateDecision['reasons'],
    barrierOpened: Number(row.barrier_opened) === 1,
    firstSeenAt: row.first_seen_at,
    decidedAt: row.decided_at,
    decisionMs: Number(row.decision_ms),
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    resolvedPlate: row.resolved_plate,
    resolvedDeclaration: row.resolved_declaration,
    frames: Number(row.frames),
    snapshot: row.snapshot,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

function median(values: readonly number[]): number | null {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
