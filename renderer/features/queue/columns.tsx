import { UserOutlined } from '@ant-design/icons';
import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { QueueRow, QueueSortColumn } from '../../../preload/schemas/queue';
import { AeoMark, FlagIcons } from './FlagIcons';
import { LaneTag } from './LaneTag';
import { SlaCell } from './SlaCell';
import { StatusTag } from './StatusTag';
import { shortTime } from './format';

export interface QueueColumnMeta {
  /** The backend's sort key, when the column sorts. */
  sortBy?: QueueSortColumn;
  numeric?: boolean;
}

/** Only column sizing: sorting and filtering happen in the services (server-side paging). */
export const queueFeatures = tableFeatures({ columnSizingFeature });

const column = createColumnHelper<typeof queueFeatures, QueueRow>();

/** The queue's columns; widths are fixed so virtualized rows line up without measuring. */
export function queueColumns(t: TFunction<'queue'>, locale: string) {
  return column.columns([
    column.accessor('number', {
      header: () => t('col.number'),
      size: 170,
      cell: (c) => <span className="cw-mono">{c.getValue()}</span>,
      meta: { sortBy: 'number' },
    }),
    column.accessor('arrivalTime', {
      header: () => t('col.arrival'),
      size: 104,
      cell: (c) => <span className="cw-num">{shortTime(c.getValue(), locale)}</span>,
      meta: { sortBy: 'arrivalTime', numeric: true },
    }),
    column.accessor('lodgementTime', {
      header: () => t('col.lodgement'),
      size: 104,
      cell: (c) => <span className="cw-num">{shortTime(c.getValue(), locale)}</span>,
      meta: { sortBy: 'lodgementTime', numeric: true },
    }),
    column.accessor('traderName', {
      header: () => t('col.trader'),
      size: 230,
      cell: (c) => (
        <span className="cw-ellipsis" title={`${c.row.original.traderName} · ${c.row.original.traderId}`}>
          {c.getValue()}
        </span>
      ),
      meta: { sortBy: 'trader' },
    }),
    column.accessor('aeo', { header: () => t('col.aeo'), size: 64, cell: (c) => <AeoMark aeo={c.getValue()} />, meta: { sortBy: 'aeo' } }),
    column.accessor('lane', { header: () => t('col.lane'), size: 96, cell: (c) => <LaneTag lane={c.getValue()} />, meta: { sortBy: 'lane' } }),
    column.accessor('score', {
      header: () => t('col.score'),
      size: 64,
      cell: (c) => <span className="cw-num">{c.getValue()}</span>,
      meta: { sortBy: 'score', numeric: true },
    }),
    column.display({
      id: 'flags',
      header: () => t('col.flags'),
      size: 120,
      cell: (c) => <FlagIcons perishable={c.row.original.perishable} expedited={c.row.original.expedited} />,
    }),
    column.accessor('slaDueAt', {
      header: () => t('col.sla'),
      size: 104,
      cell: (c) => <SlaCell dueAt={c.getValue()} />,
      meta: { sortBy: 'slaDueAt', numeric: true },
    }),
    column.accessor('status', { header: () => t('col.status'), size: 128, cell: (c) => <StatusTag status={c.getValue()} />, meta: { sortBy: 'status' } }),
    column.accessor('assigneeName', {
      header: () => t('col.assignee'),
      size: 130,
      cell: (c) =>
        c.getValue() ? (
          <span className="cw-ellipsis">
            <UserOutlined aria-hidden /> {c.getValue()}
          </span>
        ) : (
          <span className="cw-muted">{t('unassigned')}</span>
        ),
      meta: { sortBy: 'assignee' },
    }),
  ]);
}
