import { z } from 'zod';
import {
  RandomSelection,
  RandomSelectionDraft,
  RiskConfig,
  RiskProfile,
  RiskProfileDraft,
  RiskRule,
  RiskRuleDraft,
  Watchlist,
  WatchlistDraft,
} from '../../../preload/contract/schemas/risk';
import { ServiceError } from '../errors';
import type { Row, Statement, Store } from '../store/types';
import { defaultRiskConfig, STARTER_RANDOM_SELECTION_VERSION } from './default-rules';
import { RISK_TABLES } from './risk-migrations';

export interface SaveMeta {
  author: string;
  at: Date;
  /** The version the editor started from; 0 for something new. A different current version is a conflict. */
  expectedVersion: number;
}

/** Random selection is one document per database. */
const RANDOM_SELECTION_ID = 'random-selection';

interface VersionRow extends Row {
  id: string;
  version: number;
  author: string;
  updated_at: string;
  active: number;
  body: string;
}

type Kind = keyof typeof RISK_TABLES;

/**
 * Rules, profiles, watchlists and random selection stored as data. Saving never
 * overwrites: it writes the next version, in one transaction with the caller's
 * extra statements (the audit entry), so either both land or neither does.
 */
export class RiskRulesRepository {
  constructor(private readonly store: Store) {}

  async saveRule(draft: RiskRuleDraft, meta: SaveMeta, extra: readonly Statement[] = []): Promise<RiskRule> {
    const parsed = parseDraft(RiskRuleDraft, draft);
    return this.save('rule', parsed.id, parsed.active, parsed, meta, extra, RiskRule);
  }

  async saveProfile(draft: RiskProfileDraft, meta: SaveMeta, extra: readonly Statement[] = []): Promise<RiskProfile> {
    const parsed = parseDraft(RiskProfileDraft, draft);
    return this.save('profile', parsed.id, parsed.active, parsed, meta, extra, RiskProfile);
  }

  async saveWatchlist(draft: WatchlistDraft, meta: SaveMeta, extra: readonly Statement[] = []): Promise<Watchlist> {
    const parsed = parseDraft(WatchlistDraft, draft);
    return this.save('watchlist', parsed.id, parsed.active, parsed, meta, extra, Watchlist);
  }

  async saveRandomSelection(
    draft: RandomSelectionDraft,
    meta: SaveMeta,
    extra: readonly Statement[] = [],
  ): Promise<RandomSelection> {
    const parsed = parseDraft(RandomSelectionDraft, draft);
    return this.save('randomSelection', RANDOM_SELECTION_ID, true, parsed, meta, extra, RandomSelection);
  }

  currentRules(): Promise<RiskRule[]> {
    return this.current('rule', RiskRule);
  }

  currentProfiles(): Promise<RiskProfile[]> {
    return this.current('profile', RiskProfile);
  }

  currentWatchlists(): Promise<Watchlist[]> {
    return this.current('watchlist', Watchlist);
  }

  async currentRandomSelection(): Promise<RandomSelection | null> {
    return (await this.current('randomSelection', RandomSelection))[0] ?? null;
  }

  /** One exact version, e.g. to explain an old assessment. */
  async ruleVersion(id: string, version: number): Promise<RiskRule | null> {
    const rows = await this.store.query<VersionRow>(`SELECT * FROM ${RISK_TABLES.rule} WHERE id = ? AND version = ?`, [
      id,
      version,
    ]);
    return rows[0] ? decode(rows[0], RiskRule) : null;
  }

  async watchlistVersion(id: string, version: number): Promise<Watchlist | null> {
    const rows = await this.store.query<VersionRow>(`SELECT * FROM ${RISK_TABLES.watchlist} WHERE id = ? AND version = ?`, [
      id,
      version,
    ]);
    return rows[0] ? decode(rows[0], Watchlist) : null;
  }

  /** Every version of a rule, oldest first. */
  async ruleHistory(id: string): Promise<RiskRule[]> {
    const rows = await this.store.query<VersionRow>(`SELECT * FROM ${RISK_TABLES.rule} WHERE id = ? ORDER BY version`, [id]);
    return rows.map((row) => decode(row, RiskRule));
  }

  /**
   * The configuration in force (latest version of everything; inactive items included, the engine skips them).
   * Until a supervisor saves a random selection the starter one applies, so rules saved on a fresh
   * database are in force straight away and random control still runs.
   */
  async loadConfig(timeZone = 'UTC'): Promise<RiskConfig> {
    const [rules, profiles, watchlists, randomSelection] = await Promise.all([
      this.currentRules(),
      this.currentProfiles(),
      this.currentWatchlists(),
      this.currentRandomSelection(),
    ]);
    return RiskConfig.parse({
      rules,
      profiles,
      watchlists,
      randomSelection: randomSelection ?? defaultRiskConfig(timeZone).randomSelection,
      timeZone,
    });
  }

  private async save<T>(
    kind: Kind,
    id: string,
    active: boolean,
    draft: object,
    meta: SaveMeta,
    extra: readonly Statement[],
    schema: z.ZodType<T>,
  ): Promise<T> {
    const table = RISK_TABLES[kind];
    const [latest] = await this.store.query<{ version: number | null }>(
      `SELECT MAX(version) AS version FROM ${table} WHERE id = ?`,
      [id],
    );
    const current = latest?.version ?? unstoredVersion(kind);
    if (current !== meta.expectedVersion) {
      throw new ServiceError(
        'CONFLICT',
        `${kind} ${id} is at version ${current}, not ${meta.expectedVersion}: reload and edit again`,
      );
    }
    const version = current + 1;
    const updatedAt = meta.at.toISOString();
    const { id: _id, ...body } = draft as Record<string, unknown>;
    const row: VersionRow = {
      id,
      version,
      author: meta.author,
      updated_at: updatedAt,
      active: active ? 1 : 0,
      body: JSON.stringify(body),
    };
    // Validate before writing: what is stored must decode.
    const saved = decode(row, schema);
    try {
      await this.store.transaction([
        {
          sql: `INSERT INTO ${table} (id, version, author, updated_at, active, body) VALUES (?, ?, ?, ?, ?, ?)`,
          params: [row.id, row.version, row.author, row.updated_at, row.active, row.body],
        },
        ...extra,
      ]);
    } catch (error) {
      // Another save took this version between our read and our write.
      if (/UNIQUE|PRIMARY KEY/i.test(String((error as Error).message))) {
        throw new ServiceError('CONFLICT', `${kind} ${id} was changed by someone else: reload and edit again`);
      }
      throw error;
    }
    return saved;
  }

  private async current<T>(kind: Kind, schema: z.ZodType<T>): Promise<T[]> {
    const table = RISK_TABLES[kind];
    const rows = await this.store.query<VersionRow>(
      `SELECT t.* FROM ${table} t
         JOIN (SELECT id, MAX(version) AS version FROM ${table} GROUP BY id) latest
           ON latest.id = t.id AND latest.version = t.version
       ORDER BY t.id`,
    );
    return rows.map((row) => decode(row, schema));
  }
}

/**
 * The version in force when nothing is stored. Random selection is never absent:
 * loadConfig serves the starter selection (version 1) until a supervisor saves
 * one, so an editor shown that starter sends its version, and the first saved
 * selection becomes version 2. Everything else is new at version 0.
 */
function unstoredVersion(kind: Kind): number {
  return kind === 'randomSelection' ? STARTER_RANDOM_SELECTION_VERSION : 0;
}

function parseDraft<S extends z.ZodType>(schema: S, draft: unknown): z.output<S> {
  const result = schema.safeParse(draft);
  if (!result.success) {
    throw new ServiceError(
      'INVALID_ARGUMENT',
      'the risk data is not valid',
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}

function decode<T>(row: VersionRow, schema: z.ZodType<T>): T {
  const body = JSON.parse(row.body) as Record<string, unknown>;
  // Random selection has no id field: zod strips the unknown key.
  return schema.parse({ ...body, id: row.id, version: row.version, author: row.author, updatedAt: row.updated_at });
}
