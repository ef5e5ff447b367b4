/**
 * The queue's row for a declaration: written in the import transaction, read by
 * the list and the detail view.
 */
import { type Declaration, traderLabel } from '../../../preload/contract/schemas/declarations';
import type { QueueRow } from '../../../preload/contract/schemas/queue';
import type { Assessment } from '../../../preload/contract/schemas/risk';
import type { Row, Statement } from '../store/types';
import { hitKey } from './hit-keys';
import { slaDueAt } from './sla';

/** The columns list() selects: lean on purpose (no JSON). */
export const ROW_COLUMNS =
  'number, office, arrival_time, lodgement_time, trader_id, trader_name, aeo, perishable, expedited, lane, score, sla_due_at, status, assignee_id, assignee_name';

function searchText(d: Declaration): string {
  return [
    d.functionalReferenceId,
    d.declarant.name,
    d.declarant.id,
    d.importer?.name,
    d.exporter?.name,
    d.transport.vehiclePlate,
    ...d.containers.map((c) => c.id),
  ]
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .toLowerCase();
}

/**
 * Replaces the queue row (a re-lodged number is an amendment: it is assessed
 * again and goes back to pending) and its hit keys; the timeline is kept.
 */
export function queueRowStatements(d: Declaration, assessment: Assessment, assessedAt: Date): Statement[] {
  const n = d.functionalReferenceId;
  const hsCodes = ` ${[...new Set(d.goodsItems.map((g) => g.hsCode))].join(' ')}`;
  const statements: Statement[] = [
    { sql: 'DELETE FROM declaration_hit_keys WHERE number = ?', params: [n] },
    {
      sql: `INSERT OR REPLACE INTO declaration_queue (number, office, lodgement_time, arrival_time, trader_id, trader_name, aeo, perishable, expedited,
        priority, lane, engine_lane, score, hits_json, status, assignee_id, assignee_name, sla_due_at, risk_assessed_at, documentary_check_at,
        inspection_at, released_at, search_text, hs_codes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', NULL, NULL, ?, ?, NULL, NULL, NULL, ?, ?)`,
      params: [
        n,
        d.office,
        d.lodgementTime,
        d.arrivalTime ?? null,
        d.declarant.id,
        traderLabel(d.declarant),
        d.flags.aeo ? 1 : 0,
        d.flags.perishable ? 1 : 0,
        d.flags.expedited ? 1 : 0,
        d.flags.perishable || d.flags.expedited ? 1 : 0,
        assessment.lane,
        assessment.lane,
        assessment.score,
        JSON.stringify(assessment.hits),
        slaDueAt(assessment.lane, d.flags.perishable, d.lodgementTime, d.arrivalTime),
        assessedAt.toISOString(),
        searchText(d),
        hsCodes,
      ],
    },
  ];
  const keys = [...new Set(assessment.hits.map(hitKey))];
  if (keys.length > 0) {
    statements.push({
      sql: `INSERT INTO declaration_hit_keys (hit_key, number) VALUES ${keys.map(() => '(?, ?)').join(', ')}`,
      params: keys.flatMap((k) => [k, n]),
    });
  }
  return statements;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toQueueRow(r: Row): QueueRow {
  return {
    number: String(r.number),
    office: String(r.office),
    arrivalTime: str(r.arrival_time),
    lodgementTime: String(r.lodgement_time),
    traderId: String(r.trader_id),
    traderName: String(r.trader_name),
    aeo: r.aeo === 1,
    perishable: r.perishable === 1,
    expedited: r.expedited === 1,
    lane: String(r.lane) as QueueRow['lane'],
    score: Number(r.score),
    slaDueAt: String(r.sla_due_at),
    status: String(r.status) as QueueRow['status'],
    assigneeId: str(r.assignee_id),
    assigneeName: str(r.assignee_name),
  };
}
