import type { AppInfo, DemoAccount } from '../../../preload/contract/schemas/app';
import type { Mode } from '../../../preload/contract/schemas/common';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../demo/demo-accounts';
import type { Accounts } from '../auth/accounts';
import type { DemoProfileFlag } from '../demo/demo-profile-flag';

export interface AppIdentity {
  version: string;
  host: 'electron' | 'web';
  mode: Mode;
}

/** What the login screen and the about box show; the demo accounts only on a demo profile (which never syncs). */
export async function readAppInfo(
  accounts: Pick<Accounts, 'list'>,
  identity: AppIdentity,
  demoProfile: Pick<DemoProfileFlag, 'isDemo'>,
): Promise<AppInfo> {
  const info: AppInfo = {
    name: 'Clearway',
    version: identity.version,
    host: identity.host,
    platform: process.platform,
    mode: identity.mode,
    demo: demoProfile.isDemo,
  };
  return info.demo ? { ...info, demoAccounts: await activeDemoAccounts(accounts) } : info;
}

async function activeDemoAccounts(accounts: Pick<Accounts, 'list'>): Promise<DemoAccount[]> {
  const active = new Set((await accounts.list()).filter((user) => user.active).map((user) => user.username));
  return DEMO_PEOPLE.filter((person) => active.has(person.username)).map((person) => ({ ...person, password: DEMO_PASSWORD }));
}
