/**
 * The declaration queue, assembled over one store: intake (import + risk
 * assessment), the list, decisions and responses, the inbox watcher, uploads,
 * saved views, the TRS dashboard and the risk administration. Built by
 * createServices(), started after the store opens, stopped on close.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { User } from '../../../preload/schemas/auth';
import type { DeclarationsChanged, ImportFileResult, ImportOutput, ImportProgress } from '../../../preload/schemas/queue';
import type { Clock } from '../clock';
import { DeclarationsRepository } from '../declarations/declarations-repository';
import { generateDeclaration } from '../declarations/demo-generator';
import { Prng } from '../declarations/demo/prng';
import type { ProfileOptions } from '../declarations/profiles/import-profiled';
import { loadProfiles, shippedProfiles } from '../declarations/profiles/registry';
import { workstationOffice } from '../declarations/profiles/workstation-office';
import { ServiceError } from '../errors';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import { RiskRulesRepository } from '../risk/rules-repository';
import type { Store } from '../store/types';
import { ChunkedUploads } from './chunked-uploads';
import { cryptoRandom } from './crypto-random';
import { queueFolders, type QueueFolders } from './data-dir';
import { InboxWatcher } from './inbox-watcher';
import { DeclarationIntake } from './intake';
import { QueueActions } from './queue-actions';
import { RiskAdmin } from './risk-admin';
import { RiskAssessor } from './risk-assessor';
import { SavedViews } from './saved-views';

export interface QueueServiceOptions {
  store: Store;
  clock: Clock;
  dataDir: string;
  /** Training keeps its own inbox and outbox (see data-dir.ts). */
  mode?: 'live' | 'training';
  /** IANA zone of the office: profile validity dates, TRS days and shifts. */
  timeZone: string;
  emitChanged: (payload: DeclarationsChanged) => void;
  emitProgress: (payload: ImportProgress) => void;
  log: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
  /** Tests pass a seeded source; production draws from the OS CSPRNG. */
  random?: () => number;
  /** Run the inbox watcher (default true). */
  watchInbox?: boolean;
  inboxStableMs?: number;
  /** The workstation's customs office (Settings.office), assigned to declarations whose message names none; default: read from `<dataDir>/settings.json`. */
  office?: () => string;
}

const SYSTEM_ACTOR = { id: 'system', name: 'Clearway inbox' };

export class QueueService {
  readonly store: Store;
  readonly clock: Clock;
  readonly folders: QueueFolders;
  readonly timeZone: string;
  readonly declarations: DeclarationsRepository;
  readonly rules: RiskRulesRepository;
  readonly assessor: RiskAssessor;
  readonly intake: DeclarationIntake;
  readonly actions: QueueActions;
  readonly views: SavedViews;
  readonly uploads: ChunkedUploads;
  readonly risk: RiskAdmin;
  readonly inbox: InboxWatcher | null;

  constructor(private readonly o: QueueServiceOptions) {
    this.store = o.store;
    this.clock = o.clock;
    this.timeZone = o.timeZone;
    this.folders = queueFolders(o.dataDir, o.mode);
    this.declarations = new DeclarationsRepository(o.store, o.clock);
    this.rules = new RiskRulesRepository(o.store);
    this.assessor = new RiskAssessor(this.rules, o.clock, o.random ?? cryptoRandom(), o.timeZone);
    this.intake = new DeclarationIntake(o.store, this.declarations, this.assessor);
    this.intake.profileOptions = (via) => profileOptionsFor(o, via);
    this.actions = new QueueActions(o.store, o.clock, this.folders.outbox, (error, files) =>
      o.log.error({ err: error, files }, 'responses recorded but not written to the outbox'),
    );
    this.views = new SavedViews(o.store, o.clock);
    this.uploads = new ChunkedUploads(() => o.clock.now().getTime());
    this.risk = new RiskAdmin(o.store, this.rules, this.assessor, o.clock);
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
    const result = await this.intake.importSource(source, (p) => this.o.emitProgress(p), typeof source !== 'string' ? 'upload' : user ? 'file' : 'inbox');
    await this.store.transaction([
      auditStatement({
        at: this.clock.now(),
        actor: user ? actorOf(user) : SYSTEM_ACTOR,
        action: 'declarations.import',
        subject: result.file,
        detail: { format: result.format, imported: result.imported, rejected: result.rejected },
      }),
    ]);
    if (result.imported > 0) this.o.emitChanged({ ids: 'all' });
    return result;
  }

  async importPaths(paths: readonly string[], user: User): Promise<ImportOutput> {
    for (const path of paths) {
      const info = await stat(path).catch(() => null);
      if (!info) throw new ServiceError('NOT_FOUND', `${path} does not exist or cannot be read: check the path and the file's permissions`);
      if (!info.isFile()) throw new ServiceError('INVALID_ARGUMENT', `${path} is a folder: choose the declaration files inside it`);
    }
    const files: ImportFileResult[] = [];
    for (const path of paths) files.push(await this.importOne(path, user));
    return { files, imported: files.reduce((s, f) => s + f.imported, 0), rejected: files.reduce((s, f) => s + f.rejected, 0) };
  }

  /** Realistic declarations (demo-generator), assessed and queued like imported ones. */
  async demo(count: number, seed: number, user: User | null): Promise<number> {
    const [{ n } = { n: 0 }] = await this.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM declarations');
    const rng = new Prng(seed);
    const now = this.clock.now();
    let stored = 0;
    const BATCH = 1000;
    for (let i = 0; i < count; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => generateDeclaration(rng, Number(n) + i + j + 1, now));
      stored += await this.intake.saveDeclarations(batch, { file: `demo-${seed}`, format: 'json' });
    }
    await this.store.transaction([
      auditStatement({ at: this.clock.now(), actor: user ? actorOf(user) : null, action: 'declarations.demo', subject: null, detail: { count: stored, seed } }),
    ]);
    this.o.emitChanged({ ids: 'all' });
    return stored;
  }

  changed(ids: string[]): void {
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
