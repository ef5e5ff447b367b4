import { describe, expect, it } from 'vitest';
import type { Access } from '../../../preload/contract';
import { checkAccess } from '../../../main/host/dispatch';
import { verifyPassword } from '../../../main/services/auth/password-hash';
import { ServiceError } from '../../../main/services/errors';
import type { SessionView } from '../../../main/services/handlers';
import { SUPERVISOR, auditActions, freshAccounts } from '../services/fixtures';
import { sessionOf, testUser } from '../../support/users';

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return undefined;
  } catch (error) {
    if (error instanceof ServiceError) return error.code;
    throw error;
  }
}

describe('first-run setup', () => {
  it('creates the first supervisor once and refuses afterwards with SETUP_DONE', async () => {
    const { accounts, store } = await freshAccounts();
    expect(await accounts.count()).toBe(0);
    const supervisor = await accounts.setup(SUPERVISOR);
    expect(supervisor).toMatchObject({ username: 'supervisor.zhou', role: 'supervisor', active: true });
    expect(await verifyPassword(SUPERVISOR.password, supervisor.passwordHash)).toBe(true);
    expect(await codeOf(accounts.setup({ ...SUPERVISOR, username: 'second.boss' }))).toBe('SETUP_DONE');
    expect(await accounts.count()).toBe(1);
    expect(await auditActions(store)).toEqual(['auth.setup']);
  });

  it('lets only one of two concurrent setups through', async () => {
    const { accounts } = await freshAccounts();
    const results = await Promise.allSettled([
      accounts.setup(SUPERVISOR),
      accounts.setup({ ...SUPERVISOR, username: 'other.boss' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await accounts.count()).toBe(1);
  });
});

describe('supervisor administration', () => {
  async function withSupervisor() {
    const fixture = await freshAccounts();
    const supervisor = await fixture.accounts.setup(SUPERVISOR);
    return { ...fixture, supervisor };
  }

  it('creates users with unique usernames, audited', async () => {
    const { accounts, supervisor, store } = await withSupervisor();
    const li = await accounts.create(supervisor, {
      username: 'officer.li',
      displayName: 'Li Wei',
      role: 'officer',
      password: 'officer li password',
    });
    expect(li).toMatchObject({ username: 'officer.li', role: 'officer', active: true, lastLoginAt: null });
    expect(li).not.toHaveProperty('passwordHash');
    expect(
      await codeOf(
        accounts.create(supervisor, {
          username: 'officer.li',
          displayName: 'Other Li',
          role: 'inspector',
          password: 'another password',
        }),
      ),
    ).toBe('CONFLICT');
    expect((await accounts.list()).map((u) => u.username).sort()).toEqual(['officer.li', 'supervisor.zhou']);
    expect(await auditActions(store)).toEqual(['auth.setup', 'user.create']);
  });

  it('refuses administration by anyone but a supervisor', async () => {
    const { accounts, supervisor } = await withSupervisor();
    const li = await accounts.create(supervisor, {
      username: 'officer.li',
      displayName: 'Li Wei',
      role: 'officer',
      password: 'officer li password',
    });
    expect(
      await codeOf(() =>
        accounts.create(li, { username: 'x.y.z', displayName: 'X', role: 'supervisor', password: 'some password' }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(() => accounts.update(li, { id: li.id, role: 'supervisor' }))).toBe('FORBIDDEN');
    expect(await codeOf(() => accounts.resetPassword(li, supervisor.id, 'taken over!!'))).toBe('FORBIDDEN');
  });

  it('never deactivates or demotes the last active supervisor', async () => {
    const { accounts, supervisor, store } = await withSupervisor();
    const other = await accounts.create(supervisor, {
      username: 'supervisor.two',
      displayName: 'Two',
      role: 'supervisor',
      password: 'second supervisor',
    });
    // With two supervisors, one may step down…
    expect((await accounts.update(supervisor, { id: other.id, role: 'officer' })).role).toBe('officer');
    // …but then the remaining one is the last.
    expect(await codeOf(accounts.update(supervisor, { id: supervisor.id, role: 'inspector' }))).toBe('FAILED_PRECONDITION');
    expect(await codeOf(accounts.update(supervisor, { id: supervisor.id, active: false }))).toBe('FAILED_PRECONDITION');
    expect(await accounts.get(supervisor.id)).toMatchObject({ role: 'supervisor', active: true });
    expect(await auditActions(store)).toEqual(['auth.setup', 'user.create', 'user.update']);
  });

  it('deactivates, renames and resets passwords, each audited with what changed', async () => {
    const { accounts, supervisor, store } = await withSupervisor();
    const li = await accounts.create(supervisor, {
      username: 'officer.li',
      displayName: 'Li Wei',
      role: 'officer',
      password: 'officer li password',
    });
    const updated = await accounts.update(supervisor, { id: li.id, displayName: 'Li Wei 李伟', active: false });
    expect(updated).toMatchObject({ displayName: 'Li Wei 李伟', active: false });
    await accounts.resetPassword(supervisor, li.id, 'a brand new password');
    expect(await verifyPassword('a brand new password', (await accounts.get(li.id))!.passwordHash)).toBe(true);
    const rows = await store.query("SELECT detail FROM audit WHERE action = 'user.update'");
    expect(JSON.parse(String(rows[0]!.detail)).changes).toEqual({
      displayName: { from: 'Li Wei', to: 'Li Wei 李伟' },
      active: { from: true, to: false },
    });
    expect(await codeOf(accounts.update(supervisor, { id: 'nobody', active: false }))).toBe('NOT_FOUND');
  });
});

describe('channel access (roles)', () => {
  const cases: [Access, SessionView, string | undefined][] = [
    ['public', sessionOf(null), undefined],
    ['locked', sessionOf(null), 'UNAUTHENTICATED'],
    ['locked', sessionOf(testUser('officer'), true), undefined],
    ['workstation', sessionOf(testUser('officer'), true), 'LOCKED'],
    ['workstation', sessionOf(testUser('trainee')), undefined],
    ['users.manage', sessionOf(testUser('officer')), 'FORBIDDEN'],
    ['users.manage', sessionOf(testUser('supervisor'), true), 'LOCKED'],
    ['users.manage', sessionOf(testUser('supervisor')), undefined],
    ['declarations.read', sessionOf(testUser('trainee')), 'FORBIDDEN'],
  ];
  it.each(cases)('%j for %j → %s', async (access, session, expected) => {
    expect(checkAccess('cw:app.info', access, session, 'live')?.code).toBe(expected);
  });
});
