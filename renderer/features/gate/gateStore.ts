import { create } from 'zustand';
import type { GateDirection, GateEvent } from '../../../preload/contract/schemas/gate';
import type { Site } from '../../../preload/contract/schemas/site';
import { clearway } from '../../app/clearway';

export const GATE_PAGE_SIZE = 50;

export interface GateLaneOption {
  id: string;
  /** "Main gate · Lane 1 (inbound trucks)" */
  label: string;
}

export function laneOptions(site: Site | null): GateLaneOption[] {
  return (site?.gates ?? []).flatMap((gate) => gate.lanes.map((lane) => ({ id: lane.id, label: `${gate.name} · ${lane.name}` })));
}

/** The gate log as the gate screen shows it: one page, its filters, and the site's lanes. */
interface GateStore {
  site: Site | null;
  rows: GateEvent[];
  total: number;
  page: number;
  laneFilter: string | null;
  plateFilter: string;
  loading: boolean;
  loadError: unknown;
  /** The lane and direction of the last entry: the next vehicle is usually in the same lane. */
  draftLane: string | null;
  draftDirection: GateDirection;
  loadSite(): Promise<void>;
  load(): Promise<void>;
  setPage(page: number): void;
  setFilters(filters: { laneFilter?: string | null; plateFilter?: string }): void;
  setDraft(draft: { lane?: string | null; direction?: GateDirection }): void;
  record(plate: string): Promise<GateEvent>;
}

let loadSeq = 0;

export const useGate = create<GateStore>((set, get) => ({
  site: null,
  rows: [],
  total: 0,
  page: 1,
  laneFilter: null,
  plateFilter: '',
  loading: false,
  loadError: null,
  draftLane: null,
  draftDirection: 'arrival',
  async loadSite() {
    const { site } = await clearway().invoke('cw:site.get');
    const lanes = laneOptions(site);
    const draftLane = get().draftLane;
    set({ site, draftLane: draftLane && lanes.some((l) => l.id === draftLane) ? draftLane : (lanes[0]?.id ?? null) });
  },
  async load() {
    const seq = ++loadSeq;
    const { page, laneFilter, plateFilter } = get();
    set({ loading: true });
    try {
      const result = await clearway().invoke('cw:gate.list', {
        limit: GATE_PAGE_SIZE,
        offset: (page - 1) * GATE_PAGE_SIZE,
        ...(laneFilter ? { laneId: laneFilter } : {}),
        ...(plateFilter.trim() ? { plate: plateFilter.trim() } : {}),
      });
      // A slower, older answer must not overwrite a newer one.
      if (seq === loadSeq) set({ rows: result.rows, total: result.total, loading: false, loadError: null });
    } catch (error) {
      if (seq === loadSeq) set({ loading: false, loadError: error });
    }
  },
  setPage(page) {
    set({ page });
    void get().load();
  },
  setFilters(filters) {
    set({ ...filters, page: 1 });
    void get().load();
  },
  setDraft({ lane, direction }) {
    set({ ...(lane !== undefined ? { draftLane: lane } : {}), ...(direction ? { draftDirection: direction } : {}) });
  },
  async record(plate) {
    const { draftLane, draftDirection } = get();
    if (!draftLane) throw new Error('Choose the lane first.');
    return clearway().invoke('cw:gate.record', { laneId: draftLane, direction: draftDirection, plate });
  },
}));
