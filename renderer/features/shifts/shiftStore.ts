import { create } from 'zustand';
import type { Shift } from '../../../preload/contract/schemas/shifts';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';

interface ShiftStore {
  recent: Shift[];
  lastHandover: Shift | null;
  loading: boolean;
  load(): Promise<void>;
  start(office: string, notes?: string): Promise<Shift>;
  end(handoverNotes: string): Promise<Shift>;
}

const recentLimit = 20;

export const useShifts = create<ShiftStore>((set, get) => ({
  recent: [],
  lastHandover: null,
  loading: false,
  async load() {
    set({ loading: true });
    try {
      const api = clearway();
      const [recent, lastHandover] = await Promise.all([
        api.invoke('cw:shifts.list', { limit: recentLimit }),
        api.invoke('cw:shifts.lastHandover'),
      ]);
      set({ recent, lastHandover });
    } finally {
      set({ loading: false });
    }
  },
  async start(office, notes) {
    const shift = await clearway().invoke('cw:shifts.start', notes ? { office, notes } : { office });
    await useSession.getState().refresh();
    await get().load();
    return shift;
  },
  async end(handoverNotes) {
    const shift = await clearway().invoke('cw:shifts.end', { handoverNotes });
    await useSession.getState().refresh();
    await get().load();
    return shift;
  },
}));
