/**
 * What the trainee did with each item, read back from the training database the
 * way the workstation stores any officer's work: decisions and re-routes in
 * declaration_events, cases opened on a declaration in cases. Reading the stored
 * record rather than hooking the UI means every path to a decision counts, and a
 * recorded session can be scored again later.
 */
import type { TraineeResponse } from '../../../preload/contract/schemas/training';
import type { Store } from '../store';

export interface RecordedResponse {
  itemId: string;
  response: TraineeResponse;
  /** Epoch ms on the scenario clock. */
  at: number;
  actorId: string;
  /** Set when the trainee moved the declaration to another lane. */
  laneOverride: boolean;
}

const DECISION_RESPONSE: Readonly<Record<string, TraineeResponse>> = {
  release: 'release',
  requestDocuments: 'document-check',
  sendToInspection: 'inspect',
  hold: 'hold',
};

const LANE_RESPONSE: Readonly<Record<string, TraineeResponse | undefined>> = {
  yellow: 'document-check',
  red: 'inspect',
};

/** Every response by `actorIds`, oldest first. */
export async function recordedResponses(store: Store, actorIds: readonly string[]): Promise<RecordedResponse[]> {
  if (actorIds.length === 0) return [];
  const actors = actorIds.map(() => '?').join(', ');
  const events = await store.query<{
    number: string;
    at: string;
    kind: string;
    actor_id: string;
    decision: string | null;
    to_lane: string | null;
  }>(
    `SELECT number, at, kind, actor_id, decision, to_lane FROM declaration_events
      WHERE kind IN ('decision', 'rerouted') AND actor_id IN (${actors}) ORDER BY id`,
    [...actorIds],
  );
  const cases = await store.query<{ subject_ref: string; opened_at: string; opened_by_id: string }>(
    `SELECT subject_ref, opened_at, opened_by_id FROM cases WHERE subject_kind = 'declaration' AND opened_by_id IN (${actors}) ORDER BY opened_at`,
    [...actorIds],
  );
  const out: RecordedResponse[] = [];
  for (const e of events) {
    const response = e.kind === 'decision' ? DECISION_RESPONSE[e.decision ?? ''] : LANE_RESPONSE[e.to_lane ?? ''];
    if (!response) continue;
    out.push({ itemId: e.number, response, at: Date.parse(e.at), actorId: e.actor_id, laneOverride: e.kind === 'rerouted' });
  }
  for (const c of cases) {
    out.push({
      itemId: c.subject_ref,
      response: 'open-case',
      at: Date.parse(c.opened_at),
      actorId: c.opened_by_id,
      laneOverride: false,
    });
  }
  return out.sort((a, b) => a.at - b.at);
}
