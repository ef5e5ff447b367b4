import { describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../preload/contract/schemas/auth';

// The store imports the bridge lazily through clearway(); these tests never call it.
vi.mock('../../../renderer/app/clearway', () => ({ clearway: () => ({}) }));
const { isOlder, useSession } = await import('../../../renderer/app/sessionStore');

function state(epoch: string, revision: number, locked: boolean): SessionState {
  return { setupRequired: false, user: null, locked, shift: null, mode: 'live', stamp: { epoch, revision } };
}

describe('session store', () => {
  it('keeps the lock when the sign-in’s event arrives after the lock’s reply', () => {
    const { setSession } = useSession.getState();
    setSession(state('run-1', 1, false));
    setSession(state('run-1', 2, true));
    setSession(state('run-1', 1, false));
    expect(useSession.getState().session).toMatchObject({ locked: true, stamp: { revision: 2 } });
  });

  it('takes a state of the same revision (a shift change) and any state of a restarted host', () => {
    expect(isOlder(state('run-1', 2, false), state('run-1', 2, true))).toBe(false);
    expect(isOlder(state('run-2', 0, false), state('run-1', 9, true))).toBe(false);
    expect(isOlder(state('run-1', 1, false), state('run-1', 2, true))).toBe(true);
  });
});
