import { describe, expect, it } from 'vitest';
import { Site } from '../../../preload/contract/schemas/site';
import { laneLabelAlong, toSceneSite } from '../../../renderer/features/port/scene/toSceneSite';

const site = Site.parse({
  schemaVersion: 1,
  id: 'labels',
  name: 'Label test',
  origin: { latitude: 22.5, longitude: 114.1 },
  gates: [
    {
      id: 'gate-a',
      name: 'Gate A',
      position: [0, 0, 0],
      // Lane 3 leaves the port: its outside end is its end.
      lanes: [0, 1, 2, 3].map((i) => ({
        id: `lane-${i + 1}`,
        name: `Lane ${i + 1}`,
        kind: i === 2 ? 'outbound' : 'inbound',
        start: [i * 6, 0, i === 2 ? -100 : 100],
        end: [i * 6, 0, i === 2 ? 100 : -100],
      })),
    },
  ],
  cameras: [],
});

describe('site to scene', () => {
  it('staggers lane labels along the approach of side-by-side lanes, each on its own lane', () => {
    const lanes = toSceneSite(site).areas.filter((a) => a.kind === 'lane');
    // From the outside end (z = 100) inwards over 200 m: 5 %, 20 %, 35 %, 50 %.
    const expected = [
      [0, 90],
      [6, 60],
      [12, 30],
      [18, 0],
    ];
    lanes.forEach((lane, i) => {
      expect(lane.labelAt!.x).toBeCloseTo(expected[i]![0]!, 9);
      expect(lane.labelAt!.z).toBeCloseTo(expected[i]![1]!, 9);
    });
  });

  it('puts a lone lane’s label a quarter in from outside', () => {
    expect(laneLabelAlong(0, 1)).toBe(0.25);
    expect([0, 1, 2].map((i) => laneLabelAlong(i, 3))).toEqual([0.05, 0.275, 0.5]);
  });
});
