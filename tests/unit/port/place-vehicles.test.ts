import { describe, expect, it } from 'vitest';
import { Site } from '../../../preload/contract/schemas/site';
import { placeVehicles } from '../../../renderer/features/port/scene/placeVehicles';

const site = Site.parse({
  schemaVersion: 1,
  id: 'test-port',
  name: 'Test port',
  origin: { latitude: 22.5, longitude: 114.1 },
  inspectionAreas: [{ id: 'insp', name: 'Inspection', position: [100, 0, 0], size: [40, 8, 20], bays: 2 }],
  yardBlocks: [{ id: 'yard', name: 'Yard', position: [0, 0, -100], size: [60, 2.6, 20], rows: 2, bays: 3, tiers: 4 }],
});

describe('placing vehicles and containers from declarations', () => {
  it('puts trucks under inspection in the bays and other containers in yard slots', () => {
    const placed = placeVehicles(site, [
      { number: 'D1', atInspection: true, plate: '粤B·12345', containers: ['MSCU4812204'] },
      { number: 'D2', atInspection: false, plate: null, containers: ['CSQU3054383', 'TGHU8771207'] },
    ]);
    expect(placed.map((v) => [v.kind, v.label, v.declarationId])).toEqual([
      ['truck', '粤B·12345', 'D1'],
      ['container', 'CSQU3054383', 'D2'],
      ['container', 'TGHU8771207', 'D2'],
    ]);
    // First bay: left half of the 40 m wide area; first slots: the first row of the yard block, side by side.
    expect(placed[0]?.position).toEqual({ x: 90, y: 0, z: 0 });
    expect(placed[1]?.position).toEqual({ x: -20, y: 2.6, z: -105 });
    expect(placed[2]?.position.x).toBeCloseTo(0);
  });

  it('places no more than there are bays and slots', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ number: `T${i}`, atInspection: true, plate: null, containers: [] }));
    expect(placeVehicles(site, many)).toHaveLength(2);
    const containers = Array.from({ length: 10 }, (_, i) => `C${i}`);
    expect(placeVehicles(site, [{ number: 'Y', atInspection: false, plate: null, containers }])).toHaveLength(6);
  });

  it('labels a truck without a plate by its declaration number', () => {
    expect(placeVehicles(site, [{ number: 'D9', atInspection: true, plate: null, containers: [] }])[0]?.label).toBe('D9');
  });
});
