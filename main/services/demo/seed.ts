import { auditStatement } from '../audit/audit-log';
import { type Accounts, insertUserStatement } from '../auth/accounts';
import { hashPassword, type ScryptParams } from '../auth/password-hash';
import type { Clock } from '../clock';
import type { Statement, Store } from '../store/types';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts';
import { demoShiftStatements } from './demo-shifts';
import { demoQueueStatements } from '../queue/demo-queue';
import { systemTimeZone } from '../queue/local-time';

/** Enough to fill a shift's queue without slowing the first start. */
const DEMO_DECLARATIONS = 400;

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
export async function seedDemo(
  store: Store,
  accounts: Pick<Accounts, 'list'>,
  clock: Clock,
  profile: DemoProfile,
): Promise<void> {
  const now = clock.now();
  const existing = new Set((await accounts.list()).map((user) => user.username));
  const people = demoAccounts(await hashPassword(DEMO_PASSWORD, profile.hashParams), now, existing);
  const onShiftDuty = people.filter((user) => ['officer', 'inspector', 'supervisor'].includes(user.role));

  const statements: Statement[] = [
    ...people.map(insertUserStatement),
    ...demoShiftStatements(onShiftDuty, profile.office, now),
    // Declarations, the starter risk configuration and some decision history (queue).
    ...demoQueueStatements(store, clock, { count: DEMO_DECLARATIONS, seed: 1, timeZone: systemTimeZone() }).statements,
    { sql: "INSERT OR REPLACE INTO profile (key, value) VALUES ('demo_seeded_at', ?)", params: [now.toISOString()] },
    auditStatement({
      at: now,
      actor: { id: 'system', name: 'Clearway' },
      action: 'demo.seed',
      subject: null,
      detail: { accounts: people.map((user) => user.username), office: profile.office },
    }),
  ];
  await store.transaction(statements);
}
