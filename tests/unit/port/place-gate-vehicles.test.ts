import { describe, expect, it } from 'vitest';
import { Site } from '../../../preload/contract/schemas/site';
import { placeGateVehicles, QUEUE_SPACING_M } from '../../../renderer/features/port/scene/placeGateVehicles';
import { combineVehicles } from '../../../renderer/features/port/useSceneVehicles';

const site = Site.parse({
  schemaVersion: 1,
  id: 'test-port',
  name: 'Test port',
  origin: { latitude: 22.5, longitude: 114.1 },
  gates: [
    {
      id: 'gate',
      name: 'Gate',
      position: [0, 0, 0],
      lanes: [
        // Northbound (towards −z) through the gate at z = 0.
        { id: 'in', name: 'In', kind: 'inbound', start: [-5, 0, 60], end: [-5, 0, -40] },
        // Southbound.
        { id: 'out', name: 'Out', kind: 'outbound', start: [5, 0, -40], end: [5, 0, 60] },
        // Eastbound, short, starting after the gate: room for one truck only.
        { id: 'east', name: 'East', kind: 'inspection', start: [20, 0, 10], end: [40, 0, 10] },
      ],
    },
  ],
  inspectionAreas: [{ id: 'insp', name: 'Inspection', position: [100, 0, 0], size: [40, 8, 20], bays: 2 }],
});

const at = (minute: number) => `2026-03-02T08:${String(minute).padStart(2, '0')}:00.000Z`;

describe('placing trucks at the gate lanes', () => {
  it('queues trucks on the lane centre line back from the gate, first arrival in front, facing the lane', () => {
    const placed = placeGateVehicles(site, [
      { plate: 'BB2222', laneId: 'in', arrivedAt: at(5), declarationNumber: null },
      { plate: 'AA1111', laneId: 'in', arrivedAt: at(1), declarationNumber: 'D-1' },
    ]);
    expect(placed.map((v) => [v.id, v.kind, v.label, v.declarationId])).toEqual([
      ['gate-AA1111', 'truck', 'AA1111', 'D-1'],
      ['gate-BB2222', 'truck', 'BB2222', null],
    ]);
    // The gate line is z = 0; the front truck's centre stands 9 m before it, the next one 18 m further back.
    expect(placed[0]?.position).toEqual({ x: -5, y: 0, z: 9 });
    expect(placed[1]?.position).toEqual({ x: -5, y: 0, z: 9 + QUEUE_SPACING_M });
    expect(placed[0]?.heading).toBeCloseTo(0);
  });

  it('faces the other way on a lane that runs the other way', () => {
    const [truck] = placeGateVehicles(site, [{ plate: 'CC3333', laneId: 'out', arrivedAt: at(1), declarationNumber: null }]);
    expect(truck?.position).toEqual({ x: 5, y: 0, z: -9 });
    expect(Math.abs(truck?.heading ?? 0)).toBeCloseTo(180);
  });

  it('keeps to what fits on a lane and leaves out unknown lanes', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      plate: `IN${i}000`,
      laneId: 'in',
      arrivedAt: at(i),
      declarationNumber: null,
    }));
    // 60 m from the lane start to the gate: fronts at 51, 33 and 15 m along the lane.
    expect(placeGateVehicles(site, many).map((v) => v.label)).toEqual(['IN0000', 'IN1000', 'IN2000']);
    const east = placeGateVehicles(site, [
      { plate: 'EE1000', laneId: 'east', arrivedAt: at(1), declarationNumber: null },
      { plate: 'EE2000', laneId: 'east', arrivedAt: at(2), declarationNumber: null },
      { plate: 'XX1000', laneId: 'nowhere', arrivedAt: at(1), declarationNumber: null },
    ]);
    expect(east.map((v) => v.label)).toEqual(['EE1000']);
    expect(east[0]?.position).toEqual({ x: 29, y: 0, z: 10 });
    expect(east[0]?.heading).toBeCloseTo(90);
  });

  it('draws a truck at the gate instead of in an inspection bay', () => {
    const vehicles = combineVehicles(
      site,
      [
        { number: 'D-1', atInspection: true, plate: 'AA1111', containers: [] },
        { number: 'D-2', atInspection: true, plate: 'BB2222', containers: [] },
      ],
      [
        {
          plate: 'AA1111',
          laneId: 'in',
          arrivedAt: at(1),
          eventId: 'e1',
          source: 'officer',
          declaration: { number: 'D-1', lane: 'red' },
        },
      ],
    );
    expect(vehicles.map((v) => [v.id, v.declarationId])).toEqual([
      ['gate-AA1111', 'D-1'],
      ['truck-D-2', 'D-2'],
    ]);
  });
});
