/**
 * Where services get "now" from. Injected so idle lock, throttling and audit
 * timestamps can be tested with a fake clock, and so the training engine can
 * later run a time-compressed one.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests (and scenarios) move by hand. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string = '2026-03-02T08:00:00.000Z') {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  advance(ms: number): void {
    this.#ms += ms;
  }
}
