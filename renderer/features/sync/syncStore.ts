import { create } from 'zustand';
import type { QuarantinedChange, SyncConflict, SyncStatusView } from '../../../preload/contract/schemas/sync';
import { clearway } from '../../app/clearway';

interface SyncStore {
  status: SyncStatusView | null;
  conflicts: SyncConflict[];
  /** Pulled changes this workstation set aside, with the reason. */
  quarantine: QuarantinedChange[];
  /** Case reference (stable, unlike the title) by case id, so a conflict names the case the officer knows. */
  caseLabels: Record<string, string>;
  includeResolved: boolean;
  syncing: boolean;
  refresh(): Promise<void>;
  setIncludeResolved(value: boolean): Promise<void>;
  syncNow(): Promise<SyncStatusView>;
  resolve(id: string, choice: 'keep-winner' | 'take-loser'): Promise<SyncConflict>;
  setDeviceToken(token: string): Promise<SyncStatusView>;
}

/** The sync panel's view of the engine: status, conflicts and quarantined changes, reloaded after every action. */
export const useSync = create<SyncStore>((set, get) => ({
  status: null,
  conflicts: [],
  quarantine: [],
  caseLabels: {},
  includeResolved: false,
  syncing: false,
  async refresh() {
    const api = clearway();
    const [status, conflicts, quarantine] = await Promise.all([
      api.invoke('cw:sync.status'),
      api.invoke('cw:sync.conflicts', { includeResolved: get().includeResolved }),
      api.invoke('cw:sync.quarantine'),
    ]);
    set({ status, conflicts, quarantine });
    if (conflicts.some((c) => c.entity === 'case' && !(c.entityId in get().caseLabels))) {
      // Labels only: a failure leaves the ids on screen, which still identify the record.
      const cases = await api.invoke('cw:cases.list', { limit: 1000 }).catch(() => []);
      set({ caseLabels: Object.fromEntries(cases.map((c) => [c.id, c.ref])) });
    }
  },
  async setIncludeResolved(includeResolved) {
    set({ includeResolved });
    await get().refresh();
  },
  async syncNow() {
    set({ syncing: true });
    try {
      const status = await clearway().invoke('cw:sync.now');
      set({ status });
      await get().refresh();
      return status;
    } finally {
      set({ syncing: false });
    }
  },
  async resolve(id, choice) {
    const resolved = await clearway().invoke('cw:sync.resolveConflict', { id, choice });
    await get().refresh();
    return resolved;
  },
  async setDeviceToken(token) {
    const status = await clearway().invoke('cw:sync.setDeviceToken', { token });
    set({ status });
    return status;
  },
}));
