/**
 * The queue's row for a declaration: written in the import transaction, read by
 * the list and the detail view.
 */
import { type Declaration, traderLabel } from '../../../preload/contract/schemas/declarations';
import type { QueueRow } from '../../../preload/contract/schemas/queue';
import type { Assessment, Lane } from '../../../preload/contract/schemas/risk';
import type { Row, SqlValue, Statement } from '../store/types';
import { hitKey } from './hit-keys';
import { slaDueAt } from './sla';

/** The columns list() selects: lean on purpose (no JSON). */
export const ROW_COLUMNS =
  'number, office, arrival_time, lodgement_time, trader_id, trader_name, aeo, perishable, expedited, lane, score, sla_due_at, status, assignee_id, assignee_name, released_at';

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

function hitKeyStatements(n: string, assessment: Assessment): Statement[] {
  const statements: Statement[] = [{ sql: 'DELETE FROM declaration_hit_keys WHERE number = ?', params: [n] }];
  const keys = [...new Set(assessment.hits.map(hitKey))];
  if (keys.length > 0) {
    statements.push({
      sql: `INSERT INTO declaration_hit_keys (hit_key, number) VALUES ${keys.map(() => '(?, ?)').join(', ')}`,
      params: keys.flatMap((k) => [k, n]),
    });
  }
  return statements;
}

/** The columns an assessment of this content decides, in the order both statements below bind them. */
function assessedValues(d: Declaration, assessment: Assessment, lane: Lane, assessedAt: Date): SqlValue[] {
  return [
    d.office,
    d.lodgementTime,
    d.arrivalTime ?? null,
    d.declarant.id,
    traderLabel(d.declarant),
    d.flags.aeo ? 1 : 0,
    d.flags.perishable ? 1 : 0,
    d.flags.expedited ? 1 : 0,
    d.flags.perishable || d.flags.expedited ? 1 : 0,
    lane,
    assessment.lane,
    assessment.score,
    JSON.stringify(assessment.hits),
    slaDueAt(lane, d.flags.perishable, d.lodgementTime, d.arrivalTime),
    assessedAt.toISOString(),
    searchText(d),
    ` ${[...new Set(d.goodsItems.map((g) => g.hsCode))].join(' ')}`,
  ];
}

/** The queue row of a first version (status pending) and its hit keys. */
export function queueRowStatements(d: Declaration, assessment: Assessment, assessedAt: Date): Statement[] {
  const n = d.functionalReferenceId;
  return [
    ...hitKeyStatements(n, assessment),
    {
      sql: `INSERT INTO declaration_queue (office, lodgement_time, arrival_time, trader_id, trader_name, aeo, perishable, expedited,
        priority, lane, engine_lane, score, hits_json, sla_due_at, risk_assessed_at, search_text, hs_codes, number, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
      params: [...assessedValues(d, assessment, assessment.lane, assessedAt), n],
    },
  ];
}

/**
 * An amendment before release, re-assessed: the content, lane, score, hits and SLA follow the new
 * version; status, assignee, the manual lane and the TRS timestamps stay.
 */
export function reassessedRowStatements(d: Declaration, assessment: Assessment, lane: Lane, assessedAt: Date): Statement[] {
  const n = d.functionalReferenceId;
  return [
    ...hitKeyStatements(n, assessment),
    {
      sql: `UPDATE declaration_queue SET office = ?, lodgement_time = ?, arrival_time = ?, trader_id = ?, trader_name = ?, aeo = ?,
        perishable = ?, expedited = ?, priority = ?, lane = ?, engine_lane = ?, score = ?, hits_json = ?, sla_due_at = ?,
        risk_assessed_at = ?, search_text = ?, hs_codes = ? WHERE number = ?`,
      params: [...assessedValues(d, assessment, lane, assessedAt), n],
    },
  ];
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
    releasedAt: str(r.released_at),
  };
}
