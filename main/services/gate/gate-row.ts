import type { GateEvent } from '../../../preload/contract/schemas/gate';
import type { Row } from '../store/types';
import { ServiceError } from '../errors';

/** A gate_events row joined with its declaration's current lane. */
export interface GateEventRow extends Row {
  seq: number;
  id: string;
  at: string;
  lane_id: string;
  direction: string;
  plate: string;
  source: string;
  camera_id: string | null;
  confidence: number | null;
  recorded_by: string;
  declaration_number: string | null;
  declaration_lane: string | null;
}

const LANES = ['green', 'yellow', 'blue', 'red'] as const;

export function toGateEvent(row: GateEventRow): GateEvent {
  if (row.direction !== 'arrival' && row.direction !== 'departure')
    throw new ServiceError('INTERNAL', `Gate event ${row.id} has direction "${row.direction}".`);
  if (row.source !== 'officer' && row.source !== 'recognition')
    throw new ServiceError('INTERNAL', `Gate event ${row.id} has source "${row.source}".`);
  const lane = LANES.find((l) => l === row.declaration_lane) ?? null;
  return {
    id: row.id,
    at: row.at,
    laneId: row.lane_id,
    direction: row.direction,
    plate: row.plate,
    source: row.source,
    ...(row.camera_id === null ? {} : { cameraId: row.camera_id }),
    ...(row.confidence === null ? {} : { confidence: Number(row.confidence) }),
    recordedBy: row.recorded_by,
    declaration: row.declaration_number === null ? null : { number: row.declaration_number, lane },
  };
}
