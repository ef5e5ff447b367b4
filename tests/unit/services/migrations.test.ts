import { describe, expect, it } from 'vitest';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from './memory-store';

describe('service migrations', () => {
  it('are numbered 1…n without gaps and uniquely named', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('are deterministic SQL (the journal replays them): no random() or current time', () => {
    for (const migration of migrations) {
      expect(migration.sql).not.toMatch(/random\s*\(|'now'|current_(timestamp|date|time)/i);
    }
  });

  it('build the foundation tables and those of every area', async () => {
    const store = await openMemoryStore(migrations);
    const tables = (await store.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['audit', 'profile', 'shifts', 'users', 'declarations', 'risk_rule_versions']));
  });
});
