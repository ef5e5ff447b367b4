/**
 * One running training session: the scenario's plan played by the simulator into
 * the training services (declarations lodged through the queue's intake, so the
 * risk engine assesses them as in live work; trucks recorded at the gate as the
 * scenario's synthetic recognition), and the trainee's work read back and scored.
 */
import type { Scenario } from '../../../preload/contract/schemas/training';
import type { Clock } from '../clock';
import type { GateService } from '../gate/gate-service';
import type { QueueService } from '../queue/queue-service';
import type { Store } from '../store';
import { planScenario, type PlannedDeclaration, type ScenarioPlan } from './scenario-plan';
import { scoreSession, type SessionScore } from './scoring';
import { sessionTrials, type TrialState } from './session-trials';
import { Simulator } from './simulator';
import { recordedResponses } from './trainee-responses';

/** Who lodges and records in a training session: the scenario, never a person. */
export const SIMULATOR_ACTOR = { id: 'training-simulator', name: 'Training simulator' };

/** Confidence the synthetic recognition gives its plate reads: confident, as a clean read at a lane is. */
const SYNTHETIC_READ_CONFIDENCE = 0.97;

export interface TrainingSessionOptions {
  scenario: Scenario;
  store: Store;
  clock: Clock;
  queue: Pick<QueueService, 'intake'>;
  gate: Pick<GateService, 'record'>;
  /** Re-seeds the risk engine's random selection, so its draws repeat with the scenario. */
  reseedRisk?: (seed: number) => void;
  onChanged?: () => void;
}

export class TrainingSession {
  readonly scenario: Scenario;
  readonly plan: ScenarioPlan;
  readonly simulator: Simulator;
  readonly start: number;
  readonly #items: PlannedDeclaration[];

  constructor(private readonly options: TrainingSessionOptions) {
    this.scenario = options.scenario;
    this.plan = planScenario(options.scenario);
    this.start = Date.parse(options.scenario.start);
    this.#items = this.plan.events.filter((e): e is PlannedDeclaration => e.kind === 'declaration');
    options.reseedRisk?.(options.scenario.seed);
    const file = `scenario ${options.scenario.id} seed ${options.scenario.seed}`;
    this.simulator = new Simulator(this.plan, {
      lodge: async (event) => {
        await options.queue.intake.saveDeclarations([event.declaration], { file, format: 'json' });
        options.onChanged?.();
      },
      arrive: async (event) => {
        await options.gate.record(SIMULATOR_ACTOR, {
          laneId: event.laneId,
          direction: 'arrival',
          plate: event.readings.plate,
          source: 'recognition',
          confidence: SYNTHETIC_READ_CONFIDENCE,
        });
      },
    });
  }

  /** Scenario milliseconds since the start, on the session's clock. */
  elapsed(): number {
    return Math.max(0, this.options.clock.now().getTime() - this.start);
  }

  get finished(): boolean {
    return this.elapsed() >= this.scenario.duration;
  }

  /** Plays every event due by now; a host calls this on a timer, the headless runner after moving its clock. */
  tick(): Promise<void> {
    return this.simulator.playUntil(Math.min(this.elapsed(), this.scenario.duration));
  }

  /** Trials so far; `final` settles every item lodged, as at the end of the session (open windows close). */
  async trials(traineeIds: readonly string[], options: { final?: boolean } = {}): Promise<TrialState[]> {
    const responses = await recordedResponses(this.options.store, traineeIds);
    const now = options.final ? Number.POSITIVE_INFINITY : this.elapsed();
    return sessionTrials(
      this.#items.filter((item) => item.at <= this.elapsed()),
      responses,
      this.start,
      now,
    );
  }

  /** The score of the settled trials; `final` scores every item lodged. */
  async score(traineeIds: readonly string[], options: { final?: boolean } = {}): Promise<SessionScore> {
    return scoreSession((await this.trials(traineeIds, options)).filter((t) => t.settled));
  }

  /** The items lodged so far, for a scripted trainee or the after-action review. */
  lodged(): readonly PlannedDeclaration[] {
    const now = this.elapsed();
    return this.#items.filter((item) => item.at <= now);
  }
}
