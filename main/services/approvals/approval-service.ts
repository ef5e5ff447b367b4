/**
 * Four eyes. An act that needs a second person (a red-lane release, closing a case
 * with a seizure, activating a changed risk rule or watchlist) is stored as a
 * request with its reason instead of being done; a supervisor who is not the
 * requester approves it, which applies the act as the requester asked it, or
 * rejects it, which changes nothing. Each step is audited; the approval's own row
 * and audit entry commit in the same transaction as the act, so an approval is
 * recorded exactly when the act took effect.
 */
import { randomUUID } from 'node:crypto';
import { holdsRight } from '../../../preload/contract/rights';
import type { Approval, ApprovalKind, ApprovalStatus } from '../../../preload/contract/schemas/approvals';
import type { User } from '../../../preload/contract/schemas/auth';
import type { Mode } from '../../../preload/contract/schemas/common';
import { auditStatement } from '../audit/audit-log';
import { actorOf, toPublicUser, type Accounts } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import { SerialQueue } from '../serial-queue';
import type { Row, Statement, Store } from '../store/types';

/** A request as stored, with the payload its act needs (a rule draft, a case's closing reason). */
export interface ApprovalRequest extends Approval {
  payload: Record<string, unknown>;
}

/**
 * Applies an approved act as `requester` asked it. `record` holds the approval's
 * row change and audit entry: the act commits them in its own transaction. Throws a
 * ServiceError when the act can no longer be done (the request then stays pending).
 */
export type ApprovalAct = (request: ApprovalRequest, requester: User, approver: User, record: Statement[]) => Promise<void>;

export interface NewApproval {
  kind: ApprovalKind;
  subject: string;
  summary: string;
  reason: string;
  payload?: Record<string, unknown>;
}

export interface ApprovalServiceOptions {
  store: Store;
  clock: Clock;
  mode: Mode;
  accounts: Pick<Accounts, 'get'>;
  /** Called with the pending count after every request, approval or rejection. */
  onChanged: (pending: number) => void;
}

const KIND_WORD: Record<ApprovalKind, string> = {
  'declaration.release': 'the release of red-lane declaration',
  'case.close': 'closing case',
  'risk.rule': 'risk rule',
  'risk.watchlist': 'watchlist',
};

export class ApprovalService {
  readonly #acts = new Map<ApprovalKind, ApprovalAct>();
  readonly #serial = new SerialQueue();

  constructor(private readonly options: ApprovalServiceOptions) {}

  /** The area that owns an act registers how to apply it. */
  register(kind: ApprovalKind, act: ApprovalAct): void {
    if (this.#acts.has(kind)) throw new Error(`Approval act ${kind} is registered twice`);
    this.#acts.set(kind, act);
  }

  /** Stores the request (audited); CONFLICT while the same act on the same subject is already waiting. */
  request(user: User, input: NewApproval): Promise<Approval> {
    return this.#serial.run(async () => {
      const waiting = await this.pendingFor(input.kind, input.subject);
      if (waiting)
        throw new ServiceError(
          'CONFLICT',
          `${capitalised(KIND_WORD[input.kind])} ${input.subject} already waits for approval (asked by ${waiting.requestedBy.name} at ${waiting.requestedAt})`,
        );
      const at = this.options.clock.now();
      const approval: ApprovalRequest = {
        id: randomUUID(),
        kind: input.kind,
        subject: input.subject,
        summary: input.summary,
        reason: input.reason,
        payload: input.payload ?? {},
        status: 'pending',
        requestedBy: { id: user.id, name: user.displayName },
        requestedAt: at.toISOString(),
        decidedBy: null,
        decidedAt: null,
        note: null,
      };
      await this.options.store.transaction([
        {
          sql: `INSERT INTO approvals (id, kind, subject, summary, reason, payload, status, requested_by_id, requested_by_name, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
          params: [
            approval.id,
            approval.kind,
            approval.subject,
            approval.summary,
            approval.reason,
            JSON.stringify(approval.payload),
            user.id,
            user.displayName,
            approval.requestedAt,
          ],
        },
        auditStatement({
          at,
          actor: actorOf(user),
          action: 'approval.request',
          subject: approval.id,
          detail: { kind: approval.kind, about: approval.subject, summary: approval.summary, reason: approval.reason },
        }),
      ]);
      await this.#announce();
      return withoutPayload(approval);
    });
  }

  /** Applies the act and records the approval in one transaction; refused to the requester. */
  approve(user: User, id: string, note: string | undefined): Promise<Approval> {
    return this.#serial.run(async () => {
      const request = await this.#pending(user, id, 'approve');
      if (request.requestedBy.id === user.id)
        throw new ServiceError(
          'FORBIDDEN',
          `You asked for ${KIND_WORD[request.kind]} ${request.subject}: a second supervisor must approve it (four eyes)`,
        );
      const act = this.#acts.get(request.kind);
      if (!act) throw new ServiceError('FAILED_PRECONDITION', `No act is registered for ${request.kind}`);
      const requester = await this.options.accounts.get(request.requestedBy.id);
      if (!requester)
        throw new ServiceError('FAILED_PRECONDITION', `The requester of ${request.id} is no longer an account here: reject it`);
      const at = this.options.clock.now();
      const record = this.#decision(user, request, 'approved', note ?? null, at);
      await act(request, toPublicUser(requester), user, record);
      await this.#announce();
      return this.#require(id);
    });
  }

  /** Records the rejection with its note; the act is not done. The requester may withdraw their own request this way. */
  reject(user: User, id: string, note: string): Promise<Approval> {
    return this.#serial.run(async () => {
      const request = await this.#pending(user, id, 'reject');
      await this.options.store.transaction(this.#decision(user, request, 'rejected', note, this.options.clock.now()));
      await this.#announce();
      return this.#require(id);
    });
  }

  async list(status: 'pending' | 'decided', limit: number): Promise<Approval[]> {
    const rows = await this.options.store.query(
      status === 'pending'
        ? `SELECT * FROM approvals WHERE status = 'pending' ORDER BY requested_at, id LIMIT ?`
        : `SELECT * FROM approvals WHERE status <> 'pending' ORDER BY decided_at DESC, id LIMIT ?`,
      [limit],
    );
    return rows.map((row) => withoutPayload(toRequest(row)));
  }

  async pendingCount(): Promise<number> {
    const rows = await this.options.store.query(`SELECT COUNT(*) AS n FROM approvals WHERE status = 'pending'`);
    return Number(rows[0]?.n ?? 0);
  }

  /** The request waiting for this act on this subject, if any. */
  async pendingFor(kind: ApprovalKind, subject: string): Promise<Approval | null> {
    const rows = await this.options.store.query(`SELECT * FROM approvals WHERE kind = ? AND subject = ? AND status = 'pending'`, [
      kind,
      subject,
    ]);
    return rows[0] ? withoutPayload(toRequest(rows[0])) : null;
  }

  async #pending(user: User, id: string, doing: 'approve' | 'reject'): Promise<ApprovalRequest> {
    // The dispatcher checks this too; the service is the guard whoever calls it.
    if (!holdsRight(user.role, 'approvals.decide', this.options.mode))
      throw new ServiceError('FORBIDDEN', `Only a supervisor may ${doing} a four-eyes request`);
    const request = await this.#require(id);
    if (request.status !== 'pending')
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `Request ${id} was already ${request.status} by ${request.decidedBy?.name ?? 'someone'} at ${request.decidedAt}`,
      );
    return request;
  }

  async #require(id: string): Promise<ApprovalRequest> {
    const rows = await this.options.store.query(`SELECT * FROM approvals WHERE id = ?`, [id]);
    if (!rows[0]) throw new ServiceError('NOT_FOUND', `No four-eyes request ${id}`);
    return toRequest(rows[0]);
  }

  #decision(user: User, request: ApprovalRequest, status: Exclude<ApprovalStatus, 'pending'>, note: string | null, at: Date) {
    return [
      {
        // `status = 'pending'` in the WHERE: a decision never overwrites another.
        sql: `UPDATE approvals SET status = ?, decided_by_id = ?, decided_by_name = ?, decided_at = ?, note = ? WHERE id = ? AND status = 'pending'`,
        params: [status, user.id, user.displayName, at.toISOString(), note, request.id],
      },
      auditStatement({
        at,
        actor: actorOf(user),
        action: status === 'approved' ? 'approval.approve' : 'approval.reject',
        subject: request.id,
        detail: {
          kind: request.kind,
          about: request.subject,
          requestedBy: request.requestedBy,
          reason: request.reason,
          note,
        },
      }),
    ] satisfies Statement[];
  }

  async #announce(): Promise<void> {
    this.options.onChanged(await this.pendingCount());
  }
}

function toRequest(row: Row): ApprovalRequest {
  const decided = row.decided_by_id !== null;
  return {
    id: String(row.id),
    kind: String(row.kind) as ApprovalKind,
    subject: String(row.subject),
    summary: String(row.summary),
    reason: String(row.reason),
    payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
    status: String(row.status) as ApprovalStatus,
    requestedBy: { id: String(row.requested_by_id), name: String(row.requested_by_name) },
    requestedAt: String(row.requested_at),
    decidedBy: decided ? { id: String(row.decided_by_id), name: String(row.decided_by_name) } : null,
    decidedAt: row.decided_at === null ? null : String(row.decided_at),
    note: row.note === null ? null : String(row.note),
  };
}

function withoutPayload(request: ApprovalRequest): Approval {
  const { payload: _payload, ...approval } = request;
  return approval;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
