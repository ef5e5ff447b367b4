import { Alert, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../../preload/contract/schemas/approvals';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/sessionStore';
import { useRight } from '../../app/useRight';
import { ScreenHeader } from '../shell/ScreenHeader';
import { useApprovals } from './approvalsStore';

/** Four eyes: what waits for a second supervisor, with approve and reject; the decided ones below. */
export function ApprovalsScreen() {
  const { t } = useTranslation('approvals');
  const may = useRight('approvals.decide');
  const me = useSession((s) => s.session.user?.id);
  const { pending, decided, error, load } = useApprovals();
  const [rejecting, setRejecting] = useState<Approval | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (!may) return;
    void load();
    return clearway().on('cw:approvals.changed', () => void load());
  }, [may, load]);

  if (!may)
    return (
      <section data-testid="screen-approvals">
        <ScreenHeader title={t('title')} description={t('description')} />
        <Alert type="info" showIcon message={t('supervisorsOnly')} />
      </section>
    );

  const act = async (run: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await run();
    } catch (e) {
      setFailure(e);
    }
    await load();
  };

  const columns = (withActions: boolean) => [
    { title: t('col.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{t(`kind.${kind}`)}</Tag> },
    { title: t('col.request'), dataIndex: 'summary' },
    { title: t('col.reason'), dataIndex: 'reason' },
    {
      title: t('col.requestedBy'),
      render: (_: unknown, a: Approval) => `${a.requestedBy.name} · ${new Date(a.requestedAt).toLocaleString()}`,
    },
    withActions
      ? {
          title: '',
          render: (_: unknown, a: Approval) => {
            const own = a.requestedBy.id === me;
            return (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  disabled={own}
                  title={own ? t('ownRequest') : undefined}
                  data-testid="approval-approve"
                  onClick={() => void act(() => clearway().invoke('cw:approvals.approve', { id: a.id }))}
                >
                  {t('approve')}
                </Button>
                <Button size="small" danger data-testid="approval-reject" onClick={() => setRejecting(a)}>
                  {own ? t('withdraw') : t('reject')}
                </Button>
              </Space>
            );
          },
        }
      : {
          title: t('col.decision'),
          render: (_: unknown, a: Approval) => (
            <span>
              <Tag color={a.status === 'approved' ? 'green' : 'red'}>{t(`status.${a.status}`)}</Tag>
              {a.decidedBy?.name} {a.note ? `— ${a.note}` : ''}
            </span>
          ),
        },
  ];

  return (
    <section data-testid="screen-approvals">
      <ScreenHeader title={t('title')} description={t('description')} />
      {error || failure ? (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} message={describeError(failure ?? error, t as never).message} />
      ) : null}
      <h3 className="cw-subhead">{t('pending', { count: pending.length })}</h3>
      <Table<Approval>
        size="small"
        rowKey="id"
        data-testid="approvals-pending"
        dataSource={pending}
        columns={columns(true)}
        pagination={false}
        locale={{ emptyText: t('nonePending') }}
      />
      <h3 className="cw-subhead">{t('decided')}</h3>
      <Table<Approval> size="small" rowKey="id" dataSource={decided} columns={columns(false)} pagination={false} />
      <Modal
        open={rejecting !== null}
        title={t('rejectTitle')}
        okText={t('reject')}
        okButtonProps={{ danger: true, disabled: note.trim().length === 0 }}
        onCancel={() => setRejecting(null)}
        onOk={() => {
          const target = rejecting!;
          setRejecting(null);
          void act(() => clearway().invoke('cw:approvals.reject', { id: target.id, note }));
          setNote('');
        }}
      >
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('rejectNote')} />
      </Modal>
    </section>
  );
}
