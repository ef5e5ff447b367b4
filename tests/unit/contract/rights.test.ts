/**
 * Every cell of the rights table against the real services: each role signs in and
 * calls every channel through the dispatcher. A call the role may make gets past
 * the access check and stops at the input check (the probe is never a valid input,
 * so nothing is changed); a call it may not make is FORBIDDEN, and a trainer or
 * trainee on a live workstation is told the channel works on live data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../../preload/contract';
import { roles, securitySettings, preferenceSettings } from '../../../preload/contract/rights';
import { defaultSettings } from '../../../preload/contract/schemas/settings';
import type { Role } from '../../../preload/contract/schemas/auth';
import { startWithRoles, type RoleServices } from '../services/signed-in-roles';
import { reviewedRights } from './rights-review';

/** Rejected by every channel's input schema (objects, undefined, arrays): reaching it proves access was granted. */
const PROBE = 'not an input';

const guarded = channelNames.filter((name) => channels[name].access !== 'public' && channels[name].access !== 'locked');

function holds(role: Role, channel: ChannelName, mode: 'live' | 'training'): boolean {
  const access = channels[channel].access as keyof typeof reviewedRights;
  const standIns: Role[] =
    mode === 'training' ? (role === 'trainer' ? ['supervisor'] : role === 'trainee' ? ['officer', 'inspector'] : []) : [];
  return [role, ...standIns].some((r) => reviewedRights[access].includes(r));
}

for (const mode of ['live', 'training'] as const) {
  describe(`every channel × role (${mode} workstation)`, { timeout: 120_000 }, () => {
    let s: RoleServices;
    beforeAll(async () => {
      s = await startWithRoles(`cw-rights-${mode}`, { mode });
    }, 120_000);
    afterAll(async () => s.cleanup());

    it.each(roles)('%s', async (role) => {
      await s.as(role);
      const cells: string[] = [];
      for (const channel of guarded) {
        const expected = holds(role, channel, mode) ? 'INVALID_ARGUMENT' : 'FORBIDDEN';
        const error = await s.call(channel, PROBE).then(
          () => null,
          (e: { code: string; message: string }) => e,
        );
        cells.push(`${channel}: ${error?.code ?? 'ok'}`);
        expect(error?.code, `${channel} as ${role} (${mode})`).toBe(expected);
        if (expected === 'FORBIDDEN' && mode === 'live' && (role === 'trainer' || role === 'trainee'))
          expect(error?.message).toMatch(/training data only/);
      }
      expect(cells).toHaveLength(guarded.length);
    });
  });
}

describe('settings that affect security', () => {
  it('are every setting that is not a preference', () => {
    expect([...securitySettings, ...preferenceSettings].sort()).toEqual(Object.keys(defaultSettings).sort());
  });
});
