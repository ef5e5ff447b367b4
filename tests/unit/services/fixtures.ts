/** Shared set-up for the services unit tests: cheap scrypt, a fake clock, a memory store. */
import type { ScryptParams } from '../../../main/services/auth/password-hash';
import { Accounts } from '../../../main/services/auth/accounts';
import { ManualClock } from '../../../main/services/clock';
import { migrations } from '../../../main/services/migrations';
import { openMemoryStore } from './memory-store';

/** 2^10 instead of 2^17: the format and code paths are the same, the cost is not. */
export const TEST_SCRYPT: ScryptParams = { log2N: 10, r: 8, p: 1 };

export const SUPERVISOR = { username: 'supervisor.zhou', displayName: 'Zhou Qiang', password: 'correct horse battery' };

export async function freshAccounts() {
  const store = await openMemoryStore(migrations);
  const clock = new ManualClock();
  const accounts = new Accounts({ store, clock, hashParams: TEST_SCRYPT });
  return { store, clock, accounts };
}

export async function auditActions(store: { query: (sql: string) => Promise<Record<string, unknown>[]> }): Promise<string[]> {
  return (await store.query('SELECT action FROM audit ORDER BY seq')).map((row) => String(row.action));
}
