/**
 * Plays a scenario plan against scenario time: every event whose time has come is
 * applied, in plan order, exactly once, and written to the session's event log.
 * The log is what determinism is checked on: the same scenario and seed give the
 * same log whatever the clock speed or how often the simulator is ticked.
 */
import type { PlanEvent, PlannedDeclaration, PlannedVehicle, ScenarioPlan } from './scenario-plan';

export interface SimulatorTarget {
  lodge(event: PlannedDeclaration): Promise<void>;
  arrive(event: PlannedVehicle): Promise<void>;
}

export interface SimulatorLogLine {
  at: number;
  kind: PlanEvent['kind'];
  itemId: string;
  threat: string | null;
  laneId?: string;
}

export class Simulator {
  readonly log: SimulatorLogLine[] = [];
  #next = 0;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly plan: ScenarioPlan,
    private readonly target: SimulatorTarget,
  ) {}

  /** Scenario time of the next event, or null when the plan is played out. */
  get nextAt(): number | null {
    return this.plan.events[this.#next]?.at ?? null;
  }

  get done(): boolean {
    return this.#next >= this.plan.events.length;
  }

  /** Applies every event due at or before `scenarioMs`; calls are serialised, so ticks never overlap. */
  playUntil(scenarioMs: number): Promise<void> {
    this.#running = this.#running.then(() => this.#play(scenarioMs));
    return this.#running;
  }

  async #play(scenarioMs: number): Promise<void> {
    while (!this.done && this.plan.events[this.#next]!.at <= scenarioMs) {
      const event = this.plan.events[this.#next]!;
      if (event.kind === 'declaration') await this.target.lodge(event);
      else await this.target.arrive(event);
      this.#next += 1;
      this.log.push({
        at: event.at,
        kind: event.kind,
        itemId: event.itemId,
        threat: event.kind === 'declaration' ? event.threat : null,
        ...(event.kind === 'vehicle' ? { laneId: event.laneId } : {}),
      });
    }
  }
}
