import { Table, Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../preload/contract/schemas/shifts';
import { formatDateTime, formatDuration } from './format';
import { useShifts } from './shiftStore';

/** The last shifts at this workstation, newest first. */
export function RecentShifts() {
  const { t, i18n } = useTranslation();
  const recent = useShifts((s) => s.recent);
  const loading = useShifts((s) => s.loading);
  return (
    <Table<Shift>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={recent}
      pagination={false}
      data-testid="recent-shifts"
      locale={{ emptyText: t('shift.noShifts') }}
      columns={[
        { title: t('shift.officer'), dataIndex: 'userDisplayName' },
        { title: t('shift.office'), dataIndex: 'office' },
        { title: t('shift.started'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v, i18n.language) },
        {
          title: t('shift.state'),
          dataIndex: 'endedAt',
          render: (v: string | null) =>
            v ? (
              <Tag icon={<CheckCircleOutlined aria-hidden />}>{t('shift.ended')}</Tag>
            ) : (
              <Tag color="processing" icon={<ClockCircleOutlined aria-hidden />}>
                {t('shift.running')}
              </Tag>
            ),
        },
        {
          title: t('shift.duration'),
          key: 'duration',
          align: 'right',
          className: 'cw-num',
          render: (_: unknown, s: Shift) => formatDuration(s.startedAt, s.endedAt),
        },
        {
          title: t('shift.handoverNotes'),
          dataIndex: 'handoverNotes',
          ellipsis: true,
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}
