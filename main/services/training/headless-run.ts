/**
 * Runs a scenario without a screen, at full speed, with a scripted trainee working
 * the real training services through the same channels a trainee's screens call.
 * Scoring can then be checked against hand calculations, and the simulator's
 * determinism against its event log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName } from '../../../preload/contract';
import type { Decision } from '../../../preload/contract/schemas/queue';
import type { Scenario, TraineeResponse } from '../../../preload/contract/schemas/training';
import { createDispatcher } from '../../host/dispatch';
import { ManualClock, systemClock } from '../clock';
import { Prng } from '../declarations/demo/prng';
import { createServices, type Services } from '../index';
import { createConfSettingsBackend } from '../settings/conf-backend';
import type { PlannedDeclaration } from './scenario-plan';
import type { SessionScore } from './scoring';
import type { SimulatorLogLine } from './simulator';

export const SCRIPTED_TRAINEES = ['auto-perfect', 'auto-random', 'auto-lenient'] as const;
export type ScriptedTrainee = (typeof SCRIPTED_TRAINEES)[number];

export interface HeadlessResult {
  scenario: string;
  seed: number;
  trainee: ScriptedTrainee;
  items: number;
  threats: number;
  score: SessionScore;
  /** Responses the services refused (e.g. a release of a red-lane declaration before inspection). */
  refused: { itemId: string; response: TraineeResponse; message: string }[];
  log: SimulatorLogLine[];
}

/** How a scripted trainee answers an item, and after how long (scenario ms). */
interface Plan {
  response: TraineeResponse;
  afterMs: number;
}

const DECISION_FOR: Partial<Record<TraineeResponse, Decision>> = {
  release: 'release',
  'document-check': 'requestDocuments',
  inspect: 'sendToInspection',
  hold: 'hold',
};

/** Alarms a script can raise through the queue; refusing a vehicle has no channel outside the gate screen. */
const SCRIPTABLE_ALARMS: readonly TraineeResponse[] = ['document-check', 'inspect', 'hold', 'open-case'];

export function scriptedResponse(trainee: ScriptedTrainee, item: PlannedDeclaration, rng: Prng): Plan {
  switch (trainee) {
    case 'auto-perfect': {
      const right = item.rightResponses.find((r) => SCRIPTABLE_ALARMS.includes(r));
      return { response: item.threat && right ? right : 'release', afterMs: 60_000 };
    }
    case 'auto-random':
      return { response: rng.chance(0.5) ? rng.pick(SCRIPTABLE_ALARMS) : 'release', afterMs: rng.int(30, 300) * 1000 };
    case 'auto-lenient':
      return { response: rng.chance(0.05) ? 'document-check' : 'release', afterMs: rng.int(20, 60) * 1000 };
  }
}

export async function runHeadless(scenario: Scenario, trainee: ScriptedTrainee): Promise<HeadlessResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clearway-training-run-'));
  const start = Date.parse(scenario.start);
  const clock = new ManualClock(new Date(start));
  let services: Services | null = null;
  try {
    services = await createServices({
      dataDir,
      host: 'web',
      version: 'headless',
      settingsBackend: createConfSettingsBackend(join(dataDir, 'settings')),
      clock,
      wallClock: systemClock,
      mode: 'training',
    });
    const call = channelCaller(services);
    const traineeId = await signInTrainee(call, scenario.office);
    const session = services.training.start(scenario);
    const rng = new Prng((scenario.seed ^ 0x27d4eb2f) >>> 0);
    const due: { at: number; item: PlannedDeclaration; plan: Plan }[] = [];
    const seen = new Set<string>();
    const refused: HeadlessResult['refused'] = [];
    for (;;) {
      const nextEvent = session.simulator.nextAt;
      const nextAction = due.length > 0 ? Math.min(...due.map((d) => d.at)) : null;
      const next = [nextEvent, nextAction].filter((t): t is number => t !== null && t <= scenario.duration);
      if (next.length === 0) break;
      const at = Math.min(...next);
      clock.advance(start + at - clock.now().getTime());
      await session.tick();
      for (const item of session.lodged()) {
        if (seen.has(item.itemId)) continue;
        seen.add(item.itemId);
        const plan = scriptedResponse(trainee, item, rng);
        due.push({ at: item.at + plan.afterMs, item, plan });
      }
      for (const action of due
        .filter((d) => d.at <= at)
        .sort((a, b) => a.at - b.at || a.item.itemId.localeCompare(b.item.itemId))) {
        due.splice(due.indexOf(action), 1);
        const failure = await respond(call, action.item, action.plan.response);
        if (failure) refused.push({ itemId: action.item.itemId, response: action.plan.response, message: failure });
      }
    }
    clock.advance(start + scenario.duration - clock.now().getTime());
    await session.tick();
    const score = await session.score([traineeId], { final: true });
    const items = session.plan.events.filter((e) => e.kind === 'declaration');
    return {
      scenario: scenario.id,
      seed: scenario.seed,
      trainee,
      items: items.length,
      threats: items.filter((e) => e.kind === 'declaration' && e.threat !== null).length,
      score,
      refused,
      log: session.simulator.log,
    };
  } finally {
    await services?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Call = (channel: ChannelName, input?: unknown) => Promise<unknown>;

function channelCaller(services: Services): Call {
  const dispatch = createDispatcher(services, () => undefined);
  return async (channel, input) => {
    const envelope = await dispatch(channel, input);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  };
}

/** A fresh training profile: its trainer (the first account), then the trainee the script plays. */
async function signInTrainee(call: Call, office: string): Promise<string> {
  const password = `${randomBytes(18).toString('base64url')}aA1!`;
  await call('cw:auth.setup', { username: 'trainer', displayName: 'Scenario trainer', password, office, demo: false });
  const trainee = (await call('cw:auth.createUser', {
    username: 'trainee',
    displayName: 'Scripted trainee',
    role: 'trainee',
    password,
  })) as {
    id: string;
  };
  await call('cw:auth.logout');
  await call('cw:auth.login', { username: 'trainee', password });
  return trainee.id;
}

/** Carries out a response through the trainee's channels; returns why the services refused it, if they did. */
async function respond(call: Call, item: PlannedDeclaration, response: TraineeResponse): Promise<string | null> {
  try {
    if (response === 'open-case') {
      await call('cw:cases.open', {
        origin: { kind: 'declaration', declarationId: item.itemId },
        title: `Training: ${item.itemId}`,
      });
      return null;
    }
    const decision = DECISION_FOR[response];
    if (!decision) return `${response} cannot be scripted`;
    const out = (await call('cw:queue.decide', { ids: [item.itemId], decision, reason: 'scripted trainee' })) as {
      failed: { message: string }[];
    };
    return out.failed[0]?.message ?? null;
  } catch (e) {
    return (e as Error).message;
  }
}
