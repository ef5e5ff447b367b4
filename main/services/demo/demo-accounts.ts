import { randomUUID } from 'node:crypto';
import type { Role } from '../../../preload/contract/schemas/auth';
import type { UserRecord } from '../auth/accounts';

/**
 * The one documented demo password. The login screen shows it while demo data is
 * present (AppInfo.demo), so anyone trying Clearway can sign in as each role.
 */
export const DEMO_PASSWORD = 'clearway-demo-2026';

/** One account per role, named like the people at a busy border post. */
export const DEMO_PEOPLE: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'officer.li', displayName: 'Li Wei 李伟', role: 'officer' },
  { username: 'officer.smith', displayName: 'Alex Smith', role: 'officer' },
  { username: 'inspector.zhang', displayName: 'Zhang Min 张敏', role: 'inspector' },
  { username: 'supervisor.huang', displayName: 'Huang Lei 黄磊', role: 'supervisor' },
  { username: 'trainer.chen', displayName: 'Chen Jing 陈静', role: 'trainer' },
  { username: 'trainee.wang', displayName: 'Wang Fang 王芳', role: 'trainee' },
];

/** Demo accounts sharing one hash of DEMO_PASSWORD (hashing it six times would add seconds to setup). */
export function demoAccounts(passwordHash: string, at: Date, existingUsernames: ReadonlySet<string>): UserRecord[] {
  return DEMO_PEOPLE.filter((person) => !existingUsernames.has(person.username)).map((person) => ({
    id: randomUUID(),
    username: person.username,
    displayName: person.displayName,
    role: person.role,
    active: true,
    createdAt: at.toISOString(),
    lastLoginAt: null,
    passwordHash,
  }));
}
