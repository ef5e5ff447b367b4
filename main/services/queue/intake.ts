/**
 * Every way declarations enter the queue (CLI-style path import, the inbox,
 * chunked uploads, demo data) goes through here: each message is kept as a
 * version of its declaration and applied by its message function (see
 * declaration-versions.ts): a first version is stored with its risk assessment,
 * queue row (lane, score, hits, SLA, status pending) and TRS timestamps; an
 * amendment is re-assessed before release or kept for post-clearance review
 * after it; a cancellation withdraws; a duplicate is counted. Each with its
 * timeline event and audit entry, in the same transaction.
 *
 * Messages are written in batches for throughput; a batch is still atomic, and
 * if a batch fails to commit each of its messages is retried alone, so one
 * unstorable message never takes the others with it (and is itself rejected).
 */
import { basename } from 'node:path';
import { type Declaration, messageFunctionOf, type Reject } from '../../../preload/contract/schemas/declarations';
import type { ImportFileResult } from '../../../preload/contract/schemas/queue';
import type { DeclarationsRepository } from '../declarations/declarations-repository';
import { DEFAULT_PARSE_LIMITS, type DocumentParseLimits } from '../declarations/document-parse';
import type { ImportSource, MessageOutcome } from '../declarations/import';
import { importWithProfiles, type MessageReport, type ProfileOptions } from '../declarations/profiles/import-profiled';
import { readRecordStatement } from '../declarations/profiles/read-record';
import type { Statement, Store } from '../store/types';
import { auditStatement, type AuditActor } from '../audit/audit-log';
import { queueRowStatements, reassessedRowStatements } from './queue-row';
import type { RiskAssessor } from '../risk/risk-assessor';
import {
  contentHash,
  duplicateStatement,
  FUNCTION_WORD,
  laneAfterAmendment,
  loadVersionStates,
  NO_STATE,
  planVersion,
  type VersionState,
  versionStatement,
} from './declaration-versions';

const BATCH_MESSAGES = 250;
const PROGRESS_EVERY_MS = 100;
const MAX_LISTED_NUMBERS = 1000;
const MAX_LISTED_REJECTS = 100;

export interface IntakeProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  imported: number;
  rejected: number;
}

/** What one message came to: stored (a first version), amended, cancelled, a duplicate, or rejected. */
type Effect = 'stored' | 'amended' | 'cancelled' | 'duplicate' | 'rejected';

interface Pending {
  statements: Statement[];
  number: string | null;
  reject: Reject | null;
  effect: Effect;
}

/** A message read but not yet applied: its plan needs the state of its number, read per batch. */
interface Received {
  declaration: Declaration;
  source: { file: string; format: string };
  note?: MessageReport | undefined;
}

export interface DeclarationIntakeOptions {
  store: Store;
  repository: DeclarationsRepository;
  assessor: RiskAssessor;
  now?: () => number;
  /** The message implementation profiles, the workstation's office and such for one import, by where it came from (see declarations/profiles). */
  profileOptions?: (source: string | undefined) => ProfileOptions;
  /** XML and JSON documents are parsed in a worker thread under these limits. */
  documentLimits?: DocumentParseLimits;
}

export class DeclarationIntake {
  private readonly store: Store;
  private readonly repository: DeclarationsRepository;
  private readonly assessor: RiskAssessor;
  private readonly profileOptions: (source: string | undefined) => ProfileOptions;
  private readonly now: () => number;
  private readonly documentLimits: DocumentParseLimits;

  constructor(options: DeclarationIntakeOptions) {
    this.documentLimits = options.documentLimits ?? DEFAULT_PARSE_LIMITS;
    this.store = options.store;
    this.repository = options.repository;
    this.assessor = options.assessor;
    this.now = options.now ?? Date.now;
    this.profileOptions = options.profileOptions ?? ((source) => (source ? { source } : {}));
  }

  /** Stores the declaration with its assessment and a new queue row. */
  private async queueStatements(d: Declaration, source: { file: string; format: string }): Promise<Statement[]> {
    const { assessment, at } = await this.assessor.assess(d);
    return [...this.repository.saveStatements(d, source), ...queueRowStatements(d, assessment, at)];
  }

  /** Statements that store the first version of a declaration whose number is known to be new (bulk loads). */
  async firstVersionStatements(d: Declaration, source: { file: string; format: string }): Promise<Statement[]> {
    const at = new Date(this.now()).toISOString();
    return [versionStatement(d, 1, 'original', contentHash(d), at, source), ...(await this.queueStatements(d, source))];
  }

  /**
   * Applies received messages in order: reads the state of their numbers once, plans each
   * message against it (numbers are unique within a call), and returns one Pending each.
   */
  private async apply(received: readonly Received[], actor: AuditActor | null): Promise<Pending[]> {
    const { states, fill } = await loadVersionStates(
      this.store,
      received.map((r) => r.declaration.functionalReferenceId),
    );
    const receivedAt = new Date(this.now());
    const out: Pending[] = [];
    for (const r of received)
      out.push(await this.applyOne(r, states.get(r.declaration.functionalReferenceId) ?? NO_STATE, receivedAt, actor));
    if (fill.length > 0) out[0]!.statements.unshift(...fill);
    return out;
  }

  private async applyOne(r: Received, state: VersionState, receivedAt: Date, actor: AuditActor | null): Promise<Pending> {
    const d = r.declaration;
    const n = d.functionalReferenceId;
    const fn = messageFunctionOf(d);
    const hash = contentHash(d);
    const plan = planVersion(n, state, fn, hash);
    if (plan.kind === 'duplicate')
      return { statements: [duplicateStatement(n, plan.version)], number: null, reject: null, effect: 'duplicate' };
    if (plan.kind === 'refused') {
      const reject: Reject = {
        file: r.source.file,
        format: (r.source.format as Reject['format']) ?? null,
        messageRef: n,
        messageIndex: null,
        segmentNumber: null,
        segmentTag: null,
        path: null,
        reason: plan.reason,
      };
      return { statements: [this.repository.rejectStatement(reject)], number: null, reject, effect: 'rejected' };
    }
    const iso = receivedAt.toISOString();
    const statements: Statement[] = [versionStatement(d, plan.version, plan.outcome, hash, iso, r.source)];
    if (r.note) statements.push(readRecordStatement(n, iso, r.note));
    const event = (
      kind: 'amended' | 'cancelled',
      fields: { fromStatus?: string; toStatus?: string; fromLane?: string; toLane?: string },
    ) => ({
      sql: `INSERT INTO declaration_events (number, at, kind, from_status, to_status, from_lane, to_lane, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        n,
        iso,
        kind,
        fields.fromStatus ?? null,
        fields.toStatus ?? null,
        fields.fromLane ?? null,
        fields.toLane ?? null,
        plan.version,
      ],
    });
    const audit = (action: string, detail: Record<string, unknown>) =>
      auditStatement({
        at: receivedAt,
        actor,
        action,
        subject: n,
        detail: { version: plan.version, function: FUNCTION_WORD[fn], file: r.source.file, ...detail },
      });
    switch (plan.outcome) {
      case 'original':
        statements.push(...(await this.queueStatements(d, r.source)));
        return { statements, number: n, reject: null, effect: 'stored' };
      case 'reassessed': {
        const { assessment, at } = await this.assessor.assess(d);
        const lane = laneAfterAmendment(assessment.lane, state.manualLane);
        statements.push(
          ...this.repository.saveStatements(d, r.source),
          ...reassessedRowStatements(d, assessment, lane, at),
          event('amended', { fromLane: state.lane ?? undefined, toLane: lane, toStatus: state.status ?? undefined }),
          audit('declaration.amend', { from: state.lane, to: lane, engineLane: assessment.lane, manualLane: state.manualLane }),
        );
        return { statements, number: n, reject: null, effect: 'amended' };
      }
      case 'postRelease':
        // The release stands: the queue row and the released content are left as they are.
        statements.push(
          event('amended', { toStatus: 'released' }),
          audit('declaration.amendAfterRelease', { releasedAt: state.releasedAt }),
        );
        return { statements, number: n, reject: null, effect: 'amended' };
      case 'cancellation':
        statements.push(
          { sql: "UPDATE declaration_queue SET status = 'cancelled', cancelled_at = ? WHERE number = ?", params: [iso, n] },
          event('cancelled', { fromStatus: state.status ?? undefined, toStatus: 'cancelled' }),
          audit('declaration.cancel', { from: state.status }),
        );
        return { statements, number: n, reject: null, effect: 'cancelled' };
    }
  }

  /** `via` names where the file came from (inbox, upload, a partner…): a profile may be tied to it. `actor` brought the file in (null: the inbox). */
  async importSource(
    source: ImportSource,
    onProgress?: (p: IntakeProgress) => void,
    via?: string,
    actor: AuditActor | null = null,
  ): Promise<ImportFileResult> {
    const name = typeof source === 'string' ? basename(source) : source.name;
    const result: ImportFileResult = {
      file: name,
      format: null,
      imported: 0,
      rejected: 0,
      amended: 0,
      cancelled: 0,
      duplicates: 0,
      numbers: [],
      rejects: [],
    };
    let bytes = { read: 0, total: 0 };
    let lastProgress = 0;
    const progress = (force: boolean) => {
      const t = this.now();
      if (!onProgress || (!force && t - lastProgress < PROGRESS_EVERY_MS)) return;
      lastProgress = t;
      onProgress({
        file: result.file,
        bytesRead: bytes.read,
        totalBytes: bytes.total,
        imported: result.imported,
        rejected: result.rejected,
      });
    };
    // Messages in file order; rejects keep their place. A number seen twice in one batch
    // flushes the batch first, so the second message is planned against the first one's result.
    let batch: (Received | Pending)[] = [];
    const inBatch = new Set<string>();
    const flush = async () => {
      const waiting = batch;
      batch = [];
      inBatch.clear();
      if (waiting.length === 0) return;
      const applied = await this.apply(
        waiting.filter((w): w is Received => 'declaration' in w),
        actor,
      );
      let next = 0;
      const pending = waiting.map((w) => ('declaration' in w ? applied[next++]! : w));
      for (const outcome of await this.commit(pending)) count(result, outcome);
      progress(false);
    };
    const onMessage = async (o: MessageOutcome) => {
      if (o.kind === 'reject') {
        batch.push({
          statements: [this.repository.rejectStatement(o.reject)],
          number: null,
          reject: o.reject,
          effect: 'rejected',
        });
      } else {
        const n = o.declaration.functionalReferenceId;
        if (inBatch.has(n)) await flush();
        inBatch.add(n);
        // How the message was read (profile, warnings, raw message) is kept with this version.
        batch.push({
          declaration: o.declaration,
          source: { file: result.file, format: result.format ?? 'json' },
          note: o.note as unknown as MessageReport | undefined,
        });
      }
      if (batch.length >= BATCH_MESSAGES) await flush();
    };
    const imported = await importWithProfiles(source, {
      ...this.profileOptions(via),
      documentLimits: this.documentLimits,
      onProgress: (read, total) => {
        bytes = { read, total };
        progress(false);
      },
      onFormat: (format) => {
        result.format = format;
      },
      onMessage,
    });
    result.format = imported.format;
    await flush();
    progress(true);
    return result;
  }

  /** Stores ready-made declarations (demo data), assessed like imported ones. Returns the numbers stored. */
  async saveDeclarations(
    declarations: readonly Declaration[],
    source: { file: string; format: string },
    batchSize = BATCH_MESSAGES,
  ): Promise<number> {
    let stored = 0;
    let batch: Received[] = [];
    const inBatch = new Set<string>();
    const flush = async () => {
      if (batch.length > 0)
        for (const outcome of await this.commit(await this.apply(batch, null))) if (outcome.number !== null) stored++;
      batch = [];
      inBatch.clear();
    };
    for (const d of declarations) {
      if (batch.length >= batchSize || inBatch.has(d.functionalReferenceId)) await flush();
      inBatch.add(d.functionalReferenceId);
      batch.push({ declaration: d, source });
    }
    await flush();
    return stored;
  }

  private async commit(pending: Pending[]): Promise<Pending[]> {
    try {
      await this.store.transaction(pending.flatMap((p) => p.statements));
      return pending;
    } catch {
      const outcomes: Pending[] = [];
      for (const p of pending) {
        try {
          await this.store.transaction(p.statements);
          outcomes.push(p);
        } catch (error) {
          if (p.number === null) throw error; // the rejects table itself failed: nothing sensible left to do
          const reject: Reject = {
            file: '',
            format: null,
            messageRef: p.number,
            messageIndex: null,
            segmentNumber: null,
            segmentTag: null,
            path: null,
            reason: `declaration ${p.number} could not be stored: ${(error as Error).message}`,
          };
          await this.store.transaction([this.repository.rejectStatement(reject)]);
          outcomes.push({ statements: [], number: null, reject, effect: 'rejected' });
        }
      }
      return outcomes;
    }
  }
}

function count(result: ImportFileResult, outcome: Pending): void {
  if (outcome.effect === 'duplicate') result.duplicates++;
  if (outcome.number !== null) {
    result.imported++;
    if (outcome.effect === 'amended') result.amended++;
    if (outcome.effect === 'cancelled') result.cancelled++;
    if (result.numbers.length < MAX_LISTED_NUMBERS) result.numbers.push(outcome.number);
  }
  if (outcome.reject) {
    result.rejected++;
    if (result.rejects.length < MAX_LISTED_REJECTS) result.rejects.push(outcome.reject);
  }
}
