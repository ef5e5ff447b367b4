import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { QueueRow, QueueSortColumn } from '../../../preload/contract/schemas/queue';
import { aeoCell, assigneeCell, flagsCell, laneCell, slaCell, statusCell } from './gridCells';
import type { GridText } from './gridText';
import { shortTime } from './format';

export interface QueueColumnMeta {
  /** The backend's sort key, when the column sorts. */
  sortBy?: QueueSortColumn;
  numeric?: boolean;
  /**
   * The cell's content from the row itself. The virtual body draws rows straight
   * from the page cache with this, without TanStack's per-row model (rebuilding
   * row and cell objects for every visible row on every scrolled frame was the
   * grid's main script cost).
   */
  body: (row: QueueRow, text: GridText) => ReactNode;
}

/** Only column sizing: sorting and filtering happen in the services (server-side paging). */
export const queueFeatures = tableFeatures({ columnSizingFeature });

const column = createColumnHelper<typeof queueFeatures, QueueRow>();
/** Types a column's meta (TanStack leaves `meta` untyped). */
const meta = (m: QueueColumnMeta): QueueColumnMeta => m;

/**
 * The queue's columns; widths are fixed so virtualized rows line up without measuring.
 * What triage decides on comes first (lane, flags, SLA, status), so it stays in view
 * when the detail pane narrows the table; the rest is a horizontal scroll away.
 */
export function queueColumns(t: TFunction<'queue'>) {
  return column.columns([
    column.accessor('number', {
      header: () => t('col.number'),
      size: 160,
      meta: meta({ sortBy: 'number', body: (r) => <span className="cw-mono">{r.number}</span> }),
    }),
    column.accessor('lane', {
      header: () => t('col.lane'),
      size: 96,
      meta: meta({ sortBy: 'lane', body: (r, text) => laneCell(r.lane, text) }),
    }),
    column.display({ id: 'flags', header: () => t('col.flags'), size: 120, meta: meta({ body: flagsCell }) }),
    column.accessor('slaDueAt', {
      header: () => t('col.sla'),
      size: 104,
      meta: meta({ sortBy: 'slaDueAt', numeric: true, body: (r, text) => slaCell(r, text) }),
    }),
    column.accessor('status', {
      header: () => t('col.status'),
      size: 150,
      meta: meta({ sortBy: 'status', body: (r, text) => statusCell(r.status, text) }),
    }),
    column.accessor('traderName', {
      header: () => t('col.trader'),
      size: 200,
      meta: meta({
        sortBy: 'trader',
        body: (r) => (
          <span className="cw-ellipsis" title={`${r.traderName} · ${r.traderId}`}>
            {r.traderName}
          </span>
        ),
      }),
    }),
    column.accessor('aeo', {
      header: () => t('col.aeo'),
      size: 64,
      meta: meta({ sortBy: 'aeo', body: (r, text) => aeoCell(r.aeo, text) }),
    }),
    column.accessor('score', {
      header: () => t('col.score'),
      size: 64,
      meta: meta({ sortBy: 'score', numeric: true, body: (r) => <span className="cw-num">{r.score}</span> }),
    }),
    column.accessor('arrivalTime', {
      header: () => t('col.arrival'),
      size: 104,
      meta: meta({
        sortBy: 'arrivalTime',
        numeric: true,
        body: (r, text) => <span className="cw-num">{shortTime(r.arrivalTime, text.locale)}</span>,
      }),
    }),
    column.accessor('lodgementTime', {
      header: () => t('col.lodgement'),
      size: 104,
      meta: meta({
        sortBy: 'lodgementTime',
        numeric: true,
        body: (r, text) => <span className="cw-num">{shortTime(r.lodgementTime, text.locale)}</span>,
      }),
    }),
    column.accessor('assigneeName', {
      header: () => t('col.assignee'),
      size: 130,
      meta: meta({ sortBy: 'assignee', body: (r, text) => assigneeCell(r.assigneeName, text) }),
    }),
  ]);
}
