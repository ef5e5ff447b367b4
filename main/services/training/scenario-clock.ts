/**
 * The clock a training session's services run on: scenario time, starting at the
 * scenario's start and running at its speed (1×–60×) over the wall clock, with
 * pause. Declarations, SLAs, audit entries and the trainee's actions all carry
 * scenario time, so a session reads like the shift it simulates.
 */
import type { Clock } from '../clock';

export class ScenarioClock implements Clock {
  #baseScenario: number;
  #baseWall: number;
  #speed: number;
  #paused = false;

  constructor(
    private readonly wall: Clock,
    start: Date,
    speed = 1,
  ) {
    this.#baseScenario = start.getTime();
    this.#baseWall = wall.now().getTime();
    this.#speed = checkSpeed(speed);
  }

  now(): Date {
    return new Date(this.#scenarioMs());
  }

  get speed(): number {
    return this.#speed;
  }

  get paused(): boolean {
    return this.#paused;
  }

  setSpeed(speed: number): void {
    this.#rebase();
    this.#speed = checkSpeed(speed);
  }

  pause(): void {
    this.#rebase();
    this.#paused = true;
  }

  resume(): void {
    this.#rebase();
    this.#paused = false;
  }

  #scenarioMs(): number {
    if (this.#paused) return this.#baseScenario;
    return this.#baseScenario + (this.wall.now().getTime() - this.#baseWall) * this.#speed;
  }

  /** Starts a new segment at the current scenario time, so speed and pause apply from now on. */
  #rebase(): void {
    this.#baseScenario = this.#scenarioMs();
    this.#baseWall = this.wall.now().getTime();
  }
}

function checkSpeed(speed: number): number {
  if (!(speed >= 1 && speed <= 60)) throw new RangeError(`clock speed must be between 1 and 60, not ${speed}`);
  return speed;
}
