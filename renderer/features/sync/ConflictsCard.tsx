import { CheckOutlined, CheckCircleOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../preload/contract/schemas/sync';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { conflictValueText, shortId } from './conflictValue';
import { formatSyncTime } from './formatSyncTime';
import { useSync } from './syncStore';

function ValueCell({ value, actor, client, at }: { value: unknown; actor: string | null; client: string; at: string }) {
  const { t, i18n } = useTranslation('sync');
  const text = conflictValueText(value);
  return (
    <div>
      <Typography.Text className="cw-mono" strong>
        {text ?? t('conflicts.empty_value')}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">
          <span title={`${actor ?? ''} / ${client}`}>
            {t('conflicts.by', { actor: actor ? shortId(actor) : t('conflicts.unknownActor'), client: shortId(client) })}
          </span>{' '}
          · {t('conflicts.at', { time: formatSyncTime(at, i18n.language) ?? at })}
        </Typography.Text>
      </div>
    </div>
  );
}

/** Concurrent edits the hub's order settled: both values side by side, decided here (keep, or take the other). */
export function ConflictsCard() {
  const { t, i18n } = useTranslation('sync');
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const conflicts = useSync((s) => s.conflicts);
  const caseLabels = useSync((s) => s.caseLabels);
  const includeResolved = useSync((s) => s.includeResolved);
  const [busy, setBusy] = useState<string | null>(null);

  async function resolve(id: string, choice: 'keep-winner' | 'take-loser') {
    setBusy(id);
    try {
      await useSync.getState().resolve(id, choice);
      void message.success(t('conflicts.resolvedMessage'));
    } catch (error) {
      notify(error, t('conflicts.resolveFailed'));
    } finally {
      setBusy(null);
    }
  }

  const entityLabel = (entity: string): string => t(`conflicts.entities.${entity}`, { defaultValue: entity });
  return (
    <Card
      size="small"
      title={t('conflicts.title')}
      data-testid="sync-conflicts-card"
      extra={
        <label>
          <Space size={6}>
            <Switch
              size="small"
              checked={includeResolved}
              onChange={(value) =>
                void useSync
                  .getState()
                  .setIncludeResolved(value)
                  .catch((error: unknown) => notify(error, t('status.loadFailed')))
              }
              data-testid="sync-show-resolved"
            />
            {t('conflicts.showResolved')}
          </Space>
        </label>
      }
    >
      <Typography.Paragraph type="secondary">{t('conflicts.help')}</Typography.Paragraph>
      <Table<SyncConflict>
        size="small"
        rowKey="id"
        dataSource={conflicts}
        pagination={false}
        data-testid="sync-conflicts"
        locale={{ emptyText: <span style={{ color: 'var(--ant-color-text)' }}>{t('conflicts.empty')}</span> }}
        columns={[
          {
            title: t('conflicts.entity'),
            key: 'entity',
            width: 220,
            render: (_v, c) => (
              <span>
                {entityLabel(c.entity)}{' '}
                {caseLabels[c.entityId] && c.entity === 'case' ? (
                  <span title={c.entityId}>{caseLabels[c.entityId]}</span>
                ) : (
                  <Typography.Text className="cw-mono" type="secondary" title={c.entityId}>
                    {shortId(c.entityId)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('conflicts.field'),
            dataIndex: 'field',
            width: 130,
            render: (v: string) => <span className="cw-mono">{v}</span>,
          },
          {
            title: t('conflicts.kept'),
            key: 'kept',
            render: (_v, c) => <ValueCell value={c.winnerValue} actor={c.winnerActor} client={c.winnerClient} at={c.winnerAt} />,
          },
          {
            title: t('conflicts.other'),
            key: 'other',
            render: (_v, c) => <ValueCell value={c.loserValue} actor={c.loserActor} client={c.loserClient} at={c.loserAt} />,
          },
          {
            title: t('conflicts.actions'),
            key: 'actions',
            width: 230,
            render: (_v, c) =>
              c.resolvedAt ? (
                <span data-testid="conflict-resolved">
                  <CheckCircleOutlined aria-hidden />{' '}
                  {t(c.resolution === 'took-loser' ? 'conflicts.resolvedTook' : 'conflicts.resolvedKept')}
                  <div>
                    <Typography.Text type="secondary">
                      {t('conflicts.resolvedBy', {
                        who: c.resolvedBy ? shortId(c.resolvedBy) : t('conflicts.unknownActor'),
                        time: formatSyncTime(c.resolvedAt, i18n.language) ?? c.resolvedAt,
                      })}
                    </Typography.Text>
                  </div>
                </span>
              ) : (
                <Space size={4}>
                  <Tooltip title={t('conflicts.keepTip')}>
                    <Button
                      size="small"
                      icon={<CheckOutlined aria-hidden />}
                      loading={busy === c.id}
                      disabled={busy !== null}
                      onClick={() => void resolve(c.id, 'keep-winner')}
                    >
                      {t('conflicts.keep')}
                    </Button>
                  </Tooltip>
                  <Tooltip title={t('conflicts.takeTip')}>
                    <Button
                      size="small"
                      icon={c.loserValue === null ? <RollbackOutlined aria-hidden /> : <SwapOutlined aria-hidden />}
                      disabled={busy !== null}
                      onClick={() => void resolve(c.id, 'take-loser')}
                    >
                      {t('conflicts.take')}
                    </Button>
                  </Tooltip>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
