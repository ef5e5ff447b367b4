/**
 * The gate event log: records vehicles arriving at and leaving through the site's
 * lanes, each linked (in the same transaction) to the most recent not-yet-released
 * declaration carrying its plate, and audited with it. Officers record by hand
 * through cw:gate.record; plate recognition calls `record` with source 'recognition'.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_DWELL_MINUTES,
  type GateDirection,
  type GateEvent,
  type GateListOutput,
  type GateSource,
  normalisePlate,
  plateProblem,
  type PresentVehicle,
} from '../../../preload/contract/schemas/gate';
import type { Site } from '../../../preload/contract/schemas/site';
import { type AuditActor, auditStatement } from '../audit/audit-log';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Store } from '../store/types';
import { type GateEventRow, toGateEvent } from './gate-row';

/** One sighting, from whichever source. Officer entries have no confidence; recognition's must. */
export interface GateEntry {
  laneId: string;
  direction: GateDirection;
  /** As typed or read; normalised here. */
  plate: string;
  source: GateSource;
  cameraId?: string;
  confidence?: number;
  /**
   * The declaration recognition matched (plate and container, see gate-recognition);
   * null when it matched none. Absent: the newest open declaration with the plate.
   */
  declarationNumber?: string | null;
}

export interface GateListQuery {
  limit: number;
  offset: number;
  laneId?: string;
  plate?: string;
}

export interface GateServiceOptions {
  store: Store;
  clock: Clock;
  /** The site in use (lanes and cameras are checked against it). */
  site: () => Promise<Site>;
  /** Told after every recorded event (the services emit cw:gate.recorded). */
  onRecorded?: (event: GateEvent) => void;
}

const SELECT_EVENTS = `
  SELECT e.seq, e.id, e.at, e.lane_id, e.direction, e.plate, e.source, e.camera_id, e.confidence, e.recorded_by,
         e.declaration_number, q.lane AS declaration_lane
  FROM gate_events e
  LEFT JOIN declaration_queue q ON q.number = e.declaration_number`;

/** The newest declaration with this plate (normalised key) neither released nor cancelled, or NULL. */
const LINKED_DECLARATION = `(
  SELECT d.number FROM declarations d
  LEFT JOIN declaration_queue q ON q.number = d.number
  WHERE d.plate_key = :plate AND (q.status IS NULL OR q.status NOT IN ('released', 'cancelled'))
  ORDER BY d.lodgement_time DESC, d.number DESC
  LIMIT 1
)`;

export class GateService {
  constructor(private readonly options: GateServiceOptions) {}

  async record(actor: AuditActor, entry: GateEntry): Promise<GateEvent> {
    const plate = checkedPlate(entry.plate, 'plate');
    await this.checkAgainstSite(entry);
    if (entry.source === 'recognition' && entry.confidence === undefined)
      throw new ServiceError('INVALID_ARGUMENT', 'A recognition gate event needs its confidence (0 to 1).', [
        { path: 'confidence', message: 'is required for recognition' },
      ]);
    if (entry.source === 'officer' && entry.confidence !== undefined)
      throw new ServiceError('INVALID_ARGUMENT', 'An officer’s gate entry has no recognition confidence.', [
        { path: 'confidence', message: 'must be absent for officer entries' },
      ]);
    if (entry.confidence !== undefined && !(entry.confidence >= 0 && entry.confidence <= 1))
      throw new ServiceError('INVALID_ARGUMENT', `A recognition confidence must be between 0 and 1, not ${entry.confidence}.`, [
        { path: 'confidence', message: 'must be between 0 and 1' },
      ]);

    const id = randomUUID();
    const at = this.options.clock.now();
    await this.options.store.transaction([
      {
        sql: `INSERT INTO gate_events (id, at, lane_id, direction, plate, source, camera_id, confidence, recorded_by_id, recorded_by, declaration_number)
              VALUES (:id, :at, :lane, :direction, :plate, :source, :camera, :confidence, :byId, :by, ${entry.declarationNumber === undefined ? LINKED_DECLARATION : ':declaration'})`,
        params: {
          ':id': id,
          ':at': at.toISOString(),
          ':lane': entry.laneId,
          ':direction': entry.direction,
          ':plate': plate,
          ':source': entry.source,
          ':camera': entry.cameraId ?? null,
          ':confidence': entry.confidence ?? null,
          ':byId': actor.id,
          ':by': actor.name,
          ...(entry.declarationNumber === undefined ? {} : { ':declaration': entry.declarationNumber }),
        },
      },
      auditStatement({
        at,
        actor,
        action: `gate.${entry.direction}`,
        subject: plate,
        detail: {
          eventId: id,
          laneId: entry.laneId,
          source: entry.source,
          cameraId: entry.cameraId ?? null,
          confidence: entry.confidence ?? null,
        },
      }),
    ]);
    // Read back: the link was chosen inside the transaction, and the list joins the declaration's lane now.
    const event = await this.get(id);
    if (!event) throw new ServiceError('INTERNAL', `Gate event ${id} was written but cannot be read back.`);
    this.options.onRecorded?.(event);
    return event;
  }

  async get(id: string): Promise<GateEvent | null> {
    const rows = await this.options.store.query<GateEventRow>(`${SELECT_EVENTS} WHERE e.id = :id`, { ':id': id });
    return rows[0] ? toGateEvent(rows[0]) : null;
  }

  /** Newest first, filtered by lane and by part of a plate (in any spelling). */
  async list(query: GateListQuery): Promise<GateListOutput> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.laneId) {
      where.push('e.lane_id = :lane');
      params[':lane'] = query.laneId;
    }
    const platePart = query.plate === undefined ? '' : normalisePlate(query.plate);
    if (platePart !== '') {
      const bad = [...platePart].find((char) => !/^[0-9A-Z\u4E00-\u9FFF]$/.test(char));
      if (bad !== undefined)
        throw new ServiceError(
          'INVALID_ARGUMENT',
          `The plate filter contains "${bad}"; search by letters, digits or Chinese characters.`,
          [{ path: 'plate', message: `contains "${bad}"` }],
        );
      where.push('instr(e.plate, :plate) > 0');
      params[':plate'] = platePart;
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [rows, counted] = await Promise.all([
      this.options.store.query<GateEventRow>(
        `${SELECT_EVENTS}${clause} ORDER BY e.at DESC, e.seq DESC LIMIT :limit OFFSET :offset`,
        {
          ...params,
          ':limit': query.limit,
          ':offset': query.offset,
        },
      ),
      this.options.store.query<{ n: number }>(`SELECT count(*) AS n FROM gate_events e${clause}`, params),
    ]);
    return { rows: rows.map(toGateEvent), total: Number(counted[0]?.n ?? 0) };
  }

  /**
   * Vehicles at the gate now: per plate, the latest event is an arrival no older
   * than the dwell window (a truck that left unrecorded drops out after it).
   */
  async present(dwellMinutes = DEFAULT_DWELL_MINUTES): Promise<PresentVehicle[]> {
    const cutoff = new Date(this.options.clock.now().getTime() - dwellMinutes * 60_000).toISOString();
    const rows = await this.options.store.query<GateEventRow>(
      `${SELECT_EVENTS}
       WHERE e.direction = 'arrival' AND e.at >= :cutoff
         AND NOT EXISTS (
           SELECT 1 FROM gate_events later
           WHERE later.plate = e.plate AND (later.at > e.at OR (later.at = e.at AND later.seq > e.seq))
         )
       ORDER BY e.at DESC, e.seq DESC`,
      { ':cutoff': cutoff },
    );
    return rows.map(toGateEvent).map((event) => ({
      plate: event.plate,
      laneId: event.laneId,
      arrivedAt: event.at,
      eventId: event.id,
      source: event.source,
      declaration: event.declaration,
    }));
  }

  private async checkAgainstSite(entry: GateEntry): Promise<void> {
    const site = await this.options.site();
    const lanes = site.gates.flatMap((gate) => gate.lanes.map((lane) => lane.id));
    if (!lanes.includes(entry.laneId))
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `Lane "${entry.laneId}" is not a lane of the site "${site.name}"; choose one of ${lanes.join(', ') || '(the site has no lanes)'}.`,
        [{ path: 'laneId', message: `no lane has id "${entry.laneId}"` }],
      );
    if (entry.cameraId !== undefined && !site.cameras.some((camera) => camera.id === entry.cameraId))
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `Camera "${entry.cameraId}" is not a camera of the site "${site.name}"; leave it out or choose a site camera.`,
        [{ path: 'cameraId', message: `no camera has id "${entry.cameraId}"` }],
      );
  }
}

/** The normalised plate, or INVALID_ARGUMENT naming the field and what is wrong. */
export function checkedPlate(raw: string, field: string): string {
  const plate = normalisePlate(raw);
  const problem = plateProblem(plate);
  if (problem) throw new ServiceError('INVALID_ARGUMENT', `The plate "${raw}" ${problem}.`, [{ path: field, message: problem }]);
  return plate;
}
