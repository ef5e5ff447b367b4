import { describe, expect, it } from 'vitest';
import { LaneTracker, type TrackedFrame } from '../../../main/services/recognition/lane-tracker';
import type { PlateRead } from '../../../main/services/recognition/plate-reader';

const plate = (text: string, confidence = 0.95, formatId: string | null = 'test'): PlateRead => ({
  text,
  display: text,
  formatId,
  confidence,
  chars: [...text].map((char) => ({ char, confidence })),
  raw: text,
  likeness: confidence,
  cost: 0,
  specificity: 12,
  quad: null,
});

let clock = 0;
const frame = (read: PlateRead | null, motion = 0): TrackedFrame => ({
  at: new Date(Date.UTC(2026, 0, 1, 8, 0, 0, (clock += 250))),
  motion,
  plate: read,
  jpeg: new Uint8Array([clock % 256]),
});

describe('LaneTracker', () => {
  it('starts a vehicle on motion and decides when two reads agree, from the first sighting', () => {
    const tracker = new LaneTracker({ motionThreshold: 0.02 });
    expect(tracker.push(frame(null, 0))).toBeNull();
    expect(tracker.current).toBe('idle');
    const first = frame(null, 0.3);
    expect(tracker.push(first)).toBeNull();
    expect(tracker.current).toBe('vehicle');
    expect(tracker.push(frame(plate('AB123CD')))).toBeNull();
    const vehicle = tracker.push(frame(plate('AB123CD')))!;
    expect(vehicle.plate.text).toBe('AB123CD');
    expect(vehicle.firstSeenAt).toEqual(first.at);
    expect(vehicle.frames).toBe(2);
    expect(tracker.current).toBe('decided');
  });

  it('votes three disagreeing reads per character', () => {
    const tracker = new LaneTracker({ motionThreshold: 0.02 });
    tracker.push(frame(plate('AB123CD', 0.9)));
    tracker.push(frame(plate('AB128CD', 0.4)));
    const vehicle = tracker.push(frame(plate('A8123CD', 0.5)))!;
    expect(vehicle.plate.text).toBe('AB123CD');
  });

  it('does not decide the same vehicle twice while it stands at the barrier, and is ready after it leaves', () => {
    const tracker = new LaneTracker({ motionThreshold: 0.02, quietFrames: 2 });
    tracker.push(frame(plate('AB123CD')));
    expect(tracker.push(frame(plate('AB123CD')))).not.toBeNull();
    expect(tracker.push(frame(plate('AB123CD')))).toBeNull();
    expect(tracker.push(frame(plate('AB123CO')))).toBeNull();
    tracker.push(frame(null));
    tracker.push(frame(null));
    expect(tracker.current).toBe('idle');
  });

  it('closes a vehicle when another plate appears, with the snapshot of its own plate', () => {
    const tracker = new LaneTracker({ motionThreshold: 0.02 });
    const own = frame(plate('AB123CD'));
    tracker.push(own);
    const next = frame(plate('XY98765', 0.99));
    const vehicle = tracker.push(next)!;
    expect(vehicle.plate.text).toBe('AB123CD');
    expect(vehicle.snapshot).toBe(own.jpeg);
    expect(tracker.current).toBe('vehicle');
    expect(tracker.push(frame(plate('XY98765', 0.99)))!.plate.text).toBe('XY98765');
  });

  it('forgets motion that brought no plate', () => {
    const tracker = new LaneTracker({ motionThreshold: 0.02, quietFrames: 2 });
    tracker.push(frame(null, 0.5));
    tracker.push(frame(null));
    expect(tracker.push(frame(null))).toBeNull();
    expect(tracker.current).toBe('idle');
  });
});
