import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../preload/contract';
import { addDeclarations, declaration, RULES, setup, SUPERVISOR, type Fixture } from '../queue/fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup();
});
afterEach(async () => f.close());

describe('risk administration', () => {
  it('is edited by supervisors only', () => {
    for (const name of ['cw:risk.saveRule', 'cw:risk.saveProfile', 'cw:risk.saveWatchlist', 'cw:risk.dryRun'] as const) {
      expect(channels[name].access).toBe('risk.manage');
    }
  });

  it('saves a new version with its audit entry, refuses a stale one, and assesses with the new rule at once', async () => {
    const rule = { ...RULES[1]!, lane: 'red' as const, score: 50 };
    const saved = await f.risk.admin.saveRule(SUPERVISOR, rule, 1);
    expect(saved).toMatchObject({ id: 'fruit', version: 2, author: 'supervisor.zhou', lane: 'red' });
    await expect(f.risk.admin.saveRule(SUPERVISOR, rule, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await f.store.query("SELECT subject, detail FROM audit WHERE action = 'risk.rule.save'")).toEqual([
      { subject: 'fruit', detail: '{"version":2}' },
    ]);
    expect((await f.risk.admin.ruleHistory('fruit')).map((r) => [r.version, r.lane])).toEqual([
      [1, 'yellow'],
      [2, 'red'],
    ]);
    expect((await f.risk.admin.config()).rules.find((r) => r.id === 'fruit')!.version).toBe(2);
    await addDeclarations(f, [declaration('F-1', { hs: '080510' })]);
    expect(await f.store.query("SELECT lane FROM declaration_queue WHERE number = 'F-1'")).toEqual([{ lane: 'red' }]);
  });

  it('dry-runs candidate rules over the last N days', async () => {
    await addDeclarations(f, [
      declaration('OLD', { hs: '850440', lodged: '2026-02-01T07:00:00.000Z', arrival: null }),
      declaration('N-1', { hs: '850440' }),
      declaration('N-2', { hs: '850450' }),
      declaration('N-3', { hs: '293941' }),
    ]);
    const result = await f.risk.admin.dryRun(
      [
        {
          id: 'transformers',
          name: 'Transformers (HS 8504)',
          conditions: [{ field: 'hsCode', op: 'prefix', value: '8504' }],
          lane: 'yellow',
          score: 20,
          profileId: null,
          active: true,
        },
      ],
      [],
      7,
    );
    expect(result.subjects).toBe(3);
    expect(result.ruleHits.find((r) => r.ruleId === 'transformers')).toMatchObject({ declarations: 2, ruleVersion: 1 });
    expect(result.laneMixBefore).toEqual({ green: 2, yellow: 0, blue: 0, red: 1 });
    expect(result.laneMixAfter).toEqual({ green: 0, yellow: 2, blue: 0, red: 1 });
    expect(result.laneChanged).toBe(2);
    await expect(f.risk.admin.dryRun([{ ...RULES[0]!, profileId: 'missing' }], [], 7)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
