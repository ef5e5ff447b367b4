import type { Lane, Site } from '../../../../preload/contract/schemas/site';
import type { SceneVehicle } from './sceneSite';

/** A vehicle the gate log says is at a lane now (from cw:gate.present). */
export interface GateVehicle {
  plate: string;
  laneId: string;
  arrivedAt: string;
  /** The declaration it was linked to, or null: shown as "no declaration". */
  declarationNumber: string | null;
}

/** Nose-to-tail distance between queued trucks: a 14 m truck and a 4 m gap. */
export const QUEUE_SPACING_M = 18;
/** The first truck's centre stands this far before the gate line (half a truck and a margin). */
const STOP_BEFORE_GATE_M = 9;

const toDeg = 180 / Math.PI;

/** Heading of travel from start to end: degrees clockwise from north (−z). */
function laneHeading(lane: Lane): number {
  return Math.atan2(lane.end[0] - lane.start[0], -(lane.end[2] - lane.start[2])) * toDeg;
}

/**
 * Where trucks at the gate stand: on their lane's centre line, facing the way the
 * lane runs, queued back from the gate line, the first to arrive at the front.
 * The gate line is where the gate's position projects onto the lane (its start
 * when the gate lies before it). A lane holds as many trucks as fit between its
 * start and the gate line (at least one); vehicles on unknown lanes are left out,
 * as are those beyond a lane's capacity.
 */
export function placeGateVehicles(site: Site, present: readonly GateVehicle[]): SceneVehicle[] {
  const lanes = new Map(site.gates.flatMap((gate) => gate.lanes.map((lane) => [lane.id, { lane, gate }] as const)));
  const byLane = new Map<string, GateVehicle[]>();
  for (const vehicle of present) {
    if (!lanes.has(vehicle.laneId)) continue;
    byLane.set(vehicle.laneId, [...(byLane.get(vehicle.laneId) ?? []), vehicle]);
  }

  const vehicles: SceneVehicle[] = [];
  for (const [laneId, queue] of byLane) {
    const { lane, gate } = lanes.get(laneId)!;
    const dx = lane.end[0] - lane.start[0];
    const dz = lane.end[2] - lane.start[2];
    const length = Math.hypot(dx, dz);
    if (length === 0) continue;
    const ux = dx / length;
    const uz = dz / length;
    // Distance along the lane of the gate line, kept on the lane.
    const gateAt = Math.min(
      length,
      Math.max(0, (gate.position[0] - lane.start[0]) * ux + (gate.position[2] - lane.start[2]) * uz),
    );
    const front = Math.max(Math.min(gateAt - STOP_BEFORE_GATE_M, length), Math.min(STOP_BEFORE_GATE_M, length / 2));
    const capacity = Math.max(1, Math.floor((front - Math.min(STOP_BEFORE_GATE_M, length / 2)) / QUEUE_SPACING_M) + 1);
    const heading = laneHeading(lane);
    const ordered = [...queue].sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt) || a.plate.localeCompare(b.plate));
    ordered.slice(0, capacity).forEach((vehicle, index) => {
      const along = front - index * QUEUE_SPACING_M;
      vehicles.push({
        id: `gate-${vehicle.plate}`,
        kind: 'truck',
        label: vehicle.plate,
        position: { x: lane.start[0] + ux * along, y: lane.start[1], z: lane.start[2] + uz * along },
        heading,
        declarationId: vehicle.declarationNumber,
      });
    });
  }
  return vehicles;
}
