import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runHeadless } from '../../main/services/training/headless-run';
import { readScenarioFile } from '../../main/services/training/scenario-file';
import { planScenario } from '../../main/services/training/scenario-plan';
import { Simulator } from '../../main/services/training/simulator';
import type { Scenario } from '../../preload/contract/schemas/training';

/**
 * Training simulator: how fast a scenario is planned and played (events per
 * second, without services, so the simulator's own cost), and a whole headless
 * session on real training services with a scripted trainee (events per second
 * through import, risk, queue and gate). At 60× a busy scenario needs about
 * 200 declarations an hour × 60 = 3.3 events per wall second: the figures say
 * how far above that the workstation is. The machine is shared: load is printed.
 */

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function shipped(name: string): Scenario {
  const result = readScenarioFile(join(__dirname, '../../resources/scenarios', `${name}.yaml`));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

export async function run(): Promise<void> {
  console.log(`training: load average before ${load()}`);
  const peak = shipped('perishables-peak');
  // A long, busy scenario: 8 hours at the peak's volumes.
  const long: Scenario = { ...peak, duration: 8 * 3_600_000 };
  let started = performance.now();
  const plan = planScenario(long);
  const planMs = performance.now() - started;
  started = performance.now();
  const simulator = new Simulator(plan, { lodge: async () => {}, arrive: async () => {} });
  await simulator.playUntil(long.duration);
  const playMs = performance.now() - started;
  console.log(
    `training: plan of 8 h perishables peak: ${plan.events.length} events in ${planMs.toFixed(0)} ms (${Math.round(plan.events.length / (planMs / 1000)).toLocaleString('en')} events/s); ` +
      `played in ${playMs.toFixed(0)} ms (${Math.round(plan.events.length / (playMs / 1000)).toLocaleString('en')} events/s)`,
  );
  started = performance.now();
  const result = await runHeadless(peak, 'auto-random');
  const sessionS = (performance.now() - started) / 1000;
  console.log(
    `training: headless ${peak.id} (${result.items} declarations, ${result.log.length} events, scripted trainee) in ${sessionS.toFixed(1)} s ` +
      `→ ${(result.log.length / sessionS).toFixed(1)} events/s through the real services (60× needs ~3.3/s)`,
  );
  console.log(`training: load average after ${load()}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
