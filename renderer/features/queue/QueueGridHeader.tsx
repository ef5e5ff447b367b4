import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { flexRender, type Header } from '@tanstack/react-table';
import { memo } from 'react';
import type { QueueRow, QueueSort } from '../../../preload/contract/schemas/queue';
import type { QueueColumnMeta, queueFeatures } from './columns';
import { SELECT_WIDTH } from './QueueGridRow';

interface QueueGridHeaderProps {
  headers: readonly Header<typeof queueFeatures, QueueRow, unknown>[];
  sort: QueueSort;
  width: number;
  selectLabel: string;
  onSort(by: QueueColumnMeta['sortBy']): void;
}

/** The sticky column header; memoized so scrolling (which re-renders the body) leaves it alone. */
export const QueueGridHeader = memo(function QueueGridHeader({
  headers,
  sort,
  width,
  selectLabel,
  onSort,
}: QueueGridHeaderProps) {
  return (
    <div className="cw-grid-head" role="row" aria-rowindex={1} style={{ width }}>
      <div className="cw-grid-cell cw-grid-select" role="columnheader" style={{ width: SELECT_WIDTH }}>
        <span className="cw-visually-hidden">{selectLabel}</span>
      </div>
      {headers.map((header) => {
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
              <button type="button" className="cw-sort" onClick={() => onSort(meta.sortBy)} data-testid={`sort-${meta.sortBy}`}>
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
  );
});
