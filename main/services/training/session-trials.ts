/**
 * Turns a played plan and the trainee's recorded responses into scored trials.
 * A trial is settled by the trainee's first response inside its window; an alarm
 * that is one of the right responses wins over an earlier different one (a
 * document request followed by a hold still catches an agency hold), but a
 * release ends the trial. A threat with no response when its window has run out
 * is a miss; a clean item with none is a correct rejection.
 */
import type { TraineeResponse } from '../../../preload/contract/schemas/training';
import type { RecordedResponse } from './trainee-responses';
import type { PlannedDeclaration } from './scenario-plan';
import type { Trial } from './scoring';

export interface TrialState extends Trial {
  /** Scenario ms when the item appeared. */
  appearedAt: number;
  /** The window is over (or the trainee settled it): the trial counts. */
  settled: boolean;
}

export function sessionTrials(
  items: readonly PlannedDeclaration[],
  responses: readonly RecordedResponse[],
  scenarioStart: number,
  scenarioNow: number,
): TrialState[] {
  const byItem = new Map<string, RecordedResponse[]>();
  for (const r of responses) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  return items
    .filter((item) => item.at <= scenarioNow)
    .map((item) => {
      const deadline = item.at + item.window;
      const mine = (byItem.get(item.itemId) ?? []).filter((r) => r.at - scenarioStart <= deadline);
      const chosen = settle(mine, item.rightResponses);
      const response: TraineeResponse | null = chosen?.response ?? null;
      return {
        itemId: item.itemId,
        threat: item.threat,
        rightResponses: item.rightResponses,
        response,
        decisionMs: chosen ? chosen.at - scenarioStart - item.at : null,
        laneOverridden: mine.some((r) => r.laneOverride),
        appearedAt: item.at,
        settled:
          scenarioNow >= deadline ||
          (chosen !== undefined && (chosen.response === 'release' || item.rightResponses.includes(chosen.response))),
      };
    });
}

function settle(responses: readonly RecordedResponse[], right: readonly TraineeResponse[]): RecordedResponse | undefined {
  const firstRelease = responses.findIndex((r) => r.response === 'release');
  const beforeRelease = firstRelease === -1 ? responses : responses.slice(0, firstRelease + 1);
  return beforeRelease.find((r) => right.includes(r.response)) ?? beforeRelease[0];
}
