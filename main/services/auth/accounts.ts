import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateUserInput, Role, SetupInput, UpdateUserInput, User } from '../../../preload/contract/schemas/auth';
import { type AuditActor, auditStatement } from '../audit/audit-log';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import { SerialQueue } from '../serial-queue';
import type { Row, Statement, Store } from '../store/types';
import { hashPassword, needsRehash, type ScryptParams } from './password-hash';
import { requireRole } from './roles';

/** A user as stored, with the password hash that never leaves the services. */
export interface UserRecord extends User {
  passwordHash: string;
}

export type SetupFields = Omit<z.output<typeof SetupInput>, 'demo' | 'office'>;

const USER_COLUMNS = 'id, username, display_name, role, active, password_hash, created_at, last_login_at';

export interface AccountsOptions {
  store: Store;
  clock: Clock;
  hashParams: ScryptParams;
}

/**
 * Local officer accounts: first-run setup, supervisor administration, and the
 * rule that the workstation always keeps one active supervisor.
 */
export class Accounts {
  readonly #writes = new SerialQueue();

  private readonly store: Store;
  private readonly clock: Clock;
  private readonly hashParams: ScryptParams;

  constructor(options: AccountsOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.hashParams = options.hashParams;
  }

  /** Active people a case or declaration can be assigned to (not trainers or trainees), by display name. */
  async assignees(): Promise<{ id: string; name: string; role: string }[]> {
    const rows = await this.store.query(
      "SELECT id, display_name, role FROM users WHERE active = 1 AND role IN ('officer', 'inspector', 'supervisor') ORDER BY display_name",
    );
    return rows.map((row) => ({ id: String(row.id), name: String(row.display_name), role: String(row.role) }));
  }

  async count(): Promise<number> {
    const rows = await this.store.query('SELECT COUNT(*) AS n FROM users');
    return Number(rows[0]?.n ?? 0);
  }

  /** Creates the first supervisor; refused with SETUP_DONE once any account exists. */
  setup(input: SetupFields): Promise<UserRecord> {
    return this.#writes.run(async () => {
      if ((await this.count()) > 0) throw new ServiceError('SETUP_DONE', 'This workstation is already set up');
      const passwordHash = await hashPassword(input.password, this.hashParams);
      const user = this.#newUser({ ...input, role: 'supervisor' }, passwordHash);
      try {
        await this.store.transaction([
          insertUserStatement(user),
          // The primary key makes a second setup fail even if it raced past the count.
          { sql: "INSERT INTO profile (key, value) VALUES ('setup_at', ?)", params: [user.createdAt] },
          auditStatement({
            at: this.clock.now(),
            actor: actorOf(user),
            action: 'auth.setup',
            subject: user.id,
            detail: { username: user.username },
          }),
        ]);
      } catch (error) {
        if ((await this.count()) > 0) throw new ServiceError('SETUP_DONE', 'This workstation is already set up');
        throw error;
      }
      return user;
    });
  }

  async list(): Promise<User[]> {
    const rows = await this.store.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY display_name COLLATE NOCASE, username`);
    return rows.map((row) => toPublicUser(toUserRecord(row)));
  }

  async get(id: string): Promise<UserRecord | null> {
    const rows = await this.store.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.store.query(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`, [username.trim().toLowerCase()]);
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  create(actor: User, input: z.output<typeof CreateUserInput>): Promise<User> {
    requireRole(actor, ['supervisor']);
    return this.#writes.run(async () => {
      if (await this.findByUsername(input.username))
        throw new ServiceError('CONFLICT', `The username ${input.username} is taken`);
      const passwordHash = await hashPassword(input.password, this.hashParams);
      const user = this.#newUser(input, passwordHash);
      await this.store.transaction([
        insertUserStatement(user),
        auditStatement({
          at: this.clock.now(),
          actor: actorOf(actor),
          action: 'user.create',
          subject: user.id,
          detail: { username: user.username, role: user.role },
        }),
      ]);
      return toPublicUser(user);
    });
  }

  update(actor: User, input: z.output<typeof UpdateUserInput>): Promise<User> {
    requireRole(actor, ['supervisor']);
    return this.#writes.run(async () => {
      const current = await this.#require(input.id);
      const next = {
        displayName: input.displayName ?? current.displayName,
        role: input.role ?? current.role,
        active: input.active ?? current.active,
      };
      const losesSupervisor = current.role === 'supervisor' && current.active && (next.role !== 'supervisor' || !next.active);
      if (losesSupervisor && (await this.#activeSupervisorCount()) <= 1) {
        throw new ServiceError('FAILED_PRECONDITION', 'The last active supervisor cannot be deactivated or demoted');
      }
      if (current.id === actor.id && !next.active) {
        throw new ServiceError('FAILED_PRECONDITION', 'You cannot deactivate your own account');
      }
      const changes = diff(current, next);
      if (Object.keys(changes).length === 0) return toPublicUser(current);
      const at = this.clock.now();
      await this.store.transaction([
        {
          sql: 'UPDATE users SET display_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?',
          params: [next.displayName, next.role, next.active ? 1 : 0, at.toISOString(), current.id],
        },
        auditStatement({
          at,
          actor: actorOf(actor),
          action: 'user.update',
          subject: current.id,
          detail: { username: current.username, changes },
        }),
      ]);
      return toPublicUser({ ...current, ...next });
    });
  }

  resetPassword(actor: User, id: string, password: string): Promise<void> {
    requireRole(actor, ['supervisor']);
    return this.#writes.run(async () => {
      const user = await this.#require(id);
      await this.#setPassword(user, password, actor, 'user.resetPassword');
    });
  }

  /** The caller has already verified the current password. */
  changeOwnPassword(user: User, password: string): Promise<void> {
    return this.#writes.run(() => this.#setPassword(user, password, user, 'auth.changePassword'));
  }

  /** Statement recording a successful sign-in (to run with its audit entry). */
  lastLoginStatement(userId: string, at: Date): Statement {
    return { sql: 'UPDATE users SET last_login_at = ? WHERE id = ?', params: [at.toISOString(), userId] };
  }

  /** Re-hashes a password just verified at sign-in when its hash predates the current cost parameters. */
  async upgradeHashStatement(user: UserRecord, password: string): Promise<Statement | null> {
    if (!needsRehash(user.passwordHash, this.hashParams)) return null;
    return {
      sql: 'UPDATE users SET password_hash = ? WHERE id = ?',
      params: [await hashPassword(password, this.hashParams), user.id],
    };
  }

  async #setPassword(user: User, password: string, actor: User, action: string): Promise<void> {
    const passwordHash = await hashPassword(password, this.hashParams);
    const at = this.clock.now();
    await this.store.transaction([
      {
        sql: 'UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?',
        params: [passwordHash, at.toISOString(), user.id],
      },
      auditStatement({ at, actor: actorOf(actor), action, subject: user.id, detail: { username: user.username } }),
    ]);
  }

  async #require(id: string): Promise<UserRecord> {
    const user = await this.get(id);
    if (!user) throw new ServiceError('NOT_FOUND', 'No such user');
    return user;
  }

  async #activeSupervisorCount(): Promise<number> {
    const rows = await this.store.query("SELECT COUNT(*) AS n FROM users WHERE role = 'supervisor' AND active = 1");
    return Number(rows[0]?.n ?? 0);
  }

  #newUser(input: { username: string; displayName: string; role: Role }, passwordHash: string): UserRecord {
    return {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      active: true,
      createdAt: this.clock.now().toISOString(),
      lastLoginAt: null,
      passwordHash,
    };
  }
}

export function actorOf(user: Pick<User, 'id' | 'displayName' | 'username'>): AuditActor {
  return { id: user.id, name: `${user.displayName} (${user.username})` };
}

export function toPublicUser(record: UserRecord | User): User {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    active: record.active,
    createdAt: record.createdAt,
    lastLoginAt: record.lastLoginAt,
  };
}

export function insertUserStatement(user: UserRecord): Statement {
  return {
    sql: `INSERT INTO users (id, username, display_name, role, active, password_hash, created_at, updated_at, last_login_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      user.id,
      user.username,
      user.displayName,
      user.role,
      user.active ? 1 : 0,
      user.passwordHash,
      user.createdAt,
      user.createdAt,
      user.lastLoginAt,
    ],
  };
}

function toUserRecord(row: Row): UserRecord {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    role: String(row.role) as Role,
    active: Number(row.active) === 1,
    createdAt: String(row.created_at),
    lastLoginAt: row.last_login_at === null ? null : String(row.last_login_at),
    passwordHash: String(row.password_hash),
  };
}

function diff(
  current: UserRecord,
  next: Pick<User, 'displayName' | 'role' | 'active'>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['displayName', 'role', 'active'] as const) {
    if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
  }
  return changes;
}
