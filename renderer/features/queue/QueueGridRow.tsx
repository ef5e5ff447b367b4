import { memo } from 'react';
import type { QueueRow } from '../../../preload/contract/schemas/queue';
import type { GridText } from './gridText';
import { useQueue } from './queueStore';
import type { QueueColumnMeta } from './columns';

export const ROW_HEIGHT = 30;
export const SELECT_WIDTH = 36;

/** What the body needs of a column: its id, width and cell content. */
export interface GridColumn extends QueueColumnMeta {
  id: string;
  width: number;
}

interface QueueGridRowProps {
  index: number;
  start: number;
  width: number;
  data: QueueRow;
  columns: readonly GridColumn[];
  text: GridText;
  isCursor: boolean;
  isSelected: boolean;
  isOpen: boolean;
  total: number;
}

/**
 * One drawn row. Every prop is a primitive or a reference that only changes
 * when the row's content does (cached row object, column list, words), so the
 * default shallow comparison skips every row that merely stays in view.
 */
export const QueueGridRow = memo(function QueueGridRow({
  index,
  start,
  width,
  data,
  columns,
  text,
  isCursor,
  isSelected,
  isOpen,
  total,
}: QueueGridRowProps) {
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
          aria-label={text.selectRow(data.number)}
          onChange={() => dispatch({ type: 'toggle', id: data.number })}
          onClick={(e) => e.stopPropagation()}
        />
      </div>
      {columns.map((c) => (
        <div key={c.id} role="gridcell" className={`cw-grid-cell${c.numeric ? ' cw-right' : ''}`} style={{ width: c.width }}>
          {c.body(data, text)}
        </div>
      ))}
    </div>
  );
});

/** A row whose page is still on its way. */
export const LoadingRow = memo(function LoadingRow({
  index,
  start,
  width,
  label,
}: {
  index: number;
  start: number;
  width: number;
  label: string;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="cw-grid-row cw-grid-loading"
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)`, width }}
    >
      <div role="gridcell" className="cw-grid-cell">
        {label}
      </div>
    </div>
  );
});
