import { create } from 'zustand';
import { OPEN_STATUSES, type QueueFilter, type QueueRow, type QueueSort } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { useSelection } from '../../app/selectionStore';
import { cursorReducer, initialCursor, type CursorAction, type CursorState } from './logic/keyboard';
import { PageCache } from './logic/pageCache';

export const PAGE_SIZE = 200;
/** 40 pages × 200 rows: plenty for a screen and fast scrolling back, bounded at 100k rows. */
const MAX_PAGES = 40;

export const DEFAULT_SORT: QueueSort = { by: 'priority', dir: 'asc' };
/** The queue opens on work still to do; released and cancelled declarations are one filter away. */
export const DEFAULT_FILTER: QueueFilter = { statuses: [...OPEN_STATUSES] };

/** The one page cache of the queue (rows are not React state: 100k of them would be). */
export const queueCache = new PageCache<QueueRow>({ pageSize: PAGE_SIZE, maxPages: MAX_PAGES });

interface QueueStore {
  filter: QueueFilter;
  sort: QueueSort;
  /** Rows matching the filter; null until the first answer. */
  total: number | null;
  /** Bumped when pages arrive, so the table re-reads the cache. */
  version: number;
  error: unknown;
  cursor: CursorState;
  /** Declaration shown in the detail pane. */
  openId: string | null;
  setFilter(patch: Partial<QueueFilter>): void;
  replaceQuery(filter: QueueFilter, sort: QueueSort): void;
  setSort(sort: QueueSort): void;
  /** Makes sure the rows [first, last] are fetched. */
  ensureRange(first: number, last: number): void;
  /** Fetch again; `soft` keeps the old rows on screen meanwhile. */
  refresh(soft?: boolean): Promise<void>;
  dispatch(action: CursorAction): void;
  open(id: string | null): void;
  rowAt(index: number): QueueRow | undefined;
}

/** Drops empty values so the filter sent (and saved in views) stays minimal. */
export function cleanFilter(filter: QueueFilter): QueueFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as QueueFilter;
}

export const useQueue = create<QueueStore>((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const { filter, sort } = get();
    try {
      const out = await clearway().invoke('cw:queue.list', { filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (queueCache.put(page, out.rows, generation)) {
        set((s) => ({ total: out.total, version: s.version + 1, error: null }));
      }
    } catch (error) {
      queueCache.release(page, generation);
      set({ error });
    }
  }

  return {
    filter: DEFAULT_FILTER,
    sort: DEFAULT_SORT,
    total: null,
    version: 0,
    error: null,
    cursor: initialCursor,
    openId: null,
    setFilter(patch) {
      set((s) => ({ filter: cleanFilter({ ...s.filter, ...patch }), cursor: { cursor: 0, selected: s.cursor.selected } }));
      void get().refresh();
    },
    replaceQuery(filter, sort) {
      set((s) => ({ filter: cleanFilter(filter), sort, cursor: { cursor: 0, selected: s.cursor.selected } }));
      void get().refresh();
    },
    setSort(sort) {
      set({ sort });
      void get().refresh();
    },
    ensureRange(first, last) {
      const total = get().total;
      if (total === null) return;
      const generation = queueCache.generation;
      for (const page of queueCache.claimMissing(first, last, total)) void fetchPage(page, generation);
    },
    async refresh(soft = false) {
      const generation = queueCache.invalidate(soft);
      if (!soft) set((s) => ({ version: s.version + 1 }));
      // The first page also brings the total; the table then asks for what it shows.
      const cursor = Math.max(0, get().cursor.cursor);
      const pages = new Set([0, queueCache.pageOf(cursor)]);
      for (const page of pages) queueCache.claimMissing(page * PAGE_SIZE, page * PAGE_SIZE, Number.MAX_SAFE_INTEGER);
      await Promise.all([...pages].map((page) => fetchPage(page, generation)));
      const total = get().total ?? 0;
      set((s) => ({ cursor: cursorReducer(s.cursor, { type: 'reset', total }) }));
    },
    dispatch(action) {
      set((s) => {
        const cursor = cursorReducer(s.cursor, action);
        return cursor === s.cursor ? s : { cursor };
      });
    },
    open(openId) {
      set({ openId });
      // The workstation's selection follows, so the port view (here or on a second monitor) can show it.
      if (useSelection.getState().declarationId !== openId) useSelection.getState().selectDeclaration(openId);
    },
    rowAt(index) {
      return queueCache.row(index);
    },
  };
});
