import { auditStatement } from '../audit/audit-log';
import { insertUserStatement } from '../auth/accounts';
import { hashPassword, type ScryptParams } from '../auth/password-hash';
import type { Clock } from '../clock';
import type { Statement, Store } from '../store/types';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts';
import { demoShiftStatements } from './demo-shifts';

export { DEMO_PASSWORD } from './demo-accounts';

export interface DemoProfile {
  /** The office chosen at setup: demo shifts happen there. */
  office: string;
  hashParams: ScryptParams;
}

/**
 * The single hook that fills a fresh profile with demo data (setup with
 * `demo: true`). Every area adds its own statements here, in the same
 * transaction, so a profile is either fully seeded or not at all.
 */
export async function seedDemo(store: Store, clock: Clock, profile: DemoProfile): Promise<void> {
  const now = clock.now();
  const existing = await store.query('SELECT username FROM users');
  const accounts = demoAccounts(await hashPassword(DEMO_PASSWORD, profile.hashParams), now, new Set(existing.map((row) => String(row.username))));
  const onShiftDuty = accounts.filter((user) => ['officer', 'inspector', 'supervisor'].includes(user.role));

  const statements: Statement[] = [
    ...accounts.map(insertUserStatement),
    ...demoShiftStatements(onShiftDuty, profile.office, now),
    // Declarations (declarations issue): append seedDemoDeclarations(now, …) statements here.
    { sql: "INSERT OR REPLACE INTO profile (key, value) VALUES ('demo_seeded_at', ?)", params: [now.toISOString()] },
    auditStatement({
      at: now,
      actor: { id: 'system', name: 'Clearway' },
      action: 'demo.seed',
      subject: null,
      detail: { accounts: accounts.map((user) => user.username), office: profile.office },
    }),
  ];
  await store.transaction(statements);
}
