import { create } from 'zustand';
import type { AuditEntry } from '../../../preload/contract/schemas/audit';
import { clearway } from '../../app/clearway';

export const auditPageSize = 100;

interface AuditStore {
  entries: AuditEntry[];
  action: string;
  loading: boolean;
  more: boolean;
  setAction(action: string): void;
  /** Loads the newest page, or the page before `beforeSeq` appended. */
  load(beforeSeq?: number): Promise<void>;
}

export const useAudit = create<AuditStore>((set, get) => ({
  entries: [],
  action: '',
  loading: false,
  more: false,
  setAction: (action) => set({ action }),
  async load(beforeSeq) {
    set({ loading: true });
    try {
      const action = get().action.trim();
      const page = await clearway().invoke('cw:audit.list', {
        limit: auditPageSize,
        ...(beforeSeq ? { beforeSeq } : {}),
        ...(action ? { action } : {}),
      });
      set((s) => ({ entries: beforeSeq ? [...s.entries, ...page] : page, more: page.length === auditPageSize }));
    } finally {
      set({ loading: false });
    }
  },
}));
