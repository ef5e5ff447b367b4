import { describe, expect, it } from 'vitest';
import { migrations } from '../../../main/services/migrations';
import { queueVersionMigrations } from '../../../main/services/queue/queue-version-migrations';
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
  'queue: declaration versions, cancelled status, manual lane, amendment events',
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

describe('the declaration versions step', () => {
  it('keeps queue rows, events and their ids, takes the manual lane from the last re-route and makes each declaration version 1', async () => {
    const at = migrations.findIndex((m) => m.name === queueVersionMigrations[0]!.name);
    const store = await openMemoryStore(migrations.slice(0, at));
    const body = JSON.stringify({ functionalReferenceId: 'OLD-1' });
    await store.transaction([
      {
        sql: `INSERT INTO declarations (number, type_code, office, lodgement_time, declarant_id, declarant_name, transport_mode, perishable, expedited, aeo,
          item_count, gross_mass_kg, customs_value_json, source_file, source_format, imported_at, body) VALUES ('OLD-1', 'IM', 'CNSZX001', 't', 'CN1', 'A', 'sea', 0, 0, 0, 1, 1, '[]', 'a.edi', 'cusdec', '2026-01-01T00:00:00.000Z', ?)`,
        params: [body],
      },
      {
        sql: `INSERT INTO declaration_queue (number, office, lodgement_time, trader_id, trader_name, aeo, perishable, expedited, priority, lane, engine_lane, score,
          hits_json, status, sla_due_at, risk_assessed_at, released_at, search_text, hs_codes) VALUES ('OLD-1', 'CNSZX001', 't', 'CN1', 'A', 0, 0, 0, 0, 'yellow', 'green', 0, '[]', 'released', 't', 't', 'r', 'old-1', ' 1')`,
      },
      {
        sql: "INSERT INTO declaration_events (number, at, kind, from_lane, to_lane) VALUES ('OLD-1', 't1', 'rerouted', 'green', 'red')",
      },
      {
        sql: "INSERT INTO declaration_events (number, at, kind, from_lane, to_lane) VALUES ('OLD-1', 't2', 'rerouted', 'red', 'yellow')",
      },
    ]);
    const events = await store.query('SELECT id, kind FROM declaration_events ORDER BY id');
    store.db.run(queueVersionMigrations[0]!.sql);
    expect(
      await store.query("SELECT status, lane, manual_lane, released_at FROM declaration_queue WHERE number = 'OLD-1'"),
    ).toEqual([{ status: 'released', lane: 'yellow', manual_lane: 'yellow', released_at: 'r' }]);
    expect(await store.query('SELECT id, kind FROM declaration_events ORDER BY id')).toEqual(events);
    expect(
      await store.query(
        'SELECT number, version, function_code, outcome, source_file, content_hash, body FROM declaration_versions',
      ),
    ).toEqual([
      { number: 'OLD-1', version: 1, function_code: '9', outcome: 'original', source_file: 'a.edi', content_hash: '', body },
    ]);
    // The rebuilt tables keep their indexes, and take the new status and event kinds.
    const indexes = (
      await store.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'declaration_queue'")
    ).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['queue_priority', 'queue_search', 'queue_status_order', 'queue_released']));
    await store.transaction([
      { sql: "UPDATE declaration_queue SET status = 'cancelled' WHERE number = 'OLD-1'" },
      { sql: "INSERT INTO declaration_events (number, at, kind, version) VALUES ('OLD-1', 't3', 'cancelled', 2)" },
    ]);
    await store.close();
  });
});
