/**
 * What officers do to declarations: decide (bulk), assign, reroute. Each
 * declaration's change, its timeline event, its audit entry and its responses
 * commit in one transaction; transitions are checked against ALLOWED_DECISIONS
 * and the lane (a red-lane declaration is released only after inspection).
 */
import type { User } from '../../../preload/contract/schemas/auth';
import {
  ALLOWED_DECISIONS,
  STATUS_AFTER,
  type Decision,
  type DecideOutput,
  type DeclarationStatus,
  type QueueRow,
  type ResponseMessage,
} from '../../../preload/contract/schemas/queue';
import type { Lane } from '../../../preload/contract/schemas/risk';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Accounts } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Row, Statement, Store } from '../store/types';
import { ROW_COLUMNS, toQueueRow } from './queue-row';
import { prepareResponses, writeToOutbox } from './responses';
import { slaDueAt } from './sla';

const DECISION_WORD: Record<Decision, string> = {
  release: 'released',
  hold: 'held',
  requestDocuments: 'asked for documents',
  sendToInspection: 'sent to inspection',
};

const STATUS_WORD: Record<DeclarationStatus, string> = {
  pending: 'pending',
  documentsRequested: 'waiting for documents',
  inspection: 'at inspection',
  held: 'held',
  released: 'released',
  cancelled: 'cancelled by the declarant',
};

interface DecisionRow extends Row {
  number: string;
  office: string;
  lodgement_time: string;
  trader_id: string;
  lane: string;
  status: string;
  documentary_check_at: string | null;
  inspection_at: string | null;
}

function sqlParamList(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Why this decision is not allowed now, or null. */
export function decisionRefusal(
  row: { number: string; status: DeclarationStatus; lane: Lane; inspectionAt: string | null },
  decision: Decision,
): string | null {
  if (!ALLOWED_DECISIONS[row.status].includes(decision)) {
    if (row.status === 'released') return `${row.number} is already released; a release is final`;
    if (row.status === 'cancelled')
      return `${row.number} was cancelled by the declarant; a cancelled declaration takes no decision`;
    return `${row.number} is ${STATUS_WORD[row.status]}; it cannot be ${DECISION_WORD[decision]} from there`;
  }
  if (decision === 'release' && row.lane === 'red' && row.status !== 'inspection' && row.inspectionAt === null) {
    return `${row.number} is in the red lane: send it to physical inspection before release (or a supervisor reroutes it)`;
  }
  return null;
}

export interface QueueActionsOptions {
  store: Store;
  clock: Clock;
  /** Who declarations can be assigned to. */
  accounts: Pick<Accounts, 'get'>;
  /** Where CUSRES and WCO responses are written for the national system to collect. */
  outbox: string;
  onOutboxError: (error: unknown, files: string[]) => void;
}

/** What the decider may do beyond the decision itself (the queue service works it out from the rights table). */
export interface DecisionGrant {
  /** Releasing a red-lane declaration is asked for (four eyes), not done: supervisors. */
  mayAskRedRelease: boolean;
  /** A second supervisor approved this red-lane release: the approval's record commits with it. */
  approved?: { by: User; record: readonly Statement[] };
}

/** decide()'s result: red-lane releases the decider may ask for are left to the queue service to request. */
export interface DecideResult {
  decided: DecideOutput['decided'];
  failed: DecideOutput['failed'];
  redReleases: string[];
}

export class QueueActions {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly outbox: string;
  private readonly onOutboxError: (error: unknown, files: string[]) => void;

  constructor(private readonly options: QueueActionsOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.outbox = options.outbox;
    this.onOutboxError = options.onOutboxError;
  }

  async decide(
    user: User,
    ids: readonly string[],
    decision: Decision,
    reason: string,
    grant: DecisionGrant = { mayAskRedRelease: false },
  ): Promise<DecideResult> {
    const unique = [...new Set(ids)];
    const rows = await this.store.query<DecisionRow>(
      `SELECT number, office, lodgement_time, trader_id, lane, status, documentary_check_at, inspection_at FROM declaration_queue WHERE number IN (${sqlParamList(unique.length)})`,
      unique,
    );
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    const at = this.clock.now();
    const iso = at.toISOString();
    const actor = actorOf(user);
    const out: DecideResult = { decided: [], failed: [], redReleases: [] };
    const statements: Statement[] = [];
    const messages: ResponseMessage[] = [];
    const to = STATUS_AFTER[decision];
    for (const number of unique) {
      const row = byNumber.get(number);
      if (!row) {
        out.failed.push({ number, code: 'NOT_FOUND', message: `declaration ${number} is not in the queue` });
        continue;
      }
      const from = row.status as DeclarationStatus;
      const lane = row.lane as Lane;
      const refusal = decisionRefusal({ number, status: from, lane, inspectionAt: row.inspection_at }, decision);
      if (refusal) {
        out.failed.push({ number, code: 'FAILED_PRECONDITION', message: refusal });
        continue;
      }
      // Four eyes: a red-lane release takes a supervisor's request and a second supervisor's approval.
      if (decision === 'release' && lane === 'red' && !grant.approved) {
        if (grant.mayAskRedRelease) out.redReleases.push(number);
        else
          out.failed.push({
            number,
            code: 'FORBIDDEN',
            message: `${number} is in the red lane: only a supervisor may ask for its release, and a second supervisor approves it`,
          });
        continue;
      }
      // TRS: the documentary check ends with the first decision on a yellow-lane or documents-requested
      // declaration; an inspection ends with the decision taken while at inspection.
      const docCheckDone =
        decision !== 'requestDocuments' &&
        (lane === 'yellow' || from === 'documentsRequested') &&
        row.documentary_check_at === null;
      const inspectionDone = from === 'inspection';
      statements.push({
        sql: `UPDATE declaration_queue SET status = ?, documentary_check_at = COALESCE(documentary_check_at, ?), inspection_at = COALESCE(inspection_at, ?),
          released_at = COALESCE(released_at, ?) WHERE number = ?`,
        params: [to, docCheckDone ? iso : null, inspectionDone ? iso : null, decision === 'release' ? iso : null, number],
      });
      statements.push({
        sql: `INSERT INTO declaration_events (number, at, kind, actor_id, actor_name, decision, from_status, to_status, reason) VALUES (?, ?, 'decision', ?, ?, ?, ?, ?, ?)`,
        params: [number, iso, user.id, user.displayName, decision, from, to, reason],
      });
      const approvedBy = grant.approved ? actorOf(grant.approved.by) : undefined;
      statements.push(
        auditStatement({
          at,
          actor,
          action: `declaration.${decision}`,
          subject: number,
          detail: { from, to, lane, reason, ...(approvedBy ? { approvedBy } : {}) },
        }),
      );
      if (grant.approved) statements.push(...grant.approved.record);
      const responses = prepareResponses(
        {
          declarationNumber: number,
          declarantId: row.trader_id,
          office: row.office,
          decision,
          reason,
          issuedAt: iso,
          lodgementTime: row.lodgement_time,
        },
        at,
      );
      statements.push(...responses.statements);
      messages.push(...responses.messages);
      out.decided.push({ number, status: to });
    }
    if (statements.length > 0) {
      await this.store.transaction(statements);
      await writeToOutbox(this.outbox, messages).catch((error: unknown) =>
        this.onOutboxError(
          error,
          messages.map((m) => m.fileName),
        ),
      );
    }
    return out;
  }

  async assign(user: User, ids: readonly string[], to: string | null): Promise<string[]> {
    let assignee: { id: string; name: string } | null = null;
    if (to !== null) {
      if (to === 'me' || to === user.id) assignee = { id: user.id, name: user.displayName };
      else {
        const found = await this.options.accounts.get(to);
        if (!found) throw new ServiceError('NOT_FOUND', `user ${to} does not exist: pick someone from the user list`);
        if (!found.active)
          throw new ServiceError('FAILED_PRECONDITION', `${found.displayName} is deactivated and cannot take declarations`);
        assignee = { id: found.id, name: found.displayName };
      }
    }
    const unique = [...new Set(ids)];
    const rows = await this.store.query<{ number: string }>(
      `SELECT number FROM declaration_queue WHERE number IN (${sqlParamList(unique.length)})`,
      unique,
    );
    if (rows.length === 0) throw new ServiceError('NOT_FOUND', `none of the ${unique.length} declarations is in the queue`);
    const at = this.clock.now();
    const statements: Statement[] = [];
    for (const { number } of rows) {
      statements.push(
        {
          sql: 'UPDATE declaration_queue SET assignee_id = ?, assignee_name = ? WHERE number = ?',
          params: [assignee?.id ?? null, assignee?.name ?? null, number],
        },
        {
          sql: `INSERT INTO declaration_events (number, at, kind, actor_id, actor_name, assignee_name) VALUES (?, ?, 'assigned', ?, ?, ?)`,
          params: [number, at.toISOString(), user.id, user.displayName, assignee?.name ?? null],
        },
        auditStatement({
          at,
          actor: actorOf(user),
          action: 'declaration.assign',
          subject: number,
          detail: { to: assignee?.id ?? null },
        }),
      );
    }
    await this.store.transaction(statements);
    return rows.map((r) => r.number);
  }

  async reroute(user: User, number: string, lane: Lane, reason: string): Promise<QueueRow> {
    if (user.role !== 'supervisor')
      throw new ServiceError('FORBIDDEN', 'Only a supervisor can reroute a declaration to another lane');
    const [row] = await this.store.query<Row>(
      'SELECT number, lane, status, perishable, lodgement_time, arrival_time FROM declaration_queue WHERE number = ?',
      [number],
    );
    if (!row) throw new ServiceError('NOT_FOUND', `declaration ${number} is not in the queue`);
    if (row.status === 'released')
      throw new ServiceError('FAILED_PRECONDITION', `${number} is already released; its lane can no longer change`);
    if (row.status === 'cancelled')
      throw new ServiceError('FAILED_PRECONDITION', `${number} was cancelled by the declarant; its lane can no longer change`);
    if (row.lane === lane) throw new ServiceError('FAILED_PRECONDITION', `${number} is already in the ${lane} lane`);
    const at = this.clock.now();
    const due = slaDueAt(
      lane,
      row.perishable === 1,
      String(row.lodgement_time),
      row.arrival_time === null ? null : String(row.arrival_time),
    );
    await this.store.transaction([
      // The lane set by hand is remembered: an amendment's re-assessment never goes below it.
      {
        sql: 'UPDATE declaration_queue SET lane = ?, manual_lane = ?, sla_due_at = ? WHERE number = ?',
        params: [lane, lane, due, number],
      },
      {
        sql: `INSERT INTO declaration_events (number, at, kind, actor_id, actor_name, from_lane, to_lane, reason) VALUES (?, ?, 'rerouted', ?, ?, ?, ?, ?)`,
        params: [number, at.toISOString(), user.id, user.displayName, String(row.lane), lane, reason],
      },
      auditStatement({
        at,
        actor: actorOf(user),
        action: 'declaration.reroute',
        subject: number,
        detail: { from: row.lane, to: lane, reason },
      }),
    ]);
    const [updated] = await this.store.query(`SELECT ${ROW_COLUMNS} FROM declaration_queue WHERE number = ?`, [number]);
    return toQueueRow(updated!);
  }
}
