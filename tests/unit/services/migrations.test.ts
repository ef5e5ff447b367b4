import { describe, expect, it } from 'vitest';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from './memory-store';

/**
 * Every step a released store may have applied, by version. A store records how far it
 * got by number, so a shipped step must keep its number: new steps go after these.
 */
const SHIPPED = [
  'accounts',
  'shifts',
  'audit',
  'declarations',
  'risk: versioned rules, profiles, watchlists and random selection',
  'sync: outbox, hub-confirmed replica, conflicts, blob queue, audit receipts',
  'queue: statuses, decisions, responses, saved views',
  'audit hash chain',
  'cases, evidence, chain of custody',
  'queue: narrow index for the text filter',
  'gate: event log',
  'gate: declaration plate key column',
  'cases: who closed the case, filled from the local audit log and sent to the hub',
  'declaration_reads',
  'approvals: four-eyes requests',
];

describe('service migrations', () => {
  it('keep every shipped step at its version: new ones are appended', () => {
    expect(migrations.slice(0, SHIPPED.length).map((m) => m.name)).toEqual(SHIPPED);
  });

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
    const tables = (
      await store.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    ).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['audit', 'profile', 'shifts', 'users', 'declarations', 'risk_rule_versions', 'approvals']),
    );
  });
});
