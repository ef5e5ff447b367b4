import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../preload/contract/schemas/audit';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { formatDateTime } from '../shifts/format';
import { useAudit } from './auditStore';
import { ChainStateBadge } from '../cases/ChainStateBadge';

function detailText(detail: Record<string, unknown>): string {
  const entries = Object.entries(detail);
  return entries.length === 0 ? '' : entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ');
}

/** Supervisor: the append-only audit trail, newest first, filtered by action. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const notify = useErrorNotifier();
  const entries = useAudit((s) => s.entries);
  const action = useAudit((s) => s.action);
  const loading = useAudit((s) => s.loading);
  const more = useAudit((s) => s.more);

  const load = useCallback(
    (beforeSeq?: number) => {
      useAudit
        .getState()
        .load(beforeSeq)
        .catch((error: unknown) => notify(error, t('audit.loadFailed')));
    },
    [notify, t],
  );

  useEffect(() => load(), [load]);

  const oldest = entries.at(-1)?.seq;
  return (
    <Card
      size="small"
      title={t('audit.title')}
      extra={
        <Space>
          <ChainStateBadge />
          <Input.Search
            aria-label={t('audit.filter')}
            placeholder={t('audit.filterPlaceholder')}
            allowClear
            value={action}
            onChange={(e) => useAudit.getState().setAction(e.target.value)}
            onSearch={() => load()}
            style={{ width: 260 }}
          />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => load()}>
            {t('audit.refresh')}
          </Button>
        </Space>
      }
    >
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        loading={loading}
        dataSource={entries}
        pagination={false}
        data-testid="audit-table"
        locale={{ emptyText: t('audit.empty') }}
        scroll={{ y: 'calc(100vh - 300px)' }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 72, align: 'right', className: 'cw-num' },
          { title: t('audit.at'), dataIndex: 'at', width: 200, render: (v: string) => formatDateTime(v, i18n.language) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 160, render: (v: string | null) => v ?? t('audit.system') },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 180,
            render: (v: string) => <span className="cw-mono">{v}</span>,
          },
          { title: t('audit.subject'), dataIndex: 'subject', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: t('audit.detail'),
            dataIndex: 'detail',
            ellipsis: true,
            render: (v: Record<string, unknown>) => detailText(v),
          },
        ]}
      />
      {more && oldest ? (
        <Button style={{ marginTop: 8 }} onClick={() => load(oldest)} loading={loading}>
          {t('audit.older')}
        </Button>
      ) : null}
    </Card>
  );
}
