import { create } from 'zustand';
import type { Approval } from '../../../preload/contract/schemas/approvals';
import { clearway } from '../../app/clearway';

interface ApprovalsStore {
  pending: Approval[];
  decided: Approval[];
  /** The pending count for the nav badge (also pushed by cw:approvals.changed). */
  count: number;
  error: unknown;
  load(): Promise<void>;
  setCount(count: number): void;
}

/** Four-eyes requests for supervisors: pending first, then the latest decided ones. */
export const useApprovals = create<ApprovalsStore>((set) => ({
  pending: [],
  decided: [],
  count: 0,
  error: null,
  async load() {
    try {
      const [pending, decided] = await Promise.all([
        clearway().invoke('cw:approvals.list', { status: 'pending' }),
        clearway().invoke('cw:approvals.list', { status: 'decided', limit: 50 }),
      ]);
      set({ pending, decided, count: pending.length, error: null });
    } catch (error) {
      set({ error });
    }
  },
  setCount: (count) => set({ count }),
}));
