import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { flexRender, useTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../preload/schemas/queue';
import type { queueFeatures as QueueFeatures } from './columns';
import { queueColumns, queueFeatures, type QueueColumnMeta } from './columns';
import { DEFAULT_SORT, useQueue } from './queueStore';

export const ROW_HEIGHT = 30;
const SELECT_WIDTH = 36;

interface RowViewProps {
  index: number;
  start: number;
  width: number;
  data: QueueRow;
  row: Row<typeof QueueFeatures, QueueRow>;
  isCursor: boolean;
  isSelected: boolean;
  isOpen: boolean;
  total: number;
  selectLabel: string;
}

/**
 * One drawn row. Memoized on the cached row object and its flags (not on
 * TanStack's row wrapper, which is rebuilt whenever the window moves), so while
 * scrolling only the rows coming into view render.
 */
const RowView = memo(
  function RowView({ index, start, width, data, row, isCursor, isSelected, isOpen, total, selectLabel }: RowViewProps) {
    const { dispatch, open } = useQueue.getState();
    return (
      <div
        id={`qrow-${data.number}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isSelected}
        aria-current={isOpen ? 'true' : undefined}
        data-number={data.number}
        data-cursor={isCursor || undefined}
        className={`cw-grid-row${isCursor ? ' cw-cursor' : ''}${isSelected ? ' cw-selected' : ''}${isOpen ? ' cw-open' : ''}`}
        style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)`, width }}
        onClick={() => dispatch({ type: 'set', index, total })}
        onDoubleClick={() => open(data.number)}
      >
        <div role="gridcell" className="cw-grid-cell cw-grid-select" style={{ width: SELECT_WIDTH }}>
          <input
            type="checkbox"
            checked={isSelected}
            tabIndex={-1}
            aria-label={selectLabel}
            onChange={() => dispatch({ type: 'toggle', id: data.number })}
            onClick={(e) => e.stopPropagation()}
          />
        </div>
        {row.getAllCells().map((cell) => {
          const meta = cell.column.columnDef.meta as QueueColumnMeta | undefined;
          return (
            <div key={cell.id} role="gridcell" className={`cw-grid-cell${meta?.numeric ? ' cw-right' : ''}`} style={{ width: cell.column.getSize() }}>
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </div>
          );
        })}
      </div>
    );
  },
  (a, b) =>
    a.data === b.data &&
    a.index === b.index &&
    a.start === b.start &&
    a.width === b.width &&
    a.isCursor === b.isCursor &&
    a.isSelected === b.isSelected &&
    a.isOpen === b.isOpen &&
    a.total === b.total &&
    a.selectLabel === b.selectLabel &&
    a.row.getAllCells()[0]?.column === b.row.getAllCells()[0]?.column,
);

/**
 * The virtualized queue: only the rows on screen (plus a margin) exist in the
 * DOM, and only their pages are fetched. TanStack Table owns the columns;
 * TanStack Virtual owns which rows are drawn.
 */
export function QueueTable({ gridId }: { gridId: string }) {
  const { t, i18n } = useTranslation('queue');
  const total = useQueue((s) => s.total) ?? 0;
  const cursor = useQueue((s) => s.cursor);
  const sort = useQueue((s) => s.sort);
  const openId = useQueue((s) => s.openId);
  const { ensureRange, setSort, rowAt } = useQueue.getState();
  const scroller = useRef<HTMLDivElement>(null);

  // TanStack Virtual keeps its own mutable state; the React Compiler just skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    // Fetch a page ahead in both directions, so steady scrolling rarely shows empty rows.
    if (last >= 0) ensureRange(Math.max(0, first - 100), last + 100);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    if (cursor.cursor >= 0) virtualizer.scrollToIndex(cursor.cursor, { align: 'auto' });
  }, [cursor.cursor, virtualizer]);

  const version = useQueue((s) => s.version);
  const data = useMemo(() => {
    const rows: QueueRow[] = [];
    for (let i = first; i <= last; i++) {
      const row = rowAt(i);
      if (row) rows.push(row);
    }
    return rows;
    // `version` says the cache changed under the same window.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, last, version, rowAt]);

  const columns = useMemo(() => queueColumns(t, i18n.language), [t, i18n.language]);
  const table = useTable({ features: queueFeatures, columns, data, getRowId: (row) => row.number });
  const byNumber = new Map(table.getRowModel().rows.map((r) => [r.id, r]));
  const width = SELECT_WIDTH + table.getAllLeafColumns().reduce((sum, c) => sum + c.getSize(), 0);
  const selected = new Set(cursor.selected);
  const activeRow = cursor.cursor >= 0 ? rowAt(cursor.cursor) : undefined;

  function toggleSort(by: QueueColumnMeta['sortBy']) {
    if (!by) return;
    if (sort.by !== by) setSort({ by, dir: 'asc' });
    else if (sort.dir === 'asc') setSort({ by, dir: 'desc' });
    else setSort(DEFAULT_SORT);
  }

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
      <div className="cw-grid-head" role="row" aria-rowindex={1} style={{ width }}>
        <div className="cw-grid-cell cw-grid-select" role="columnheader" style={{ width: SELECT_WIDTH }}>
          <span className="cw-visually-hidden">{t('col.select')}</span>
        </div>
        {table.getHeaderGroups()[0]?.headers.map((header) => {
          const meta = header.column.columnDef.meta as QueueColumnMeta | undefined;
          const active = meta?.sortBy !== undefined && sort.by === meta.sortBy;
          return (
            <div
              key={header.id}
              role="columnheader"
              className={`cw-grid-cell${meta?.numeric ? ' cw-right' : ''}`}
              style={{ width: header.getSize() }}
              aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {meta?.sortBy ? (
                <button type="button" className="cw-sort" onClick={() => toggleSort(meta.sortBy)} data-testid={`sort-${meta.sortBy}`}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {active ? sort.dir === 'asc' ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden /> : null}
                </button>
              ) : (
                flexRender(header.column.columnDef.header, header.getContext())
              )}
            </div>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }} role="presentation">
        {items.map((item) => {
          const data = rowAt(item.index);
          const row = data ? byNumber.get(data.number) : undefined;
          const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, width };
          if (!data || !row) {
            return (
              <div key={`loading-${item.index}`} role="row" aria-rowindex={item.index + 2} className="cw-grid-row cw-grid-loading" style={style}>
                <div role="gridcell" className="cw-grid-cell">
                  {t('loadingRow')}
                </div>
              </div>
            );
          }
          return (
            <RowView
              key={data.number}
              index={item.index}
              start={item.start}
              width={width}
              data={data}
              row={row}
              isCursor={item.index === cursor.cursor}
              isSelected={selected.has(data.number)}
              isOpen={data.number === openId}
              total={total}
              selectLabel={t('selectRow', { number: data.number })}
            />
          );
        })}
      </div>
    </div>
  );
}
