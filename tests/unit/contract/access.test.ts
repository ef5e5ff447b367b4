/**
 * Who may call what. The table pins the meaning of each access level; the list
 * pins which channels are reachable before sign-in, so loosening one is a
 * visible, reviewed change rather than an accident.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, type Access, type ErrorCode } from '../../../preload/contract';
import type { SessionView } from '../../../main/services/handlers';
import { checkAccess, createDispatcher } from '../../../main/host/dispatch';
import { fakeServiceHost, userWithRole } from '../host/fake-service-host';
import { validValue } from './zod-arbitrary';

const sessions = {
  anonymous: { user: null, locked: false },
  officer: { user: userWithRole('officer'), locked: false },
  officerLocked: { user: userWithRole('officer'), locked: true },
  supervisor: { user: userWithRole('supervisor'), locked: false },
  supervisorLocked: { user: userWithRole('supervisor'), locked: true },
} satisfies Record<string, SessionView>;
type SessionName = keyof typeof sessions;

type Outcome = 'ok' | ErrorCode;
const table: { access: Access; expect: Record<SessionName, Outcome> }[] = [
  { access: 'public', expect: { anonymous: 'ok', officer: 'ok', officerLocked: 'ok', supervisor: 'ok', supervisorLocked: 'ok' } },
  {
    access: 'locked',
    expect: { anonymous: 'UNAUTHENTICATED', officer: 'ok', officerLocked: 'ok', supervisor: 'ok', supervisorLocked: 'ok' },
  },
  {
    access: 'session',
    expect: { anonymous: 'UNAUTHENTICATED', officer: 'ok', officerLocked: 'LOCKED', supervisor: 'ok', supervisorLocked: 'LOCKED' },
  },
  {
    access: ['supervisor'],
    expect: { anonymous: 'UNAUTHENTICATED', officer: 'FORBIDDEN', officerLocked: 'LOCKED', supervisor: 'ok', supervisorLocked: 'LOCKED' },
  },
  {
    access: ['officer', 'inspector'],
    expect: { anonymous: 'UNAUTHENTICATED', officer: 'ok', officerLocked: 'LOCKED', supervisor: 'FORBIDDEN', supervisorLocked: 'LOCKED' },
  },
];

describe('access levels', () => {
  for (const row of table) {
    for (const [name, expected] of Object.entries(row.expect) as [SessionName, Outcome][]) {
      it(`${JSON.stringify(row.access)} for ${name}: ${expected}`, () => {
        const denied = checkAccess('cw:app.info', row.access, sessions[name]);
        expect(denied?.code ?? 'ok').toBe(expected);
      });
    }
  }

  it('names the role a forbidden call needs', () => {
    const denied = checkAccess('cw:users.list', ['supervisor'], sessions.officer);
    expect(denied?.message).toContain('supervisor');
    expect(denied?.message).toContain('cw:users.list');
  });
});

describe('the dispatcher enforces each channel’s access', () => {
  const rowFor = (access: Access) => table.find((row) => JSON.stringify(row.access) === JSON.stringify(access));

  it.each(channelNames)('%s', async (channel) => {
    const spec = channels[channel];
    const row = rowFor(spec.access);
    // A new access shape needs its own row in the table above.
    expect(row, `no access row for ${JSON.stringify(spec.access)}`).toBeDefined();
    const [input, output] = fc.sample(fc.tuple(validValue(spec.input as z.ZodType), validValue(spec.output as z.ZodType)), 1)[0]!;

    for (const [name, expected] of Object.entries(row!.expect) as [SessionName, Outcome][]) {
      const host = fakeServiceHost(sessions[name]);
      host.reply(channel, () => output);
      const envelope = await createDispatcher(host)(channel, input);
      expect(envelope.ok ? 'ok' : envelope.error.code, `${channel} as ${name}`).toBe(expected);
      expect(host.calls.length, `${channel} as ${name}: handler calls`).toBe(expected === 'ok' ? 1 : 0);
    }
  });
});

describe('channels reachable without a full session', () => {
  it('only these are public', () => {
    expect(channelNames.filter((name) => channels[name].access === 'public').sort()).toEqual([
      'cw:app.info',
      'cw:app.notices',
      'cw:app.status',
      'cw:auth.login',
      'cw:auth.setup',
      'cw:auth.state',
      'cw:settings.get',
    ]);
  });

  it('only unlock and logout work while locked', () => {
    expect(channelNames.filter((name) => channels[name].access === 'locked').sort()).toEqual(['cw:auth.logout', 'cw:auth.unlock']);
  });

  it('account administration and the audit log need a supervisor', () => {
    for (const name of ['cw:users.list', 'cw:users.create', 'cw:users.update', 'cw:users.resetPassword', 'cw:audit.list'] as const) {
      expect(channels[name].access, name).toEqual(['supervisor']);
    }
  });
});
