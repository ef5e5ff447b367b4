/**
 * Users and sessions for tests, built one way: a full `User` from a role, its row in
 * the users table, and the `SessionView` a host checks access against.
 */
import type { Role, User } from '../../preload/contract/schemas/auth';
import type { SessionView } from '../../main/services/handlers';
import type { Statement, Store } from '../../main/services/store/types';

/**
 * A valid, active account of this role that has never signed in. Defaults derive from the
 * role (`u-officer`, `officer.test`, `Test officer`); pass overrides for what a test asserts on.
 */
export function testUser(role: Role, overrides: Partial<Omit<User, 'role'>> = {}): User {
  return {
    id: `u-${role}`,
    username: `${role}.test`,
    displayName: `Test ${role}`,
    role,
    active: true,
    createdAt: '2026-01-01T08:00:00.000Z',
    lastLoginAt: null,
    ...overrides,
  };
}

/**
 * The INSERTs for these users' rows, for a test that must commit them in one transaction
 * with other statements. The password hash is a placeholder: these accounts cannot sign in.
 */
export function userStatements(users: readonly User[]): Statement[] {
  return users.map((user) => ({
    sql: `INSERT INTO users (id, username, display_name, role, active, password_hash, created_at, updated_at, last_login_at)
          VALUES (?, ?, ?, ?, ?, 'x', ?, ?, ?)`,
    params: [
      user.id,
      user.username,
      user.displayName,
      user.role,
      user.active ? 1 : 0,
      user.createdAt,
      user.createdAt,
      user.lastLoginAt,
    ],
  }));
}

/** Inserts the users' rows (see userStatements) in one transaction. */
export async function insertUsers(store: Pick<Store, 'transaction'>, users: readonly User[]): Promise<void> {
  if (users.length > 0) await store.transaction(userStatements(users));
}

/** The session a host reports: signed out for `null`, else this user, unlocked unless `locked`. */
export function sessionOf(user: User | null, locked = false): SessionView {
  return { user, locked };
}
