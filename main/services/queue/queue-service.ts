/**
 * The declaration queue, assembled over one store: intake (import + risk
 * assessment), the list, decisions and responses, the inbox watcher, uploads,
 * saved views, the TRS dashboard and the risk administration. Built by
 * createServices(), started after the store opens, stopped on close.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { User } from '../../../preload/contract/schemas/auth';
import type { Lane } from '../../../preload/contract/schemas/risk';
import {
  type DecideOutput,
  type Decision,
  type DeclarationsChanged,
  type ImportFileResult,
  type ImportOutput,
  type ImportProgress,
  type QueueRow,
  type UploadChunkInput,
  type UploadChunkOutput,
  UPLOAD_MAX_BYTES,
} from '../../../preload/contract/schemas/queue';
import type { Clock } from '../clock';
import { DeclarationsRepository } from '../declarations/declarations-repository';
import { generateDeclaration } from '../declarations/demo-generator';
import { Prng } from '../declarations/demo/prng';
import type { ProfileOptions } from '../declarations/profiles/import-profiled';
import { loadProfiles, shippedProfiles } from '../declarations/profiles/registry';
import { workstationOffice } from '../declarations/profiles/workstation-office';
import { ServiceError } from '../errors';
import type { ApprovalService } from '../approvals/approval-service';
import { holdsRight, refusalOf } from '../../../preload/contract/rights';
import { auditStatement } from '../audit/audit-log';
import { Accounts, actorOf } from '../auth/accounts';
import { DEFAULT_SCRYPT_PARAMS } from '../auth/password-hash';
import type { RiskServices } from '../risk/risk-handlers';
import type { Store } from '../store/types';
import { UploadBuffer } from '../upload-buffer';
import type { UploadBudget } from '../upload-budget';
import { queueFolders, type QueueFolders } from './data-dir';
import { InboxWatcher } from './inbox-watcher';
import { DeclarationIntake } from './intake';
import { QueueActions } from './queue-actions';
import { SavedViews } from './saved-views';

export interface QueueServiceOptions {
  store: Store;
  clock: Clock;
  dataDir: string;
  /** Training keeps its own inbox and outbox (see data-dir.ts). */
  mode?: 'live' | 'training';
  /** IANA zone of the office: profile validity dates, TRS days and shifts. */
  timeZone: string;
  /** Who declarations can be assigned to; the workstation's accounts (read-only here). */
  accounts?: Pick<Accounts, 'get'>;
  /** The risk area's rules and assessor: every declaration is assessed as it enters. */
  risk: Pick<RiskServices, 'assessor'>;
  emitChanged: (payload: DeclarationsChanged) => void;
  emitProgress: (payload: ImportProgress) => void;
  log: {
    info: (obj: object, msg: string) => void;
    warn: (obj: object, msg: string) => void;
    error: (obj: object, msg: string) => void;
  };
  /** Run the inbox watcher (default true). */
  watchInbox?: boolean;
  inboxStableMs?: number;
  /** The workstation's customs office (Settings.office), assigned to declarations whose message names none; default: read from `<dataDir>/settings.json`. */
  office?: () => string;
  /** Four eyes: red-lane releases wait here for a second supervisor. Without it a red-lane release is refused. */
  approvals?: ApprovalService;
  /** Shared with evidence uploads (core.uploadBudget); one of its own when absent. */
  uploadBudget?: UploadBudget;
}

/** Dropped declaration files: as large as an import may be; abandoned after ten minutes. */
export function queueUploadBuffer(now: () => number, budget?: UploadBudget): UploadBuffer {
  return new UploadBuffer({
    ...(budget ? { budget } : {}),
    kind: 'declarations',
    now,
    maxBytes: UPLOAD_MAX_BYTES,
    tooLargeAdvice: 'put it in the inbox folder instead',
    idleMs: 10 * 60_000,
  });
}

const SYSTEM_ACTOR = { id: 'system', name: 'Clearway inbox' };

export class QueueService {
  readonly store: Store;
  readonly clock: Clock;
  readonly folders: QueueFolders;
  readonly timeZone: string;
  readonly declarations: DeclarationsRepository;
  readonly intake: DeclarationIntake;
  readonly actions: QueueActions;
  readonly views: SavedViews;
  readonly uploads: UploadBuffer;
  readonly inbox: InboxWatcher | null;

  constructor(private readonly o: QueueServiceOptions) {
    this.store = o.store;
    this.clock = o.clock;
    this.timeZone = o.timeZone;
    this.folders = queueFolders(o.dataDir, o.mode);
    this.declarations = new DeclarationsRepository({ store: o.store, clock: o.clock });
    this.intake = new DeclarationIntake({
      store: o.store,
      repository: this.declarations,
      assessor: o.risk.assessor,
      profileOptions: (via) => profileOptionsFor(o, via),
    });
    this.actions = new QueueActions({
      store: o.store,
      clock: o.clock,
      accounts: o.accounts ?? new Accounts({ store: o.store, clock: o.clock, hashParams: DEFAULT_SCRYPT_PARAMS }),
      outbox: this.folders.outbox,
      onOutboxError: (error, files) => o.log.error({ err: error, files }, 'responses recorded but not written to the outbox'),
    });
    o.approvals?.register('declaration.release', async (request, requester, approver, record) => {
      const result = await this.actions.decide(requester, [request.subject], 'release', request.reason, {
        mayAskRedRelease: false,
        approved: { by: approver, record },
      });
      const failure = result.failed[0];
      if (failure) throw new ServiceError(failure.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'FAILED_PRECONDITION', failure.message);
      this.#changed([request.subject]);
    });
    this.views = new SavedViews({ store: o.store, clock: o.clock });
    this.uploads = queueUploadBuffer(() => o.clock.now().getTime(), o.uploadBudget);
    this.inbox =
      o.watchInbox === false
        ? null
        : new InboxWatcher({
            folders: this.folders,
            stableMs: o.inboxStableMs,
            now: () => o.clock.now(),
            importFile: (path) => this.importOne(path, null),
            onDone: (file, { result, movedTo, error }) => {
              if (error) o.log.warn({ file, movedTo, error }, 'inbox file rejected');
              else o.log.info({ file, movedTo, imported: result?.imported }, 'inbox file imported');
            },
          });
  }

  async start(): Promise<void> {
    await this.inbox?.start();
  }

  async stop(): Promise<void> {
    await this.inbox?.stop();
  }

  /** Imports one file or uploaded buffer, audits it and tells the UI. `user` null = the inbox. */
  async importOne(source: string | { name: string; bytes: Uint8Array }, user: User | null): Promise<ImportFileResult> {
    const actor = user ? actorOf(user) : SYSTEM_ACTOR;
    const result = await this.intake.importSource(
      source,
      (p) => this.o.emitProgress(p),
      typeof source !== 'string' ? 'upload' : user ? 'file' : 'inbox',
      actor,
    );
    await this.store.transaction([
      auditStatement({
        at: this.clock.now(),
        actor,
        action: 'declarations.import',
        subject: result.file,
        detail: {
          format: result.format,
          imported: result.imported,
          rejected: result.rejected,
          amended: result.amended,
          cancelled: result.cancelled,
          duplicates: result.duplicates,
        },
      }),
    ]);
    if (result.imported > 0) this.o.emitChanged({ ids: 'all' });
    return result;
  }

  async importPaths(paths: readonly string[], user: User): Promise<ImportOutput> {
    for (const path of paths) {
      const info = await stat(path).catch(() => null);
      if (!info)
        throw new ServiceError(
          'NOT_FOUND',
          `${path} does not exist or cannot be read: check the path and the file's permissions`,
        );
      if (!info.isFile())
        throw new ServiceError('INVALID_ARGUMENT', `${path} is a folder: choose the declaration files inside it`);
    }
    const files: ImportFileResult[] = [];
    for (const path of paths) files.push(await this.importOne(path, user));
    const sum = (key: 'imported' | 'rejected' | 'duplicates') => files.reduce((s, f) => s + f[key], 0);
    return { files, imported: sum('imported'), rejected: sum('rejected'), duplicates: sum('duplicates') };
  }

  /** Realistic declarations (demo-generator), assessed and queued like imported ones. */
  async demo(count: number, seed: number, user: User | null): Promise<number> {
    const [{ n } = { n: 0 }] = await this.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM declarations');
    const rng = new Prng(seed);
    const now = this.clock.now();
    let stored = 0;
    const BATCH = 1000;
    for (let i = 0; i < count; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) =>
        generateDeclaration(rng, Number(n) + i + j + 1, now),
      );
      stored += await this.intake.saveDeclarations(batch, { file: `demo-${seed}`, format: 'json' });
    }
    await this.store.transaction([
      auditStatement({
        at: this.clock.now(),
        actor: user ? actorOf(user) : null,
        action: 'declarations.demo',
        subject: null,
        detail: { count: stored, seed },
      }),
    ]);
    this.o.emitChanged({ ids: 'all' });
    return stored;
  }

  /**
   * Decides, by the rights table: releasing needs declarations.release (not inspectors),
   * and a red-lane release by a supervisor becomes a four-eyes request instead.
   */
  async decide(user: User, ids: string[], decision: Decision, reason: string): Promise<DecideOutput> {
    const mode = this.o.mode ?? 'live';
    if (decision === 'release' && !holdsRight(user.role, 'declarations.release', mode))
      throw new ServiceError('FORBIDDEN', refusalOf(user.role, 'declarations.release', mode, 'Releasing a declaration'));
    const result = await this.actions.decide(user, ids, decision, reason, {
      mayAskRedRelease: holdsRight(user.role, 'declarations.releaseRed', mode),
    });
    this.#changed(result.decided.map((d) => d.number));
    const out: DecideOutput = { decided: result.decided, failed: result.failed, awaitingApproval: [] };
    for (const number of result.redReleases) {
      if (!this.o.approvals) {
        out.failed.push({ number, code: 'FAILED_PRECONDITION', message: `${number}: red-lane releases need four eyes` });
        continue;
      }
      try {
        const approval = await this.o.approvals.request(user, {
          kind: 'declaration.release',
          subject: number,
          summary: `Release ${number} (red lane)`,
          reason,
        });
        out.awaitingApproval.push({ number, approvalId: approval.id });
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        out.failed.push({ number, code: error.code, message: error.message });
      }
    }
    return out;
  }

  async assign(user: User, ids: string[], to: string | null): Promise<string[]> {
    const assigned = await this.actions.assign(user, ids, to);
    this.#changed(assigned);
    return assigned;
  }

  async reroute(user: User, id: string, lane: Lane, reason: string): Promise<QueueRow> {
    const row = await this.actions.reroute(user, id, lane, reason);
    this.#changed([id]);
    return row;
  }

  /** Accepts one chunk of a dropped file (web host); the last chunk imports it. */
  async uploadChunk(user: User, chunk: UploadChunkInput): Promise<UploadChunkOutput> {
    const receivedBytes = this.uploads.append(user.id, chunk.uploadId, chunk.index, chunk.base64, chunk.name);
    if (!chunk.last) return { receivedBytes, result: null };
    const bytes = new Uint8Array(this.uploads.take(user.id, chunk.uploadId));
    return { receivedBytes, result: await this.importOne({ name: chunk.name, bytes }, user) };
  }

  #changed(ids: string[]): void {
    if (ids.length) this.o.emitChanged({ ids });
  }
}

/** Shipped profiles plus a supervisor's JSON profiles in `<data dir>/profiles`; a bad file is logged and the shipped ones used. */
function profileOptionsFor(o: QueueServiceOptions, via: string | undefined): ProfileOptions {
  let profiles;
  try {
    profiles = loadProfiles(join(o.dataDir, 'profiles'));
  } catch (error) {
    o.log.warn({ err: error }, 'declaration profiles folder not read; the shipped profiles are used');
    profiles = shippedProfiles();
  }
  const office = o.office ? o.office() : workstationOffice(o.dataDir);
  return { profiles, ...(via ? { source: via } : {}), ...(office ? { office } : {}) };
}
