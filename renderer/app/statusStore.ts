import { create } from 'zustand';
import type { AppStatus, Notice } from '../../preload/contract/schemas/app';

interface StatusStore {
  status: AppStatus | null;
  notices: Notice[];
  setStatus(status: AppStatus): void;
  setNotices(notices: Notice[]): void;
  addNotice(notice: Notice): void;
  removeNotice(id: string): void;
}

export const useStatus = create<StatusStore>((set) => ({
  status: null,
  notices: [],
  setStatus: (status) => set({ status }),
  setNotices: (notices) => set({ notices }),
  addNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  removeNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
