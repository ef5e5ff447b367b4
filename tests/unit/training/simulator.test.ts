import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/services/clock';
import { ScenarioClock } from '../../../main/services/training/scenario-clock';
import { readScenarioFile } from '../../../main/services/training/scenario-file';
import { planScenario } from '../../../main/services/training/scenario-plan';
import { Simulator, type SimulatorTarget } from '../../../main/services/training/simulator';
import type { Scenario } from '../../../preload/contract/schemas/training';

const scenarios = join(__dirname, '../../../resources/scenarios');

function shipped(name: string): Scenario {
  const result = readScenarioFile(join(scenarios, `${name}.yaml`));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const recorder = (): SimulatorTarget & { applied: string[] } => {
  const applied: string[] = [];
  return {
    applied,
    lodge: async (e) => void applied.push(`${e.at} lodge ${e.itemId} ${JSON.stringify(e.declaration)}`),
    arrive: async (e) => void applied.push(`${e.at} arrive ${e.laneId} ${JSON.stringify(e.readings)}`),
  };
};

/** Plays a scenario on a scenario clock over a manual wall clock, ticking every `tickMs` of wall time. */
async function playAt(scenario: Scenario, speed: number, tickMs: number): Promise<string> {
  const wall = new ManualClock('2026-01-01T00:00:00Z');
  const clock = new ScenarioClock(wall, new Date(scenario.start), speed);
  const target = recorder();
  const simulator = new Simulator(planScenario(scenario), target);
  const start = Date.parse(scenario.start);
  while (!simulator.done) {
    wall.advance(tickMs);
    await simulator.playUntil(clock.now().getTime() - start);
  }
  return JSON.stringify({ log: simulator.log, applied: target.applied });
}

describe('training simulator', () => {
  it('plans the same events for the same scenario and seed, and others for another seed', () => {
    const scenario = shipped('quiet-morning');
    expect(JSON.stringify(planScenario(scenario))).toBe(JSON.stringify(planScenario(scenario)));
    expect(JSON.stringify(planScenario({ ...scenario, seed: scenario.seed + 1 }))).not.toBe(
      JSON.stringify(planScenario(scenario)),
    );
  });

  it('gives byte-identical event logs at 1× and 60×, however often it is ticked', async () => {
    const scenario = shipped('targeting-exercise');
    const slow = await playAt(scenario, 1, 7_000);
    const fast = await playAt(scenario, 60, 1_000);
    const again = await playAt(scenario, 60, 1_000);
    expect(fast).toBe(again);
    expect(fast).toBe(slow);
    expect(JSON.parse(fast).log.length).toBeGreaterThan(50);
  });

  it('applies each event once, in time order, never ahead of the clock', async () => {
    const scenario = shipped('perishables-peak');
    const simulator = new Simulator(planScenario(scenario), recorder());
    await simulator.playUntil(30 * 60_000);
    const first = simulator.log.length;
    expect(simulator.log.every((line) => line.at <= 30 * 60_000)).toBe(true);
    await simulator.playUntil(30 * 60_000);
    expect(simulator.log.length).toBe(first);
    await Promise.all([simulator.playUntil(60 * 60_000), simulator.playUntil(45 * 60_000)]);
    const times = simulator.log.map((line) => line.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(simulator.log.map((l) => `${l.kind} ${l.itemId}`)).size).toBe(simulator.log.length);
  });

  it('projects threats the generated traffic can show, each with its cue', () => {
    const plan = planScenario(shipped('perishables-peak'));
    const threats = plan.events.filter((e) => e.kind === 'declaration' && e.threat !== null);
    expect(threats.length).toBeGreaterThan(3);
    for (const t of threats) {
      if (t.kind !== 'declaration') continue;
      expect(t.cue).toBeTruthy();
      expect(t.rightResponses.length).toBeGreaterThan(0);
      if (t.threat === 'weight-mismatch' || t.threat === 'plate-mismatch' || t.threat === 'quantity-mismatch')
        expect(plan.events.some((e) => e.kind === 'vehicle' && e.itemId === t.itemId)).toBe(true);
    }
  });
});

describe('scenario clock', () => {
  it('runs at its speed from the scenario start, pauses and changes speed without jumping', () => {
    const wall = new ManualClock('2026-01-01T00:00:00Z');
    const clock = new ScenarioClock(wall, new Date('2026-03-02T06:00:00+08:00'), 10);
    wall.advance(6_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T22:01:00.000Z');
    clock.pause();
    wall.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T22:01:00.000Z');
    clock.resume();
    clock.setSpeed(60);
    wall.advance(1_000);
    expect(clock.now().toISOString()).toBe('2026-03-01T22:02:00.000Z');
    expect(() => clock.setSpeed(61)).toThrow(/between 1 and 60/);
  });
});
