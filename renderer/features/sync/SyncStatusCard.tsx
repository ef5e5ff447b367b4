import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Tooltip, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { formatSyncTime } from './formatSyncTime';
import { SyncStateLabel } from './SyncStateLabel';
import { useSync } from './syncStore';

const numberFormat = (locale: string, n: number): string => new Intl.NumberFormat(locale).format(n);

/** Where sync stands (state, pending, last sync, conflicts) and a "Sync now" button (Alt+Shift+S). */
export function SyncStatusCard() {
  const { t, i18n } = useTranslation('sync');
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const status = useSync((s) => s.status);
  const syncing = useSync((s) => s.syncing);

  const syncNow = useCallback(async () => {
    try {
      const next = await useSync.getState().syncNow();
      if (next.lastError) notify(new Error(next.lastError), t('status.syncFailed'));
      else void message.success(t('status.synced', { count: next.pending }));
    } catch (error) {
      notify(error, t('status.syncFailed'));
    }
  }, [message, notify, t]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyS') {
        event.preventDefault();
        if (!useSync.getState().syncing) void syncNow();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [syncNow]);

  const lastSync = formatSyncTime(status?.lastSyncAt ?? null, i18n.language);
  return (
    <Card
      size="small"
      title={t('status.title')}
      data-testid="sync-status-card"
      extra={
        <Tooltip title={t('status.syncNowTip')}>
          <Button
            type="primary"
            icon={<SyncOutlined aria-hidden />}
            loading={syncing}
            disabled={!status || status.state === 'standalone'}
            onClick={() => void syncNow()}
            aria-keyshortcuts="Alt+Shift+S"
            data-testid="sync-now"
          >
            {t('status.syncNow')}
          </Button>
        </Tooltip>
      }
    >
      {status ? (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('status.state')}>
              <SyncStateLabel state={status.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('status.pending')}>
              <span className="cw-num" data-testid="sync-pending">
                {numberFormat(i18n.language, status.pending)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('status.lastSync')}>
              <span className="cw-num" data-testid="sync-last">
                {lastSync ?? t('status.never')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('status.conflicts')}>
              <span className="cw-num" data-testid="sync-open-conflicts">
                {numberFormat(i18n.language, status.openConflicts)}
              </span>
            </Descriptions.Item>
            {status.quarantined > 0 ? (
              <Descriptions.Item label={t('status.quarantined')}>
                <Typography.Text type="warning" className="cw-num" data-testid="sync-quarantined">
                  {numberFormat(i18n.language, status.quarantined)}
                </Typography.Text>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('status.clientId')}>
              {status.clientId ? (
                <Typography.Text className="cw-mono" copyable>
                  {status.clientId}
                </Typography.Text>
              ) : (
                t('status.notAssigned')
              )}
            </Descriptions.Item>
          </Descriptions>
          {status.neverSyncs ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t(`status.neverSyncs.${status.neverSyncs}.title`)}
              description={t(`status.neverSyncs.${status.neverSyncs}.hint`)}
              data-testid="sync-never"
            />
          ) : status.state === 'standalone' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('status.standaloneHint')}
            </Typography.Paragraph>
          ) : null}
          {status.lastError ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('status.lastError')}
              description={status.lastError}
              data-testid="sync-last-error"
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
