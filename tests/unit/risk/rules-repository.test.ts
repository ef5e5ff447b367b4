import { beforeEach, describe, expect, it } from 'vitest';
import type { RiskRuleDraft } from '../../../preload/contract/schemas/risk';
import { riskMigrations } from '../../../main/services/risk/risk-migrations';
import { RiskRulesRepository } from '../../../main/services/risk/rules-repository';
import { defaultRiskConfig } from '../../../main/services/risk/default-rules';
import { ServiceError } from '../../../main/services/errors';
import type { Store } from '../../../main/services/store/types';
import { openMemoryStore } from '../services/memory-store';

const draft: RiskRuleDraft = {
  id: 'precursor',
  name: 'Precursors',
  conditions: [{ field: 'hsCode', op: 'prefix', value: '2939' }],
  lane: 'red',
  score: 90,
  profileId: 'narcotics',
  active: true,
};
const meta = (expectedVersion: number, author = 'sup1') => ({ author, at: new Date('2026-03-01T08:00:00Z'), expectedVersion });
const audit = (action: string) => ({ sql: 'INSERT INTO audit (action) VALUES (?)', params: [action] });

let store: Store;
let repo: RiskRulesRepository;

beforeEach(async () => {
  store = await openMemoryStore([
    { version: 1, name: 'audit stand-in', sql: 'CREATE TABLE audit (action TEXT NOT NULL)' },
    ...riskMigrations.map((step, i) => ({ version: 2 + i, ...step })),
  ]);
  repo = new RiskRulesRepository(store);
  await repo.saveProfile({ id: 'narcotics', name: 'Narcotics', validFrom: '2026-01-01', validTo: null, active: true }, meta(0));
});

describe('risk rules repository', () => {
  it('writes a new version on every save and keeps the old ones', async () => {
    const v1 = await repo.saveRule(draft, meta(0));
    const v2 = await repo.saveRule({ ...draft, lane: 'yellow', score: 40 }, meta(1, 'sup2'));
    expect(v1).toMatchObject({ version: 1, author: 'sup1', lane: 'red', updatedAt: '2026-03-01T08:00:00.000Z', description: '' });
    expect(v2).toMatchObject({ version: 2, author: 'sup2', lane: 'yellow' });
    expect(await repo.currentRules()).toEqual([v2]);
    expect(await repo.ruleVersion('precursor', 1)).toEqual(v1);
    expect((await repo.ruleHistory('precursor')).map((r) => r.version)).toEqual([1, 2]);
  });

  it('deactivating is a new version, not a delete', async () => {
    await repo.saveRule(draft, meta(0));
    await repo.saveRule({ ...draft, active: false }, meta(1));
    expect((await repo.currentRules())[0]?.active).toBe(false);
    expect((await repo.ruleVersion('precursor', 1))?.active).toBe(true);
  });

  it('refuses a save from a stale version', async () => {
    await repo.saveRule(draft, meta(0));
    await repo.saveRule(draft, meta(1));
    await expect(repo.saveRule(draft, meta(1))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('writes the caller’s audit statement in the same transaction', async () => {
    await repo.saveRule(draft, meta(0), [audit('risk.rule.save')]);
    expect(await store.query('SELECT action FROM audit')).toEqual([{ action: 'risk.rule.save' }]);
  });

  it('rolls the rule back when the audit statement fails, and the version stays free', async () => {
    await expect(repo.saveRule(draft, meta(0), [{ sql: 'INSERT INTO no_such_table VALUES (1)' }])).rejects.toThrow();
    expect(await repo.currentRules()).toEqual([]);
    await expect(repo.saveRule(draft, meta(0))).resolves.toMatchObject({ version: 1 });
  });

  it('turns a lost race into a conflict through the primary key', async () => {
    await repo.saveRule(draft, meta(0));
    // Simulate a concurrent writer that took version 2 between the read and the write.
    const racing = new RiskRulesRepository({
      ...store,
      query: async (sql, params) => (/MAX\(version\)/.test(sql) ? [{ version: 1 }] : store.query(sql, params)),
    } as Store);
    await repo.saveRule(draft, meta(1));
    await expect(racing.saveRule(draft, meta(1))).rejects.toBeInstanceOf(ServiceError);
  });

  it('rejects invalid drafts with field paths', async () => {
    const bad = { ...draft, conditions: [{ field: 'hsCode', op: 'regex', pattern: '(a+)+' }] } as RiskRuleDraft;
    const error = await repo.saveRule(bad, meta(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).toShape()).toMatchObject({
      code: 'INVALID_ARGUMENT',
      issues: [{ path: 'conditions.0.pattern' }],
    });
  });

  it('loads a saved rule on a fresh database, with the starter random selection', async () => {
    // No random selection has ever been saved: that means the starter one, not "no configuration".
    expect(await repo.currentRandomSelection()).toBeNull();
    const saved = await repo.saveRule(draft, meta(0));
    const config = await repo.loadConfig('Asia/Shanghai');
    expect(config.rules).toEqual([saved]);
    expect(config.profiles.map((p) => p.id)).toEqual(['narcotics']);
    expect(config.randomSelection).toEqual(defaultRiskConfig('Asia/Shanghai').randomSelection);
    expect(config.timeZone).toBe('Asia/Shanghai');
  });

  it('loads a whole config with watchlists and random selection', async () => {
    await repo.saveRule(draft, meta(0));
    await repo.saveWatchlist(
      {
        id: 'plates',
        name: 'Plates',
        kind: 'plate',
        lane: 'red',
        score: 50,
        profileId: null,
        entries: [{ id: 'p', value: 'AB1', reason: 'x' }],
        active: true,
      },
      meta(0),
    );
    await repo.saveRandomSelection(
      { offices: [], defaultExpectedRate: 0.03, defaultMinimumRate: 0.01, aeoReductionFactor: 0.2, lane: 'yellow', score: 5 },
      meta(1),
    );
    const config = await repo.loadConfig('Asia/Shanghai');
    expect(config.rules.map((r) => r.id)).toEqual(['precursor']);
    expect(config.watchlists[0]).toMatchObject({ version: 1, similarityThreshold: 0.9 });
    expect(config.randomSelection).toMatchObject({
      version: 2,
      author: 'sup1',
      defaultExpectedRate: 0.03,
      defaultMinimumRate: 0.01,
    });
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect((await repo.watchlistVersion('plates', 1))?.entries).toHaveLength(1);
  });

  it('saves over the starter random selection with the version the editor was shown', async () => {
    const shown = (await repo.loadConfig()).randomSelection;
    expect(shown.version).toBe(1);
    const edit = {
      offices: [{ office: 'CNSHA001', expectedRate: 0.08, minimumRate: 0.02 }],
      defaultExpectedRate: 0.04,
      defaultMinimumRate: 0.01,
      aeoReductionFactor: 0.25,
      lane: 'yellow' as const,
      score: 12,
    };
    // 0 would claim nothing is in force, but the starter selection is.
    await expect(repo.saveRandomSelection(edit, meta(0))).rejects.toMatchObject({ code: 'CONFLICT' });
    const saved = await repo.saveRandomSelection(edit, meta(shown.version));
    expect(saved).toMatchObject({ version: 2, author: 'sup1', defaultExpectedRate: 0.04 });
    expect((await repo.loadConfig()).randomSelection).toEqual(saved);
    // A second editor still holding the starter is now stale.
    await expect(repo.saveRandomSelection(edit, meta(shown.version))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(repo.saveRandomSelection({ ...edit, score: 20 }, meta(2))).resolves.toMatchObject({ version: 3, score: 20 });
  });
});
