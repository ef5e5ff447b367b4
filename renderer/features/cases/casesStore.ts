import { create } from 'zustand';
import type { CaseDetail, CaseStatus, CaseSummary, SubjectKind } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';

export interface CaseFilters {
  status?: CaseStatus;
  subjectKind?: SubjectKind;
  assigneeId?: string;
  search: string;
}

export interface Assignee {
  id: string;
  name: string;
  role: string;
}

interface CasesState {
  filters: CaseFilters;
  /** Who a case can be assigned to (active officers, inspectors and supervisors). */
  assignees: Assignee[];
  list: CaseSummary[];
  selectedId: string | null;
  detail: CaseDetail | null;
  loading: boolean;
  setFilters(patch: Partial<CaseFilters>): void;
  load(): Promise<void>;
  loadAssignees(): Promise<void>;
  select(id: string | null): Promise<void>;
  /** A channel call that returns the updated case. */
  apply(next: CaseDetail): void;
}

export const useCases = create<CasesState>((set, get) => ({
  filters: { search: '' },
  list: [],
  assignees: [],
  selectedId: null,
  detail: null,
  loading: false,
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
  async load() {
    const { filters } = get();
    set({ loading: true });
    try {
      const list = await clearway().invoke('cw:cases.list', {
        status: filters.status,
        subjectKind: filters.subjectKind,
        assigneeId: filters.assigneeId,
        search: filters.search.trim() || undefined,
        limit: 500,
      });
      set({ list });
    } finally {
      set({ loading: false });
    }
  },
  async loadAssignees() {
    set({ assignees: await clearway().invoke('cw:cases.assignees', undefined) });
  },
  async select(id) {
    set({ selectedId: id, detail: null });
    if (!id) return;
    const detail = await clearway().invoke('cw:cases.get', { id });
    if (get().selectedId === id) set({ detail });
  },
  apply(next) {
    set({
      detail: next,
      list: get().list.map((c) =>
        c.id === next.id
          ? {
              ...c,
              status: next.status,
              title: next.title,
              updatedAt: next.updatedAt,
              assignee: next.assignee,
              evidenceCount: next.evidence.length,
            }
          : c,
      ),
    });
  },
}));
