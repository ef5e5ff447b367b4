/**
 * Every way declarations enter the queue (CLI-style path import, the inbox,
 * chunked uploads, demo data) goes through here: each declaration is stored
 * together with its risk assessment, queue row (lane, score, hits, SLA, status
 * pending) and TRS timestamps in the same transaction.
 *
 * Messages are written in batches for throughput; a batch is still atomic, and
 * if a batch fails to commit each of its messages is retried alone, so one
 * unstorable message never takes the others with it (and is itself rejected).
 */
import { basename } from 'node:path';
import type { Declaration, Reject } from '../../../preload/contract/schemas/declarations';
import type { ImportFileResult } from '../../../preload/contract/schemas/queue';
import type { DeclarationsRepository } from '../declarations/declarations-repository';
import { DEFAULT_PARSE_LIMITS, type DocumentParseLimits } from '../declarations/document-parse';
import type { ImportSource, MessageOutcome } from '../declarations/import';
import { importWithProfiles, type MessageReport, type ProfileOptions } from '../declarations/profiles/import-profiled';
import { readRecordStatement } from '../declarations/profiles/read-record';
import type { Statement, Store } from '../store/types';
import { queueRowStatements } from './queue-row';
import type { RiskAssessor } from '../risk/risk-assessor';

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

interface Pending {
  statements: Statement[];
  number: string | null;
  reject: Reject | null;
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

  /** Statements that store one declaration with its assessment and queue row. */
  async statementsFor(declaration: Declaration, source: { file: string; format: string }): Promise<Statement[]> {
    const { assessment, at } = await this.assessor.assess(declaration);
    return [...this.repository.saveStatements(declaration, source), ...queueRowStatements(declaration, assessment, at)];
  }

  /** `via` names where the file came from (inbox, upload, a partner…): a profile may be tied to it. */
  async importSource(source: ImportSource, onProgress?: (p: IntakeProgress) => void, via?: string): Promise<ImportFileResult> {
    const name = typeof source === 'string' ? basename(source) : source.name;
    const result: ImportFileResult = { file: name, format: null, imported: 0, rejected: 0, numbers: [], rejects: [] };
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
    let batch: Pending[] = [];
    const flush = async () => {
      const pending = batch;
      batch = [];
      if (pending.length === 0) return;
      for (const outcome of await this.commit(pending)) {
        if (outcome.number !== null) {
          result.imported++;
          if (result.numbers.length < MAX_LISTED_NUMBERS) result.numbers.push(outcome.number);
        }
        if (outcome.reject) {
          result.rejected++;
          if (result.rejects.length < MAX_LISTED_REJECTS) result.rejects.push(outcome.reject);
        }
      }
      progress(false);
    };
    const onMessage = async (o: MessageOutcome) => {
      if (o.kind === 'reject') {
        batch.push({ statements: [this.repository.rejectStatement(o.reject)], number: null, reject: o.reject });
      } else {
        const format = result.format ?? 'json';
        const statements = await this.statementsFor(o.declaration, { file: result.file, format });
        // How the message was read (profile, warnings, raw message) is kept with this version.
        if (o.note)
          statements.push(
            readRecordStatement(
              o.declaration.functionalReferenceId,
              new Date(this.now()).toISOString(),
              o.note as unknown as MessageReport,
            ),
          );
        batch.push({ statements, number: o.declaration.functionalReferenceId, reject: null });
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
    for (let i = 0; i < declarations.length; i += batchSize) {
      const pending: Pending[] = [];
      for (const d of declarations.slice(i, i + batchSize)) {
        pending.push({ statements: await this.statementsFor(d, source), number: d.functionalReferenceId, reject: null });
      }
      for (const outcome of await this.commit(pending)) if (outcome.number !== null) stored++;
    }
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
          outcomes.push({ statements: [], number: null, reject });
        }
      }
      return outcomes;
    }
  }
}
