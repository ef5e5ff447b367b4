import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { User } from '../../../preload/contract/schemas/auth';
import { OpenCaseInput } from '../../../preload/contract/schemas/cases';
import type {
  CaseDetail,
  CaseListInput,
  CaseOrigin,
  CaseSubject,
  FindingInput,
  LinkInput,
  NoteInput,
  SeizureInput,
  SetStatusInput,
  TaskDoneInput,
  TaskInput,
  UpdateCaseInput,
} from '../../../preload/contract/schemas/cases';
import type {
  AddEvidenceInput,
  AddSnapshotInput,
  CustodyAction,
  EvidenceItem,
  TransferInput,
} from '../../../preload/contract/schemas/evidence';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { EvidenceStore } from '../evidence/evidence-store';
import { readSnapshot } from '../evidence/camera-snapshots';
import type { Accounts } from '../auth/accounts';
import type { UploadBuffer } from '../upload-buffer';
import type { Statement, Store } from '../store/types';
import { parseOrThrow } from '../validation';
import { blobUploadStatements } from '../sync/blob-queue';
import { type Mutation, mutationStatements } from '../sync/outbox';
import { listCases, readCase, type StoredCase } from './case-repository';
import {
  type CaseRow,
  type CustodyRow,
  type EvidenceRow,
  insertCustody,
  insertEvidence,
  insertFinding,
  insertLink,
  insertNote,
  insertSeizure,
  upsertCaseStatement,
  upsertTask,
} from './case-statements';
import { CASE_ENTITY, CASE_TASK_ENTITY } from './case-sync';
import { checkTransition } from './case-workflow';
import { holdsRight, refusalOf } from '../../../preload/contract/rights';
import type { Mode } from '../../../preload/contract/schemas/common';
import type { ApprovalService } from '../approvals/approval-service';

type In<S extends z.ZodType> = z.output<S>;

export interface CaseServiceOptions {
  store: Store;
  clock: Clock;
  evidence: EvidenceStore;
  uploads: UploadBuffer;
  /** Who cases can be assigned to. */
  accounts: Pick<Accounts, 'get'>;
  dataDir: string;
  /** Live or training: who may close a case comes from the rights table (default live). */
  mode?: Mode;
  /** Four eyes: a case with a seizure closes when a second supervisor approves. Without it such a close is refused. */
  approvals?: ApprovalService;
}

/**
 * Cases: every change is one store transaction holding the change, its audit
 * entry and its sync mutations, so the three commit (or fail) together.
 */
export class CaseService {
  /** When each user's current read of each evidence file started (offset 0, recorded in custody). */
  readonly #reads = new Map<string, number>();

  constructor(private readonly options: CaseServiceOptions) {
    options.approvals?.register('case.close', async (request, requester, approver, record) => {
      await this.setStatus(
        requester,
        { id: request.subject, status: 'closed', reason: request.reason },
        { by: approver, record },
      );
    });
  }

  list(filter: In<typeof CaseListInput>) {
    return listCases(this.options.store, filter);
  }

  /** The case with every evidence file re-hashed; a mismatch is recorded in custody and the audit log. */
  async get(user: User, id: string): Promise<CaseDetail> {
    const stored = await this.#require(id);
    const at = this.options.clock.now();
    const statements: Statement[] = [];
    const evidence: EvidenceItem[] = [];
    for (const item of stored.evidence) {
      const check = await this.options.evidence.check(item.sha256);
      evidence.push({ ...item, verify: { state: check.state, at: at.toISOString(), found: check.found } });
      if (check.state !== 'ok') {
        const reason =
          check.state === 'missing' ? 'file missing from the evidence store' : `bytes hash to ${check.found}, not ${item.sha256}`;
        statements.push(...this.#custody(user, stored.id, item.id, 'verify-failed', reason, null, at));
        statements.push(
          auditStatement({
            at,
            actor: actorOf(user),
            action: 'evidence.verify-failed',
            subject: item.id,
            detail: { caseId: id, sha256: item.sha256, state: check.state, found: check.found },
          }),
        );
      }
    }
    if (statements.length > 0) {
      await this.options.store.transaction(statements);
      return { ...(await this.#require(id)), evidence };
    }
    return { ...stored, evidence };
  }

  async open(user: User, raw: z.input<typeof OpenCaseInput>): Promise<CaseDetail> {
    // Other screens call this with their own references: parse here too, so defaults apply whoever calls.
    const input = parseOrThrow(OpenCaseInput, raw);
    const at = this.options.clock.now();
    const id = randomUUID();
    const subject = await this.#subjectFor(input.origin, input.subject);
    const assignee = input.assigneeId ? await this.#person(input.assigneeId) : null;
    const row: CaseRow = {
      id,
      ref: `C-${at.toISOString().slice(0, 10).replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`,
      title: input.title,
      status: 'open',
      subjectKind: subject.kind,
      subjectRef: subject.ref,
      subjectLabel: subject.label ?? null,
      origin: JSON.stringify(input.origin),
      assigneeId: assignee?.id ?? null,
      assigneeName: assignee?.name ?? null,
      openedById: user.id,
      openedByName: user.displayName,
      openedAt: at.toISOString(),
      updatedAt: at.toISOString(),
      closedAt: null,
      closedById: null,
      closedByName: null,
    };
    const links = originLinks(input.origin, at.toISOString());
    const { id: _id, ...fields } = row;
    await this.#commit(
      user,
      id,
      at,
      [upsertCaseStatement(row), ...links.map((l) => insertLink(id, l))],
      'case.open',
      { ref: row.ref, origin: input.origin, subject },
      [
        { entity: CASE_ENTITY, entityId: id, op: 'upsert', fields },
        ...(links.length ? [{ entity: CASE_ENTITY, entityId: id, op: 'append' as const, fields: { links } }] : []),
      ],
    );
    return this.get(user, id);
  }

  async update(user: User, input: In<typeof UpdateCaseInput>): Promise<CaseDetail> {
    const current = await this.#requireEditable(input.id);
    const at = this.options.clock.now();
    const fields: Record<string, string | null> = {};
    if (input.title !== undefined && input.title !== current.title) fields.title = input.title;
    if (input.subject) {
      fields.subjectKind = input.subject.kind;
      fields.subjectRef = input.subject.ref;
      fields.subjectLabel = input.subject.label ?? null;
    }
    if (input.assigneeId !== undefined && input.assigneeId !== (current.assignee?.id ?? null)) {
      const assignee = input.assigneeId ? await this.#person(input.assigneeId) : null;
      fields.assigneeId = assignee?.id ?? null;
      fields.assigneeName = assignee?.name ?? null;
    }
    if (Object.keys(fields).length === 0) return this.get(user, input.id);
    fields.updatedAt = at.toISOString();
    const next = { ...toRow(current), ...fields } as CaseRow;
    await this.#commit(user, input.id, at, [upsertCaseStatement(next)], 'case.update', { changes: fields }, [
      { entity: CASE_ENTITY, entityId: input.id, op: 'upsert', fields },
    ]);
    return this.get(user, input.id);
  }

  /**
   * Moves the case through the workflow. Closing needs cases.close; closing a case that
   * holds a seizure is asked for (with a reason) and done when a second supervisor approves.
   */
  async setStatus(
    user: User,
    input: In<typeof SetStatusInput>,
    approved?: { by: User; record: readonly Statement[] },
  ): Promise<CaseDetail> {
    const current = await this.#require(input.id);
    const check = checkTransition(current.status, input.status, user.role);
    if (!check.ok) throw new ServiceError(check.code, `Case ${current.ref}: ${check.message}`);
    if (check.reopen && !input.reason)
      throw new ServiceError('INVALID_ARGUMENT', `Case ${current.ref}: reopening needs a reason`);
    const mode = this.options.mode ?? 'live';
    if (input.status === 'closed' && !holdsRight(user.role, 'cases.close', mode))
      throw new ServiceError('FORBIDDEN', `Case ${current.ref}: ${refusalOf(user.role, 'cases.close', mode, 'Closing a case')}`);
    if (input.status === 'closed' && current.seizures.length > 0 && !approved)
      return this.#askToClose(user, current, input.reason);
    const at = this.options.clock.now().toISOString();
    // The closing time and the closer travel together in every status change, so hub order settles them
    // with the status as one: a close and a concurrent move elsewhere leave a consistent winner, and a
    // reopen clears the closer (the closing stays in the audit log, which is the history).
    const closing = input.status === 'closed';
    const fields = {
      status: input.status,
      closedAt: closing ? at : null,
      closedById: closing ? user.id : null,
      closedByName: closing ? user.displayName : null,
      updatedAt: at,
    };
    await this.#commit(
      user,
      input.id,
      new Date(at),
      [upsertCaseStatement({ ...toRow(current), ...fields }), ...(approved?.record ?? [])],
      check.reopen ? 'case.reopen' : 'case.status',
      {
        ref: current.ref,
        from: current.status,
        to: input.status,
        reason: input.reason ?? null,
        ...(approved ? { approvedBy: actorOf(approved.by) } : {}),
      },
      [{ entity: CASE_ENTITY, entityId: input.id, op: 'upsert', fields }],
    );
    return this.get(user, input.id);
  }

  async #askToClose(user: User, current: StoredCase, reason: string | undefined): Promise<CaseDetail> {
    const approvals = this.options.approvals;
    if (!approvals)
      throw new ServiceError('FAILED_PRECONDITION', `Case ${current.ref} holds a seizure: closing it needs four eyes`);
    if (!reason)
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `Case ${current.ref} holds a seizure: say why it closes, for the supervisor who approves it`,
      );
    const seized = current.seizures.map((s) => `${s.quantity} ${s.unit} ${s.item}`).join('; ');
    await approvals.request(user, {
      kind: 'case.close',
      subject: current.id,
      summary: `Close ${current.ref} “${current.title}” with seizure: ${seized}`.slice(0, 500),
      reason,
    });
    return this.get(user, current.id);
  }

  async addFinding(user: User, input: In<typeof FindingInput>) {
    const item = { id: randomUUID(), category: input.category, text: input.text, ...this.#by(user) };
    return this.#append(user, input.caseId, 'findings', item, insertFinding(input.caseId, item), 'case.finding', {
      category: input.category,
    });
  }

  async addSeizure(user: User, input: In<typeof SeizureInput>) {
    const item = {
      id: randomUUID(),
      item: input.item,
      quantity: input.quantity,
      unit: input.unit,
      valueAmount: input.value.amount,
      valueCurrency: input.value.currency,
      location: input.location,
      ...this.#by(user),
    };
    return this.#append(user, input.caseId, 'seizures', item, insertSeizure(input.caseId, item), 'case.seizure', {
      item: input.item,
      quantity: input.quantity,
      unit: input.unit,
      value: input.value,
      location: input.location,
    });
  }

  async addNote(user: User, input: In<typeof NoteInput>) {
    const item = { id: randomUUID(), text: input.text, ...this.#by(user) };
    return this.#append(user, input.caseId, 'notes', item, insertNote(input.caseId, item), 'case.note', {
      length: input.text.length,
    });
  }

  async addLink(user: User, input: In<typeof LinkInput>) {
    const item = {
      id: randomUUID(),
      kind: input.kind,
      ref: input.ref,
      label: input.label ?? null,
      at: this.options.clock.now().toISOString(),
    };
    return this.#append(user, input.caseId, 'links', item, insertLink(input.caseId, item), 'case.link', {
      kind: input.kind,
      ref: input.ref,
    });
  }

  async addTask(user: User, input: In<typeof TaskInput>) {
    await this.#requireEditable(input.caseId);
    const at = this.options.clock.now();
    const { at: createdAt, byId, byName } = this.#by(user);
    const task = {
      id: randomUUID(),
      caseId: input.caseId,
      title: input.title,
      due: input.due ?? null,
      done: false,
      createdAt,
      byId,
      byName,
    };
    const { id, ...fields } = task;
    await this.#commit(
      user,
      input.caseId,
      at,
      [upsertTask(task), this.#touch(input.caseId, at)],
      'case.task',
      { taskId: id, title: input.title, due: task.due },
      [
        { entity: CASE_TASK_ENTITY, entityId: id, op: 'upsert', fields },
        { entity: CASE_ENTITY, entityId: input.caseId, op: 'upsert', fields: { updatedAt: at.toISOString() } },
      ],
    );
    return this.get(user, input.caseId);
  }

  async setTaskDone(user: User, input: In<typeof TaskDoneInput>) {
    const current = await this.#requireEditable(input.caseId);
    const task = current.tasks.find((t) => t.id === input.taskId);
    if (!task) throw new ServiceError('NOT_FOUND', `Case ${current.ref} has no task ${input.taskId}`);
    const at = this.options.clock.now();
    await this.#commit(
      user,
      input.caseId,
      at,
      [
        upsertTask({ ...task, caseId: input.caseId, done: input.done, byId: task.by.id, byName: task.by.name }),
        this.#touch(input.caseId, at),
      ],
      input.done ? 'case.task-done' : 'case.task-reopened',
      { taskId: task.id, title: task.title },
      [{ entity: CASE_TASK_ENTITY, entityId: task.id, op: 'upsert', fields: { done: input.done } }],
    );
    return this.get(user, input.caseId);
  }

  // Evidence ---------------------------------------------------------------

  uploadChunk(user: User, uploadId: string, index: number, base64: string) {
    return { bytes: this.options.uploads.append(user.id, uploadId, index, base64) };
  }

  /** Intake of a file: hashed, stored by hash, linked to the case with an intake custody entry. */
  async addFile(user: User, input: In<typeof AddEvidenceInput>): Promise<EvidenceItem> {
    await this.#requireEditable(input.caseId);
    const bytes = this.options.uploads.take(user.id, input.uploadId);
    if (bytes.length === 0) throw new ServiceError('INVALID_ARGUMENT', `${input.fileName} is empty; choose a file with content`);
    const stored = await this.options.evidence.put(bytes);
    if (input.sha256 && input.sha256 !== stored.sha256) {
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `${input.fileName} arrived damaged: its SHA-256 is ${stored.sha256}, the sender computed ${input.sha256}; add it again`,
      );
    }
    return this.#intake(user, input.caseId, {
      sha256: stored.sha256,
      bytes: stored.bytes,
      fileName: input.fileName,
      mediaType: input.mediaType,
      source: 'file',
      sourceRef: null,
    });
  }

  /** A camera snapshot saved by the port view (<dataDir>/evidence/<sha256>.png) joins a case. */
  async addSnapshot(user: User, input: In<typeof AddSnapshotInput>): Promise<EvidenceItem> {
    await this.#requireEditable(input.caseId);
    const snapshot = await readSnapshot(this.options.dataDir, input.sha256);
    const stored = await this.options.evidence.put(snapshot.bytes);
    if (stored.sha256 !== input.sha256) {
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `Snapshot ${input.sha256} on disk now hashes to ${stored.sha256}: it changed after it was saved and cannot be taken as evidence`,
      );
    }
    return this.#intake(user, input.caseId, {
      sha256: stored.sha256,
      bytes: stored.bytes,
      fileName: snapshot.fileName,
      mediaType: 'image/png',
      source: 'camera',
      sourceRef: snapshot.cameraLabel,
    });
  }

  /** One evidence item of a case (NOT_FOUND naming the case when it has no such item). */
  async evidenceItem(caseId: string, evidenceId: string): Promise<StoredCase['evidence'][number]> {
    const current = await this.#require(caseId);
    const item = current.evidence.find((e) => e.id === evidenceId);
    if (!item) throw new ServiceError('NOT_FOUND', `Case ${current.ref} has no evidence item ${evidenceId}`);
    return item;
  }

  /**
   * Reads an evidence file in chunks, from offset 0 on. Every read of the file is a custody
   * entry and an audit entry, whatever it is for: lists show service-made thumbnails
   * (cw:evidence.thumbnail), so a read of the file itself is always someone looking at the
   * evidence. A read must start at offset 0 (where it is recorded) and go on within
   * READ_SESSION_MS, so no part of a file can be read without an entry.
   */
  async read(user: User, caseId: string, evidenceId: string, offset: number) {
    const item = await this.evidenceItem(caseId, evidenceId);
    const key = `${user.id}:${caseId}:${item.id}`;
    const now = this.options.clock.now();
    const started = this.#reads.get(key);
    if (offset > 0 && (started === undefined || now.getTime() - started > READ_SESSION_MS))
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `Evidence ${item.fileName} is read from offset 0, where the read is recorded in its chain of custody; start the read again`,
      );
    const chunk = await this.options.evidence.read(item.sha256, offset, READ_CHUNK).catch(() => {
      throw new ServiceError(
        'NOT_FOUND',
        `The file of evidence ${item.fileName} (${item.sha256}) is missing from the evidence store`,
      );
    });
    if (offset === 0) {
      await this.#commit(
        user,
        caseId,
        now,
        this.#custody(user, caseId, item.id, 'viewed', 'file read', null, now),
        'evidence.view',
        { evidenceId, sha256: item.sha256 },
        [],
      );
      this.#reads.set(key, now.getTime());
    }
    return { base64: chunk.bytes.toString('base64'), offset, total: chunk.total, mediaType: item.mediaType };
  }

  /**
   * Allowed on a closed case too: closing ends the inspection, not the life of
   * the seized goods, which still move (to a lab, the bonded store, a court)
   * and each move must stay on their chain of custody.
   */
  async transfer(user: User, input: In<typeof TransferInput>) {
    const current = await this.#require(input.caseId);
    const item = current.evidence.find((e) => e.id === input.evidenceId);
    if (!item) throw new ServiceError('NOT_FOUND', `Case ${current.ref} has no evidence item ${input.evidenceId}`);
    const at = this.options.clock.now();
    await this.#commit(
      user,
      input.caseId,
      at,
      this.#custody(user, input.caseId, item.id, 'transferred', input.reason, input.to, at),
      'evidence.transfer',
      {
        evidenceId: item.id,
        sha256: item.sha256,
        to: input.to,
        reason: input.reason,
      },
      [],
    );
    return this.get(user, input.caseId);
  }

  /** Custody entries for a report export (one per item), with the audit entry. */
  async recordExport(user: User, c: StoredCase, fileName: string, sha256: string): Promise<void> {
    const at = this.options.clock.now();
    const custody = c.evidence.flatMap((item) =>
      this.#custody(user, c.id, item.id, 'exported', `case report ${fileName}`, null, at),
    );
    await this.#commit(user, c.id, at, custody, 'case.report', { fileName, sha256, evidence: c.evidence.length }, []);
  }

  async stored(id: string): Promise<StoredCase> {
    return this.#require(id);
  }

  // -------------------------------------------------------------------------

  async #intake(
    user: User,
    caseId: string,
    file: Omit<EvidenceRow, 'id' | 'addedAt' | 'byId' | 'byName'>,
  ): Promise<EvidenceItem> {
    const at = this.options.clock.now();
    const item: EvidenceRow = { id: randomUUID(), ...file, addedAt: at.toISOString(), byId: user.id, byName: user.displayName };
    await this.#commit(
      user,
      caseId,
      at,
      [
        insertEvidence(caseId, item),
        ...this.#custody(
          user,
          caseId,
          item.id,
          'intake',
          file.source === 'camera' ? `camera snapshot ${file.sourceRef ?? ''}`.trim() : 'file added',
          null,
          at,
        ),
        this.#touch(caseId, at),
        ...blobUploadStatements({ sha256: item.sha256, size: item.bytes, at }),
      ],
      'evidence.intake',
      { evidenceId: item.id, sha256: item.sha256, fileName: item.fileName, bytes: item.bytes, source: item.source },
      [{ entity: CASE_ENTITY, entityId: caseId, op: 'append', fields: { evidence: [item] } }],
    );
    const { byId, byName, ...rest } = item;
    return {
      ...rest,
      source: item.source as EvidenceItem['source'],
      by: { id: byId, name: byName },
      verify: { state: 'ok', at: at.toISOString(), found: item.sha256 },
    };
  }

  /** A custody entry's row and its sync append (custody merges across workstations). */
  #custody(
    user: User,
    caseId: string,
    evidenceId: string,
    action: CustodyAction,
    reason: string,
    to: string | null,
    at: Date,
  ): Statement[] {
    const entry: CustodyRow = {
      id: randomUUID(),
      evidenceId,
      at: at.toISOString(),
      byId: user.id,
      byName: user.displayName,
      action,
      reason,
      to,
    };
    return [
      insertCustody(caseId, entry),
      ...mutationStatements({
        entity: CASE_ENTITY,
        entityId: caseId,
        op: 'append',
        fields: { custody: [entry] },
        at,
        actorId: user.id,
      }),
    ];
  }

  async #append(
    user: User,
    caseId: string,
    field: string,
    item: { id: string } & Record<string, unknown>,
    statement: Statement,
    action: string,
    detail: Record<string, unknown>,
  ) {
    await this.#requireEditable(caseId);
    const at = this.options.clock.now();
    await this.#commit(user, caseId, at, [statement, this.#touch(caseId, at)], action, { itemId: item.id, ...detail }, [
      { entity: CASE_ENTITY, entityId: caseId, op: 'append', fields: { [field]: [item] } },
      { entity: CASE_ENTITY, entityId: caseId, op: 'upsert', fields: { updatedAt: at.toISOString() } },
    ]);
    return this.get(user, caseId);
  }

  #touch(caseId: string, at: Date): Statement {
    return { sql: 'UPDATE cases SET updated_at = ? WHERE id = ?', params: [at.toISOString(), caseId] };
  }

  #commit(
    user: User,
    caseId: string,
    at: Date,
    statements: Statement[],
    action: string,
    detail: Record<string, unknown>,
    mutations: Omit<Mutation, 'at' | 'actorId'>[],
  ) {
    return this.options.store.transaction([
      ...statements,
      auditStatement({ at, actor: actorOf(user), action, subject: caseId, detail }),
      ...mutations.flatMap((m) => mutationStatements({ ...m, at, actorId: user.id })),
    ]);
  }

  #by(user: User) {
    return { at: this.options.clock.now().toISOString(), byId: user.id, byName: user.displayName };
  }

  async #require(id: string): Promise<StoredCase> {
    const found = await readCase(this.options.store, id);
    if (!found) throw new ServiceError('NOT_FOUND', `No case ${id} on this workstation; it may not have synced yet`);
    return found;
  }

  /** A closed case is read-only (findings, evidence, tasks, assignee…) until a supervisor reopens it. */
  async #requireEditable(id: string): Promise<StoredCase> {
    const found = await this.#require(id);
    if (found.status === 'closed') {
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `Case ${found.ref} was closed on ${found.closedAt ?? 'an unknown date'} and is read-only; ask a supervisor to reopen it before changing it`,
      );
    }
    return found;
  }

  async #person(userId: string) {
    const found = await this.options.accounts.get(userId);
    if (!found?.active) throw new ServiceError('NOT_FOUND', `No active user ${userId} to assign the case to`);
    return { id: found.id, name: found.displayName };
  }

  /** A declaration's subject is that declaration; other origins need the subject spelled out unless they carry it. */
  async #subjectFor(origin: CaseOrigin, subject: CaseSubject | undefined): Promise<CaseSubject> {
    if (subject) return subject;
    switch (origin.kind) {
      case 'declaration': {
        const rows = await this.options.store
          .query('SELECT declarant_name FROM declarations WHERE number = ?', [origin.declarationId])
          .catch(() => []);
        return { kind: 'declaration', ref: origin.declarationId, ...(rows[0] ? { label: String(rows[0].declarant_name) } : {}) };
      }
      case 'gate-event':
        if (origin.plate) return { kind: 'vehicle', ref: origin.plate };
        break;
      case 'panorama-marker':
        if (origin.label) return { kind: 'container', ref: origin.label };
        break;
      default:
        break;
    }
    throw new ServiceError(
      'INVALID_ARGUMENT',
      `subject: a case opened from a ${origin.kind} needs its subject (declaration, vehicle, container or person)`,
      [{ path: 'subject', message: 'required for this origin' }],
    );
  }
}

const READ_CHUNK = 512 * 1024;
/** A read's later chunks must follow its first within this long (200 MiB at 512 KiB a chunk, on a slow link). */
const READ_SESSION_MS = 30 * 60_000;

function toRow(c: StoredCase): CaseRow {
  return {
    id: c.id,
    ref: c.ref,
    title: c.title,
    status: c.status,
    subjectKind: c.subject.kind,
    subjectRef: c.subject.ref,
    subjectLabel: c.subject.label ?? null,
    origin: JSON.stringify(c.origin),
    assigneeId: c.assignee?.id ?? null,
    assigneeName: c.assignee?.name ?? null,
    openedById: c.openedBy.id,
    openedByName: c.openedBy.name,
    openedAt: c.openedAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    closedById: c.closedBy?.id ?? null,
    closedByName: c.closedBy?.name ?? null,
  };
}

function originLinks(origin: CaseOrigin, at: string) {
  const link = (kind: 'declaration' | 'gate-event' | 'panorama-marker', ref: string, label: string | null) => [
    { id: randomUUID(), kind, ref, label, at },
  ];
  switch (origin.kind) {
    case 'declaration':
      return link('declaration', origin.declarationId, null);
    case 'gate-event':
      return link('gate-event', origin.eventId, origin.plate ?? null);
    case 'panorama-marker':
      return link('panorama-marker', origin.markerId, origin.label ?? null);
    default:
      return [];
  }
}
