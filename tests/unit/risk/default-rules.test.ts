import { describe, expect, it } from 'vitest';
import type { RuleHit } from '../../../preload/contract/schemas/risk';
import { defaultRiskConfig } from '../../../main/services/risk/default-rules';
import { assess } from '../../../main/services/risk/engine';
import { item, NEVER, NOW, subject } from './fixtures';

describe('default rule set', () => {
  const cfg = defaultRiskConfig();
  const ruleIds = (s: Parameters<typeof assess>[0]) =>
    assess(s, cfg, { now: NOW, random: NEVER })
      .hits.filter((h): h is RuleHit => h.kind === 'rule')
      .map((h) => h.ruleId);

  it('validates', () => {
    expect(cfg.rules.length).toBeGreaterThanOrEqual(10);
  });

  it('sends precursors to red', () => {
    expect(assess(subject({ items: [item({ hsCode: '2939.41' })] }), cfg, { now: NOW, random: NEVER }).lane).toBe('red');
  });

  it('flags undervalued T-shirts and perishable fish', () => {
    expect(ruleIds(subject({ items: [item({ hsCode: '610910', customsValue: 250, grossMassKg: 100 })] }))).toEqual([
      'tshirts-undervalued',
    ]);
    expect(ruleIds(subject({ perishable: true, items: [item({ hsCode: '030389' })] }))).toEqual(['perishable-meat-fish']);
  });

  it('releases an ordinary consignment', () => {
    expect(assess(subject(), cfg, { now: NOW, random: NEVER }).lane).toBe('green');
  });

  it('matches its sample watchlists', () => {
    const result = assess(subject({ exporterName: '深圳恒通达国际贸易有限公司', vehiclePlate: '粤B 12345' }), cfg, {
      now: NOW,
      random: NEVER,
    });
    expect(result.hits.map((h) => (h.kind === 'watchlist' ? h.entryId : h.kind))).toEqual(['T-002', 'P-001']);
  });
});
