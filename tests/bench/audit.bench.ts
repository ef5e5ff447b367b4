import { loadavg } from 'node:os';
import { AuditChain } from '../../main/services/audit/audit-chain';
import { entryHash, entryHmac, serializeEntry } from '../../main/services/audit/audit-entry-hash';
import { canonicalJson } from '../../preload/contract/canonical-json';
import { AUDIT_PAGE_SQL, verifyAuditChain } from '../../main/services/audit/audit-verify';
import { ManualClock } from '../../main/services/clock';
import { migrations } from '../../main/services/migrations';
import type { Row } from '../../main/services/store/types';
import { openMemoryStore } from '../unit/services/memory-store';

/**
 * Audit verification speed: a chain of 1,000,000 entries (sealed by the real
 * AuditChain, then linked with its hash and HMAC functions, case-like details) is recomputed
 * by verifyAuditChain: every prev_hash link, SHA-256 and HMAC. Reported twice:
 * reading pages from sql.js as `npm run cli -- audit verify` does (minus the
 * worker-thread hop), and over 100k rows already in memory (the crypto and
 * serialization alone). A tampered copy checks the verifier finds the break. The machine is shared, so the load average is printed.
 */

/** CLEARWAY_BENCH_AUDIT_ENTRIES overrides the size for a quick look. */
const ENTRIES = Number(process.env.CLEARWAY_BENCH_AUDIT_ENTRIES ?? 1_000_000);
const BATCH = 50_000;
/** Rows held in memory for the crypto-only figure and the tamper check. */
const PREFIX = 100_000;
const KEY = Buffer.alloc(32, 7);
const ACTIONS = [
  'case.open',
  'case.status',
  'case.finding',
  'case.note',
  'evidence.intake',
  'evidence.view',
  'auth.login',
  'settings.update',
];
const ACTORS = [
  { id: 'u-officer-li', name: 'Li Wei 李伟' },
  { id: 'u-inspector-wang', name: '王检查员' },
  { id: 'u-supervisor-zhou', name: 'Zhou Qiang' },
];

const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')} entries/s`;

/** Wall and CPU time of a phase: on a shared machine the CPU figure is the one that carries over. */
function phase() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (count: number) => {
    const wallMs = performance.now() - wall;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return {
      wallMs,
      text: `${(wallMs / 1000).toFixed(2)} s wall, ${rate(count, wallMs)}; ${(cpuMs / 1000).toFixed(2)} s CPU, ${rate(count, cpuMs)} per CPU-second`,
    };
  };
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const store = await openMemoryStore(migrations);
  const clock = new ManualClock('2026-03-01T00:00:00.000Z');
  const chain = await AuditChain.open(store, KEY, clock);

  // Built straight into sql.js with one prepared INSERT (hashes and HMACs from the chain's own
  // functions): going through AuditChain.wrap costs minutes per million on a loaded machine.
  const building = phase();
  let head = chain.chainHead();
  if (!head) throw new Error('AuditChain.open did not seal a genesis entry');
  // Bulk load without the secondary indexes, then rebuild them (much faster than keeping them current row by row).
  const indexes = (
    await store.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' AND sql IS NOT NULL")
  ).map((r) => String(r.sql));
  for (const name of (
    await store.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' AND sql IS NOT NULL")
  ).map((r) => String(r.name))) {
    store.db.run(`DROP INDEX ${name}`);
  }
  const insert = store.db.prepare(
    'INSERT INTO audit (seq, at, actor_id, actor_name, action, subject, detail, prev_hash, hash, hmac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const base = Date.parse('2026-03-01T00:00:00.000Z');
  while (head.seq < ENTRIES) {
    store.db.run('BEGIN');
    for (let i = 0; i < BATCH && head.seq < ENTRIES; i += 1) {
      const seq: number = head.seq + 1;
      const actor = ACTORS[seq % ACTORS.length]!;
      const fields: Parameters<typeof serializeEntry>[0] = {
        seq,
        at: new Date(base + seq * 1000).toISOString(),
        actorId: actor.id,
        actorName: actor.name,
        action: ACTIONS[seq % ACTIONS.length]!,
        subject: `case-${(seq % 5000).toString().padStart(5, '0')}`,
        detail: canonicalJson({
          itemId: `item-${seq}`,
          sha256: (seq * 2654435761).toString(16).padStart(64, '0'),
          length: seq % 977,
        }),
        prevHash: head.hash,
      };
      const serialized = serializeEntry(fields);
      const hash: string = entryHash(serialized);
      insert.run([
        seq,
        fields.at,
        fields.actorId,
        fields.actorName,
        fields.action,
        fields.subject,
        fields.detail,
        fields.prevHash,
        hash,
        entryHmac(KEY, serialized),
      ]);
      head = { seq, hash, at: fields.at };
    }
    store.db.run('COMMIT');
  }
  insert.free();
  for (const sql of indexes) store.db.run(sql);
  const total = Number((await store.query('SELECT COUNT(*) AS n FROM audit'))[0]!.n);
  console.log(`built ${total.toLocaleString('en-US')} chained entries: ${building(total).text}`);

  const verifying = phase();
  const result = await verifyAuditChain((after, limit) => store.query(AUDIT_PAGE_SQL, [after, limit]), KEY);
  if (!result.ok || result.entries !== total)
    throw new Error(`verification failed on an intact chain: ${JSON.stringify(result.broken)}`);
  console.log(`verify ${total.toLocaleString('en-US')}, paging from sql.js: ${verifying(total).text}`);

  // The crypto alone, over a prefix of the chain held in memory (a prefix from the genesis seal is a whole chain).
  const rows = await store.query(AUDIT_PAGE_SQL, [0, Math.min(total, PREFIX)]);
  const inMemory = (from: readonly Row[]) => verifyAuditChain(async (after, limit) => from.slice(after, after + limit), KEY);
  const crypto = phase();
  const again = await inMemory(rows);
  if (!again.ok) throw new Error('verification over in-memory rows failed on an intact chain');
  console.log(
    `verify ${rows.length.toLocaleString('en-US')} rows already in memory (links + SHA-256 + HMAC only): ${crypto(rows.length).text}`,
  );

  // Edit one entry's detail three quarters of the way in: the verifier must stop exactly there.
  const target = Math.floor(rows.length * 0.75);
  const tampered = rows.map((row, i) =>
    i === target - 1 ? { ...row, detail: String(row.detail).replace('"length":', '"length":1') } : row,
  );
  const broken = await inMemory(tampered);
  if (broken.ok || broken.broken?.seq !== target || broken.broken.reason !== 'hash') {
    throw new Error(`the tampered entry ${target} was not reported: ${JSON.stringify(broken.broken)}`);
  }
  console.log(`tampered entry ${target.toLocaleString('en-US')} reported as "${broken.broken.reason}"`);
  await store.close();
}

if (process.argv[1]?.endsWith('audit.bench.ts')) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
