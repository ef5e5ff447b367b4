import { create } from 'zustand';
import type { AppInfo } from '../../preload/contract/schemas/app';
import type { SessionState } from '../../preload/contract/schemas/auth';
import { clearway } from './clearway';

interface SessionStore {
  session: SessionState;
  info: AppInfo;
  setSession(session: SessionState): void;
  refresh(): Promise<SessionState>;
}

export const useSession = create<SessionStore>((set, get) => ({
  session: {
    setupRequired: false,
    user: null,
    locked: false,
    shift: null,
    mode: 'live',
    stamp: { epoch: 'unknown', revision: 0 },
  },
  info: { name: 'Clearway', version: '', host: 'web', platform: '', mode: 'live', demo: false },
  setSession: (session) => set((current) => (isOlder(session, current.session) ? current : { session })),
  async refresh() {
    get().setSession(await clearway().invoke('cw:auth.state'));
    return get().session;
  },
}));

/**
 * A reply and a cw:auth.changed event can cross: the lock's reply, then the
 * sign-in's late event. The older of the two must not undo the newer.
 */
export function isOlder(next: SessionState, current: SessionState): boolean {
  return next.stamp.epoch === current.stamp.epoch && next.stamp.revision < current.stamp.revision;
}

/** What screen the session calls for: setup, login, lock or the app. */
export type Gate = 'setup' | 'login' | 'locked' | 'app';

export function gateOf(session: SessionState): Gate {
  if (session.setupRequired) return 'setup';
  if (!session.user) return 'login';
  if (session.locked) return 'locked';
  return 'app';
}
