/**
 * Who may call what, with the dispatcher in front of a fake host: every channel of
 * the contract has the access reviewed in rights-review.ts, and the dispatcher
 * enforces it for every session (anonymous, locked, each role, live and training).
 * tests/unit/contract/rights.test.ts runs the same cells against the real services.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, type Access, type ErrorCode } from '../../../preload/contract';
import { rightNames, rights, roles, trainingStandIns } from '../../../preload/contract/rights';
import type { Role } from '../../../preload/contract/schemas/auth';
import type { Mode } from '../../../preload/contract/schemas/common';
import type { SessionView } from '../../../main/services/handlers';
import { checkAccess, createDispatcher } from '../../../main/host/dispatch';
import { allows } from '../../../preload/contract/channel';
import { fakeServiceHost, userWithRole } from '../host/fake-service-host';
import { reviewedAccessOf, reviewedChannelAccess, reviewedRights } from './rights-review';
import { validValue } from './zod-arbitrary';

type Outcome = 'ok' | ErrorCode;

/** What a caller in this session gets from a channel with this access, by the reviewed table. */
function expectedOutcome(access: Access, session: SessionView, mode: Mode): Outcome {
  if (access === 'public') return 'ok';
  if (!session.user) return 'UNAUTHENTICATED';
  if (access === 'locked') return 'ok';
  if (session.locked) return 'LOCKED';
  const role = session.user.role;
  const holders = reviewedRights[access];
  const standIns: readonly Role[] =
    mode === 'training' && (role === 'trainer' || role === 'trainee') ? trainingStandIns[role] : [];
  return holders.includes(role) || standIns.some((r) => holders.includes(r)) ? 'ok' : 'FORBIDDEN';
}

const sessions: [string, SessionView][] = [
  ['anonymous', { user: null, locked: false }],
  ['officer (locked)', { user: userWithRole('officer'), locked: true }],
  ['supervisor (locked)', { user: userWithRole('supervisor'), locked: true }],
  ...roles.map((role): [string, SessionView] => [role, { user: userWithRole(role), locked: false }]),
];

describe('the rights table is the reviewed one', () => {
  it('every right has the roles it was reviewed with', () => {
    const actual = Object.fromEntries(rightNames.map((name) => [name, [...rights[name].roles]]));
    expect(actual, 'preload/contract/rights.ts and tests/unit/contract/rights-review.ts disagree').toEqual(reviewedRights);
  });

  it('every channel is classified once, and has the access it was reviewed with', () => {
    const listed = Object.values(reviewedChannelAccess).flat();
    expect(
      listed.filter((name, i) => listed.indexOf(name) !== i),
      'listed twice',
    ).toEqual([]);
    expect(
      listed.filter((name) => !channelNames.includes(name)),
      'not in the contract any more',
    ).toEqual([]);
    for (const channel of channelNames) {
      expect(
        channels[channel].access,
        `${channel}: classify it in tests/unit/contract/rights-review.ts under the narrowest right that works`,
      ).toBe(reviewedAccessOf(channel));
    }
  });
});

describe('access levels', () => {
  it('allows() (what screens use to leave out refused actions) agrees with the dispatcher in every cell', () => {
    for (const mode of ['live', 'training'] as const)
      for (const channel of channelNames)
        for (const [name, session] of sessions)
          expect(allows(channels[channel].access, session, mode), `${channel} as ${name} (${mode})`).toBe(
            expectedOutcome(channels[channel].access, session, mode) === 'ok',
          );
  });

  it('names the channel and the right a forbidden call needs', () => {
    const denied = checkAccess('cw:auth.listUsers', 'users.manage', { user: userWithRole('officer'), locked: false }, 'live');
    expect(denied?.code).toBe('FORBIDDEN');
    expect(denied?.message).toContain('cw:auth.listUsers');
    expect(denied?.message).toContain('users.manage');
    expect(denied?.message).toContain('supervisor');
  });

  it('tells a trainer on a live workstation why: training data only', () => {
    for (const role of ['trainer', 'trainee'] as const) {
      const denied = checkAccess('cw:queue.list', 'declarations.read', { user: userWithRole(role), locked: false }, 'live');
      expect(denied?.code).toBe('FORBIDDEN');
      expect(denied?.message).toMatch(/training data only/);
    }
  });
});

describe('the dispatcher enforces each channel’s access', () => {
  for (const mode of ['live', 'training'] as const) {
    it.each(channelNames)(`%s (${mode})`, async (channel) => {
      const spec = channels[channel];
      const [input, output] = fc.sample(
        fc.tuple(validValue(spec.input as z.ZodType), validValue(spec.output as z.ZodType)),
        1,
      )[0]!;
      for (const [name, session] of sessions) {
        const expected = expectedOutcome(spec.access, session, mode);
        const host = fakeServiceHost(session, mode);
        host.reply(channel, () => output);
        const envelope = await createDispatcher(host)(channel, input);
        expect(envelope.ok ? 'ok' : envelope.error.code, `${channel} as ${name}`).toBe(expected);
        expect(host.calls.length, `${channel} as ${name}: handler calls`).toBe(expected === 'ok' ? 1 : 0);
      }
    });
  }
});
