import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../preload/contract/schemas/queue';
import { queueColumns, queueFeatures, type QueueColumnMeta } from './columns';
import { gridText } from './gridText';
import { QueueGridHeader } from './QueueGridHeader';
import { LoadingRow, QueueGridRow, ROW_HEIGHT, SELECT_WIDTH, type GridColumn } from './QueueGridRow';
import { DEFAULT_SORT, useQueue } from './queueStore';

export { ROW_HEIGHT } from './QueueGridRow';

/** Rows drawn beyond each edge of the viewport. */
const OVERSCAN = 8;
/** Rows fetched ahead in both directions, so steady scrolling rarely shows a loading row. */
const FETCH_AHEAD = 100;
/** The table model only owns the columns (order, sizing, headers); rows come from the page cache. */
const NO_ROWS: QueueRow[] = [];
const NO_HEADERS: never[] = [];

/**
 * The virtualized queue: only the rows on screen (plus a margin) exist in the
 * DOM, and only their pages are fetched. TanStack Table owns the columns;
 * TanStack Virtual owns which rows are drawn.
 *
 * Rows are keyed by slot (index modulo the window size), not by declaration:
 * a row leaving at the top hands its DOM to the row entering at the bottom,
 * so a scroll step updates a few cells instead of unmounting and mounting
 * whole rows — what keeps PageDown-sized jumps cheap.
 */
export function QueueTable({ gridId }: { gridId: string }) {
  const { t, i18n } = useTranslation('queue');
  const total = useQueue((s) => s.total) ?? 0;
  const cursor = useQueue((s) => s.cursor);
  const sort = useQueue((s) => s.sort);
  const openId = useQueue((s) => s.openId);
  // Re-read the cache when pages arrive under the same window.
  useQueue((s) => s.version);
  const { ensureRange, setSort, rowAt } = useQueue.getState();
  const scroller = useRef<HTMLDivElement>(null);

  // TanStack Virtual keeps its own mutable state; the React Compiler just skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRange(Math.max(0, first - FETCH_AHEAD), last + FETCH_AHEAD);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    if (cursor.cursor >= 0) virtualizer.scrollToIndex(cursor.cursor, { align: 'auto' });
  }, [cursor.cursor, virtualizer]);

  const columns = useMemo(() => queueColumns(t), [t]);
  const text = useMemo(() => gridText(t, i18n.language), [t, i18n.language]);
  const table = useTable({ features: queueFeatures, columns, data: NO_ROWS });
  const leaves = table.getAllLeafColumns();
  const bodyColumns = useMemo<GridColumn[]>(
    () => leaves.map((c) => ({ ...(c.columnDef.meta as QueueColumnMeta), id: c.id, width: c.getSize() })),
    // The leaf columns are rebuilt only when the column definitions change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns],
  );
  // Memoized inside TanStack Table: the same array until the columns change, so the header stays put.
  const headers = table.getHeaderGroups()[0]?.headers ?? NO_HEADERS;
  const width = SELECT_WIDTH + bodyColumns.reduce((sum, c) => sum + c.width, 0);
  const selected = useMemo(() => new Set(cursor.selected), [cursor.selected]);
  const activeRow = cursor.cursor >= 0 ? rowAt(cursor.cursor) : undefined;

  const toggleSort = useCallback(
    (by: QueueColumnMeta['sortBy']) => {
      if (!by) return;
      if (sort.by !== by) setSort({ by, dir: 'asc' });
      else if (sort.dir === 'asc') setSort({ by, dir: 'desc' });
      else setSort(DEFAULT_SORT);
    },
    [sort, setSort],
  );

  const slots = Math.max(1, items.length);
  return (
    <div
      ref={scroller}
      id={gridId}
      className="cw-grid-scroll"
      role="grid"
      aria-label={t('tableLabel')}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable
      aria-activedescendant={activeRow ? `qrow-${activeRow.number}` : undefined}
      tabIndex={0}
      data-testid="queue-grid"
    >
      <QueueGridHeader headers={headers} sort={sort} width={width} selectLabel={t('col.select')} onSort={toggleSort} />
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }} role="presentation">
        {items.map((item) => {
          const data = rowAt(item.index);
          const slot = item.index % slots;
          if (!data)
            return (
              <LoadingRow key={`loading-${slot}`} index={item.index} start={item.start} width={width} label={text.loadingRow} />
            );
          return (
            <QueueGridRow
              key={slot}
              index={item.index}
              start={item.start}
              width={width}
              data={data}
              columns={bodyColumns}
              text={text}
              isCursor={item.index === cursor.cursor}
              isSelected={selected.has(data.number)}
              isOpen={data.number === openId}
              total={total}
            />
          );
        })}
      </div>
    </div>
  );
}
