import type { AppInfo, DemoAccount } from '../../../preload/contract/schemas/app';
import type { Mode } from '../../../preload/contract/schemas/common';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../demo/demo-accounts';
import type { Accounts } from '../auth/accounts';
import type { Store } from '../store/types';

export interface AppIdentity {
  version: string;
  host: 'electron' | 'web';
  mode: Mode;
}

/** What the login screen and the about box show; the demo accounts only while demo data is in this profile. */
export async function readAppInfo(store: Store, accounts: Pick<Accounts, 'list'>, identity: AppIdentity): Promise<AppInfo> {
  const info: AppInfo = {
    name: 'Clearway',
    version: identity.version,
    host: identity.host,
    platform: process.platform,
    mode: identity.mode,
    demo: await hasDemoData(store),
  };
  return info.demo ? { ...info, demoAccounts: await activeDemoAccounts(accounts) } : info;
}

export async function hasDemoData(store: Store): Promise<boolean> {
  const rows = await store.query("SELECT 1 AS present FROM profile WHERE key = 'demo_seeded_at'");
  return rows.length > 0;
}

async function activeDemoAccounts(accounts: Pick<Accounts, 'list'>): Promise<DemoAccount[]> {
  const active = new Set((await accounts.list()).filter((user) => user.active).map((user) => user.username));
  return DEMO_PEOPLE.filter((person) => active.has(person.username)).map((person) => ({ ...person, password: DEMO_PASSWORD }));
}
