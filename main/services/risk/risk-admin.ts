/**
 * Supervisors' side of the risk configuration: versioned saves with their audit
 * entry in the same transaction (CONFLICT on a stale version), rule history,
 * and dry runs of candidate rules over recent declarations.
 */
import type { User } from '../../../preload/contract/schemas/auth';
import type { Declaration } from '../../../preload/contract/schemas/declarations';
import {
  RiskConfig,
  RiskRuleDraft,
  WatchlistDraft,
  type DryRunResult,
  type RandomSelection,
  type RandomSelectionDraft,
  type RiskProfile,
  type RiskProfileDraft,
  type RiskRule,
  type Watchlist,
} from '../../../preload/contract/schemas/risk';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import { dryRun } from './dry-run';
import type { RiskRulesRepository } from './rules-repository';
import { subjectFromDeclaration } from './subject-from-declaration';
import type { RiskSubject } from './subject';
import type { Statement, Store } from '../store/types';
import { DEFAULT_CONVERSION } from '../queue/currency';
import type { RiskAssessor } from './risk-assessor';

const DAY = 24 * 60 * 60_000;

export interface RiskAdminOptions {
  store: Store;
  repository: RiskRulesRepository;
  assessor: RiskAssessor;
  clock: Clock;
}

export class RiskAdmin {
  private readonly store: Store;
  private readonly repository: RiskRulesRepository;
  private readonly assessor: RiskAssessor;
  private readonly clock: Clock;

  constructor(options: RiskAdminOptions) {
    this.store = options.store;
    this.repository = options.repository;
    this.assessor = options.assessor;
    this.clock = options.clock;
  }

  config(): Promise<RiskConfig> {
    return this.assessor.config();
  }

  /** `also` commits with the save (a four-eyes approval's record). */
  saveRule(user: User, rule: RiskRuleDraft, expectedVersion: number, also: readonly Statement[] = []): Promise<RiskRule> {
    return this.save(user, 'rule', rule.id, expectedVersion, (meta, audit) =>
      this.repository.saveRule(rule, meta, [...audit, ...also]),
    );
  }

  saveProfile(user: User, profile: RiskProfileDraft, expectedVersion: number): Promise<RiskProfile> {
    return this.save(user, 'profile', profile.id, expectedVersion, (meta, audit) =>
      this.repository.saveProfile(profile, meta, audit),
    );
  }

  saveWatchlist(
    user: User,
    watchlist: WatchlistDraft,
    expectedVersion: number,
    also: readonly Statement[] = [],
  ): Promise<Watchlist> {
    return this.save(user, 'watchlist', watchlist.id, expectedVersion, (meta, audit) =>
      this.repository.saveWatchlist(watchlist, meta, [...audit, ...also]),
    );
  }

  saveRandomSelection(user: User, selection: RandomSelectionDraft, expectedVersion: number): Promise<RandomSelection> {
    return this.save(user, 'randomSelection', 'random-selection', expectedVersion, (meta, audit) =>
      this.repository.saveRandomSelection(selection, meta, audit),
    );
  }

  ruleHistory(id: string): Promise<RiskRule[]> {
    return this.repository.ruleHistory(id);
  }

  /** Candidate rules and watchlists replace the current ones with the same id; others are added. */
  async dryRun(rules: readonly RiskRuleDraft[], watchlists: readonly WatchlistDraft[], days: number): Promise<DryRunResult> {
    const { current, candidate } = await this.candidate(rules, watchlists);
    const now = this.clock.now();
    const rows = await this.store.query<{ body: string }>('SELECT body FROM declarations WHERE lodgement_time >= ?', [
      new Date(now.getTime() - days * DAY).toISOString(),
    ]);
    function* subjects(): Generator<RiskSubject> {
      // Bodies were validated on import; they carry their totals.
      for (const row of rows) yield subjectFromDeclaration(JSON.parse(row.body) as Declaration, DEFAULT_CONVERSION);
    }
    return dryRun({ current, candidate, subjects: subjects(), now });
  }

  /**
   * The configuration in force and the one the candidates would make (INVALID_ARGUMENT
   * when it would not hold together, e.g. a rule naming a missing profile).
   */
  async candidate(
    rules: readonly RiskRuleDraft[],
    watchlists: readonly WatchlistDraft[],
  ): Promise<{ current: RiskConfig; candidate: RiskConfig }> {
    const current = await this.assessor.config();
    const now = this.clock.now();
    const stamp = { author: 'dry-run', updatedAt: now.toISOString() };
    const merge = <T extends { id: string; version: number }>(existing: readonly T[], drafts: readonly T[]): T[] => {
      const byId = new Map(existing.map((x) => [x.id, x]));
      for (const d of drafts) byId.set(d.id, d);
      return [...byId.values()];
    };
    const versionOf = (list: readonly { id: string; version: number }[], id: string) =>
      (list.find((x) => x.id === id)?.version ?? 0) + 1;
    const candidateRules = rules.map((r) => ({ ...RiskRuleDraft.parse(r), ...stamp, version: versionOf(current.rules, r.id) }));
    const candidateWatchlists = watchlists.map((w) => ({
      ...WatchlistDraft.parse(w),
      ...stamp,
      version: versionOf(current.watchlists, w.id),
    }));
    const parsed = RiskConfig.safeParse({
      ...current,
      rules: merge(current.rules, candidateRules),
      watchlists: merge(current.watchlists, candidateWatchlists),
    });
    if (!parsed.success) {
      throw new ServiceError(
        'INVALID_ARGUMENT',
        'the candidate rules are not valid',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    return { current, candidate: parsed.data };
  }

  private async save<T>(
    user: User,
    kind: string,
    id: string,
    expectedVersion: number,
    write: (
      meta: { author: string; at: Date; expectedVersion: number },
      audit: ReturnType<typeof auditStatement>[],
    ) => Promise<T>,
  ): Promise<T> {
    const at = this.clock.now();
    const audit = auditStatement({
      at,
      actor: actorOf(user),
      action: `risk.${kind}.save`,
      subject: id,
      detail: { version: expectedVersion + 1 },
    });
    const saved = await write({ author: user.username, at, expectedVersion }, [audit]);
    this.assessor.invalidate();
    return saved;
  }
}
