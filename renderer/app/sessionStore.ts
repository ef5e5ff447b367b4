import { create } from 'zustand';
import type { AppInfo } from '../../preload/schemas/app';
import type { SessionState } from '../../preload/schemas/auth';
import { clearway } from './clearway';


interface SessionStore {
  session: SessionState;
  info: AppInfo;
  setSession(session: SessionState): void;
  refresh(): Promise<SessionState>;
}

export const useSession = create<SessionStore>((set) => ({
  session: { setupRequired: false, user: null, locked: false, shift: null, mode: 'live' },
  info: { name: 'Clearway', version: '', host: 'web', platform: '', mode: 'live', demo: false },
  setSession: (session) => set({ session }),
  async refresh() {
    const session = await clearway().invoke('cw:auth.state');
    set({ session });
    return session;
  },
}));

/** What screen the session calls for: setup, login, lock or the app. */
export type Gate = 'setup' | 'login' | 'locked' | 'app';

export function gateOf(session: SessionState): Gate {
  if (session.setupRequired) return 'setup';
  if (!session.user) return 'login';
  if (session.locked) return 'locked';
  return 'app';
}
