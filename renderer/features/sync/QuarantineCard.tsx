import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuarantinedChange } from '../../../preload/contract/schemas/sync';
import { shortId } from './conflictValue';
import { formatSyncTime } from './formatSyncTime';
import { useSync } from './syncStore';

/**
 * Changes pulled from the hub that this workstation did not apply (they failed
 * their schema or the database's rules). Sync went on past them; they stay
 * here, with the reason, for a supervisor to take up with the hub administrator.
 */
export function QuarantineCard() {
  const { t, i18n } = useTranslation('sync');
  const quarantine = useSync((s) => s.quarantine);
  if (quarantine.length === 0) return null;
  return (
    <Card size="small" title={t('quarantine.title')} data-testid="sync-quarantine-card">
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined aria-hidden />}
        message={t('quarantine.notice', { count: quarantine.length })}
        description={t('quarantine.help')}
        style={{ marginBottom: 12 }}
      />
      <Table<QuarantinedChange>
        size="small"
        rowKey="seq"
        dataSource={quarantine}
        pagination={quarantine.length > 10 ? { pageSize: 10 } : false}
        data-testid="sync-quarantine"
        columns={[
          {
            title: t('quarantine.seq'),
            dataIndex: 'seq',
            width: 90,
            render: (v: number) => <span className="cw-mono">{v}</span>,
          },
          {
            title: t('quarantine.record'),
            key: 'record',
            width: 200,
            render: (_v, q) => (
              <span>
                {t(`conflicts.entities.${q.entity}`, { defaultValue: q.entity })}{' '}
                <Typography.Text className="cw-mono" type="secondary" title={q.entityId}>
                  {shortId(q.entityId)}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('quarantine.from'),
            key: 'from',
            width: 180,
            render: (_v, q) => (
              <Typography.Text type="secondary" title={`${q.actorId ?? ''} / ${q.clientId}`}>
                {t('conflicts.by', {
                  actor: q.actorId ? shortId(q.actorId) : t('conflicts.unknownActor'),
                  client: shortId(q.clientId),
                })}
              </Typography.Text>
            ),
          },
          { title: t('quarantine.reason'), dataIndex: 'reason', render: (v: string) => <span className="cw-mono">{v}</span> },
          {
            title: t('quarantine.when'),
            dataIndex: 'quarantinedAt',
            width: 150,
            render: (v: string) => formatSyncTime(v, i18n.language) ?? v,
          },
        ]}
      />
    </Card>
  );
}
