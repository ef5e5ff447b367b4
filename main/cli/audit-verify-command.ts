/**
 * `audit verify [--data-dir <dir>] [--mode live|training] [--json]`: recomputes the
 * audit hash chain and HMACs of a Clearway profile and reports the first broken
 * entry. Exit 0 verified, 1 broken (or unreadable). Run it with the app closed:
 * it opens the profile's database like the app does (snapshot + journal replay).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { auditKeyPath, readAuditKey } from '../services/audit/audit-key';
import { AUDIT_PAGE_SQL, AUDIT_RECEIPTS_SQL, receiptFromRow, verifyAuditChain } from '../services/audit/audit-verify';
import { migrations } from '../services/migrations';
import { openStore } from '../services/store';
import { parseArgs, UsageError } from './usage';

/** Electron's userData for productName "Clearway" (the same folder serve.ts uses). */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Clearway');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Clearway');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Clearway');
}

export async function runAuditVerify(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['data-dir', 'mode'], ['json']);
  if (positionals.length > 0) throw new UsageError(`audit verify takes no positional arguments (got ${positionals.join(' ')})`);
  const dataDir = String(options.get('data-dir') ?? defaultDataDir());
  const mode = String(options.get('mode') ?? 'live');
  if (mode !== 'live' && mode !== 'training') throw new UsageError(`--mode must be live or training, got ${mode}`);
  if (!existsSync(join(dataDir, 'db')))
    throw new Error(`No Clearway database under ${dataDir}/db; pass --data-dir <profile folder>`);
  const key = readAuditKey(auditKeyPath(dataDir));
  const store = await openStore({ dir: join(dataDir, 'db'), name: mode, migrations });
  try {
    const started = performance.now();
    // Heads the hub countersigned: a rewrite before one of them is caught even when re-signed with the key.
    const receipts = (await store.query(AUDIT_RECEIPTS_SQL)).map(receiptFromRow);
    const result = await verifyAuditChain((after, limit) => store.query(AUDIT_PAGE_SQL, [after, limit]), key, receipts);
    const seconds = (performance.now() - started) / 1000;
    if (options.has('json')) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else if (result.ok) {
      process.stdout.write(
        `audit chain verified: ${result.entries} entries, head seq ${result.head?.seq ?? '-'} ${result.head?.hash ?? ''} (key ${result.keyId}, ${receipts.length} hub receipt(s) matched, ${seconds.toFixed(2)} s)\n`,
      );
    } else {
      const b = result.broken!;
      process.stdout.write(`audit chain BROKEN at seq ${b.seq} (${b.reason}): ${b.message}\n`);
      if (b.expected !== undefined) process.stdout.write(`  expected: ${b.expected}\n  found:    ${b.found ?? ''}\n`);
      process.stdout.write(`  last good entry: ${result.head ? `seq ${result.head.seq} ${result.head.hash}` : 'none'}\n`);
    }
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
