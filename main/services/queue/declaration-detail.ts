/**
 * The detail pane's data: the declaration, its assessment with explanations,
 * prior dispositions of declarations that hit the same rules, TRS timestamps,
 * the status timeline and the responses sent.
 */
import {
  type DeclarationRead,
  ALLOWED_DECISIONS,
  type DeclarationDetail,
  type DispositionCounts,
  type PriorDispositions,
  type TimelineEntry,
} from '../../../preload/contract/schemas/queue';
import { Hit, type Lane } from '../../../preload/contract/schemas/risk';
import { z } from 'zod';
import type { DeclarationsRepository } from '../declarations/declarations-repository';
import { ServiceError } from '../errors';
import type { Row, Store } from '../store/types';
import { hitKey, hitLabel } from './hit-keys';
import { toQueueRow } from './queue-row';
import { declarationReads } from '../declarations/profiles/read-record';
import { responsesOf } from './responses';
import { versionsOf } from './version-history';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function emptyCounts(): DispositionCounts {
  return { release: 0, hold: 0, requestDocuments: 0, sendToInspection: 0 };
}

export async function priorDispositions(store: Store, number: string, hits: readonly Hit[]): Promise<PriorDispositions[]> {
  const keys = new Map<string, string>();
  for (const hit of hits) if (!keys.has(hitKey(hit))) keys.set(hitKey(hit), hitLabel(hit));
  const out: PriorDispositions[] = [];
  for (const [key, label] of keys) {
    const rows = await store.query<{ decision: string; n: number; declarations: number }>(
      `SELECT e.decision AS decision, COUNT(*) AS n, COUNT(DISTINCT e.number) AS declarations
         FROM declaration_hit_keys k JOIN declaration_events e ON e.number = k.number AND e.kind = 'decision'
        WHERE k.hit_key = ? AND k.number <> ? GROUP BY e.decision`,
      [key, number],
    );
    const [{ total } = { total: 0 }] = await store.query<{ total: number }>(
      `SELECT COUNT(DISTINCT e.number) AS total FROM declaration_hit_keys k JOIN declaration_events e ON e.number = k.number AND e.kind = 'decision'
        WHERE k.hit_key = ? AND k.number <> ?`,
      [key, number],
    );
    const counts = emptyCounts();
    for (const r of rows) if (r.decision in counts) counts[r.decision as keyof DispositionCounts] = Number(r.n);
    out.push({ hitKey: key, label, declarations: Number(total), counts });
  }
  return out;
}

function systemEntry(at: string, kind: TimelineEntry['kind']): TimelineEntry {
  return {
    at,
    kind,
    actor: null,
    decision: null,
    fromStatus: null,
    toStatus: null,
    fromLane: null,
    toLane: null,
    reason: null,
    assignee: null,
    version: null,
  };
}

export async function declarationDetail(
  store: Store,
  repository: DeclarationsRepository,
  number: string,
): Promise<DeclarationDetail> {
  const [row] = await store.query<Row>('SELECT * FROM declaration_queue WHERE number = ?', [number]);
  const declaration = await repository.get(number);
  if (!row || !declaration)
    throw new ServiceError('NOT_FOUND', `declaration ${number} is not in the queue: it may have been replaced or never imported`);
  const hits = z.array(Hit).parse(JSON.parse(String(row.hits_json)));
  const events = await store.query<Row>('SELECT * FROM declaration_events WHERE number = ? ORDER BY id', [number]);
  const trs = {
    arrivalAt: str(row.arrival_time),
    lodgedAt: String(row.lodgement_time),
    riskAssessedAt: String(row.risk_assessed_at),
    documentaryCheckAt: str(row.documentary_check_at),
    inspectionAt: str(row.inspection_at),
    releasedAt: str(row.released_at),
  };
  const timeline: TimelineEntry[] = [
    ...(trs.arrivalAt ? [systemEntry(trs.arrivalAt, 'arrival')] : []),
    systemEntry(trs.lodgedAt, 'lodgement'),
    {
      ...systemEntry(trs.riskAssessedAt, 'riskAssessed'),
      toLane: String(row.engine_lane) as TimelineEntry['toLane'],
      toStatus: 'pending' as const,
    },
    ...events.map((e): TimelineEntry => ({
      at: String(e.at),
      kind: String(e.kind) as TimelineEntry['kind'],
      actor: str(e.actor_name),
      decision: str(e.decision) as TimelineEntry['decision'],
      fromStatus: str(e.from_status) as TimelineEntry['fromStatus'],
      toStatus: str(e.to_status) as TimelineEntry['toStatus'],
      fromLane: str(e.from_lane) as TimelineEntry['fromLane'],
      toLane: str(e.to_lane) as TimelineEntry['toLane'],
      reason: str(e.reason),
      assignee: str(e.assignee_name),
      version: e.version === null || e.version === undefined ? null : Number(e.version),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const queueRow = toQueueRow(row);
  return {
    row: queueRow,
    declaration,
    assessment: {
      lane: String(row.engine_lane) as DeclarationDetail['assessment']['lane'],
      score: Number(row.score),
      hits,
      assessedAt: trs.riskAssessedAt,
    },
    priorDispositions: await priorDispositions(store, number, hits),
    trs,
    timeline,
    responses: await responsesOf(store, number),
    reads: await readsOf(store, number),
    allowedDecisions: [...ALLOWED_DECISIONS[queueRow.status]],
    versions: await versionsOf(store, number),
    manualLane: (str(row.manual_lane) as Lane | null) ?? null,
    changedSinceManualLane: changedSinceManualLane(events),
  };
}

/** Whether a version arrived after the last time a supervisor set the lane by hand. */
function changedSinceManualLane(events: readonly Row[]): boolean {
  const lastReroute = events.findLastIndex((e) => e.kind === 'rerouted');
  return lastReroute >= 0 && events.slice(lastReroute + 1).some((e) => e.kind === 'amended');
}

async function readsOf(store: Store, number: string): Promise<DeclarationRead[]> {
  return (await declarationReads(store, number)).map((read) => ({
    importedAt: read.importedAt,
    profile: read.profile,
    reason: read.reason,
    warnings: read.warnings.map((w) => ({
      message: w.message,
      where: w.segmentTag
        ? `${w.segmentTag}${w.segmentNumber !== undefined ? ` (segment ${w.segmentNumber})` : ''}`
        : (w.path ?? null),
    })),
    raw: read.raw,
  }));
}
