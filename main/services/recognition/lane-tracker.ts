/**
 * One vehicle at a time through a lane camera: motion in the ROI (or a plate read)
 * starts a vehicle and stamps its first sighting; its frames' plate reads are
 * collected; once two fitting reads agree, or three were taken, or the reads stop, they are voted per character
 * and the vehicle is handed over for a decision, with the snapshot of its best
 * read. The lane then waits for the vehicle to leave (frames with neither a read
 * nor motion) or for another plate to appear. Pure: the caller feeds it frames.
 */
import { distance } from 'fastest-levenshtein';
import type { PlateFormat } from './plate-formats';
import { type PlateRead, type TrackRead, voteReads } from './plate-reader';

export interface TrackedFrame {
  at: Date;
  motion: number;
  plate: PlateRead | null;
  /** The frame as sent (JPEG); kept for the best read's snapshot. */
  jpeg: Uint8Array;
}

export interface TrackedVehicle {
  plate: TrackRead;
  firstSeenAt: Date;
  /** The JPEG of the surest single read. */
  snapshot: Uint8Array;
  frames: number;
}

export interface LaneTrackerOptions {
  motionThreshold: number;
  /** Reads voted before deciding when they disagree (default 3); two that agree decide at once. */
  readsToDecide?: number;
  /** Frames in a row with no read and no motion that end a vehicle (default 3). */
  quietFrames?: number;
  formats?: readonly PlateFormat[];
}

export type LaneState = 'idle' | 'vehicle' | 'decided';

export class LaneTracker {
  private state: LaneState = 'idle';
  private firstSeenAt: Date | null = null;
  private reads: { read: PlateRead; jpeg: Uint8Array }[] = [];
  private quiet = 0;
  private decidedText: string | null = null;

  constructor(private readonly options: LaneTrackerOptions) {}

  get current(): LaneState {
    return this.state;
  }

  /** A vehicle is being read or waits to leave: read frames even without motion. */
  get active(): boolean {
    return this.state !== 'idle';
  }

  /** Feeds one analysed frame; returns the vehicle when this frame completes one. */
  push(frame: TrackedFrame): TrackedVehicle | null {
    const moving = frame.motion >= this.options.motionThreshold;
    const read = frame.plate !== null && frame.plate.chars.length > 0 ? frame.plate : null;
    this.quiet = read === null && !moving ? this.quiet + 1 : 0;
    const quietLimit = this.options.quietFrames ?? 3;

    if (this.state === 'decided') {
      const another = read !== null && this.decidedText !== null && distance(read.text, this.decidedText) > 2;
      if (another) this.reset();
      else {
        if (this.quiet >= quietLimit) this.reset();
        return null;
      }
    }
    // Another plate while reading one: the first vehicle left and the next came up between two frames read.
    if (
      this.state === 'vehicle' &&
      read !== null &&
      this.reads.length > 0 &&
      this.reads.every((r) => distance(r.read.text, read.text) > 2)
    ) {
      const previous = this.complete();
      this.reset();
      this.start(frame.at);
      this.reads.push({ read, jpeg: frame.jpeg });
      return previous;
    }
    if (this.state === 'idle') {
      if (!moving && read === null) return null;
      this.start(frame.at);
    }
    if (read !== null) this.reads.push({ read, jpeg: frame.jpeg });
    const enough = this.reads.length >= (this.options.readsToDecide ?? 3) || this.agreeing() >= 2;
    const gone = this.quiet >= quietLimit;
    if (!enough && !gone) return null;
    if (this.reads.length === 0) {
      // Motion without any plate (a person, a shadow, a car without a readable plate) ends quietly.
      this.reset();
      return null;
    }
    const vehicle = this.complete();
    // Gone already: the next frame starts afresh; otherwise wait for this vehicle to leave.
    if (gone) this.reset();
    return vehicle;
  }

  /** Reads that fitted a format and say the same as the latest: two alike decide before the third frame. */
  private agreeing(): number {
    const latest = this.reads[this.reads.length - 1]?.read;
    if (latest === undefined || latest.formatId === null) return 0;
    return this.reads.filter((r) => r.read.formatId !== null && r.read.text === latest.text).length;
  }

  private complete(): TrackedVehicle | null {
    const plate = voteReads(
      this.reads.map((r) => r.read),
      this.options.formats,
    );
    if (plate === null || this.firstSeenAt === null) return null;
    // The snapshot: the surest read of the plate as voted (or nearest to it).
    const gap = (r: { read: PlateRead }) => distance(r.read.text, plate.text);
    const best = this.reads.reduce((a, b) =>
      gap(b) < gap(a) || (gap(b) === gap(a) && b.read.likeness > a.read.likeness) ? b : a,
    );
    const vehicle = { plate, firstSeenAt: this.firstSeenAt, snapshot: best.jpeg, frames: this.reads.length };
    this.state = 'decided';
    this.decidedText = plate.text;
    this.reads = [];
    return vehicle;
  }

  private start(at: Date): void {
    this.state = 'vehicle';
    this.firstSeenAt = at;
  }

  private reset(): void {
    this.state = 'idle';
    this.firstSeenAt = null;
    this.reads = [];
    this.quiet = 0;
    this.decidedText = null;
  }
}
