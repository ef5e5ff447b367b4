/**
 * The training area: runs scenarios on the training database. Only a services
 * graph built in training mode has one; in live mode it refuses, so no scenario
 * traffic can ever reach live data.
 */
import type { Scenario } from '../../../preload/contract/schemas/training';
import type { Area } from '../area';
import type { Core } from '../core';
import { ServiceError } from '../errors';
import type { GateService } from '../gate/gate-service';
import type { QueueService } from '../queue/queue-service';
import type { RiskServices } from '../risk/risk-handlers';
import { TrainingSession } from './training-session';

export class TrainingService {
  #session: TrainingSession | null = null;

  constructor(
    private readonly core: Pick<Core, 'store' | 'clock' | 'mode' | 'emit'>,
    private readonly deps: { queue: QueueService; gate: GateService; risk: RiskServices },
  ) {}

  get session(): TrainingSession | null {
    return this.#session;
  }

  /** Starts a scenario; one at a time, and only on the training database. */
  start(scenario: Scenario): TrainingSession {
    if (this.core.mode !== 'training')
      throw new ServiceError('FAILED_PRECONDITION', 'Scenarios run only in training: this workstation is working on live data.');
    if (this.#session && !this.#session.simulator.done)
      throw new ServiceError('FAILED_PRECONDITION', `Scenario ${this.#session.scenario.id} is still running: end it first.`);
    this.#session = new TrainingSession({
      scenario,
      store: this.core.store,
      clock: this.core.clock,
      queue: this.deps.queue,
      gate: this.deps.gate,
      ...(this.deps.risk.reseed ? { reseedRisk: this.deps.risk.reseed } : {}),
      onChanged: () => this.core.emit('cw:queue.changed', { ids: 'all' }),
    });
    return this.#session;
  }
}

export function createTrainingArea(
  core: Pick<Core, 'store' | 'clock' | 'mode' | 'emit'>,
  deps: { queue: QueueService; gate: GateService; risk: RiskServices },
): Area<Record<never, never>> & { training: TrainingService } {
  return { training: new TrainingService(core, deps), handlers: {} };
}
