import { CheckCircleOutlined, EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../preload/contract/schemas/auth';
import { useSession } from '../../app/sessionStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { formatDateTime } from '../shifts/format';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserDialog } from './UserDialog';
import { useUsers } from './usersStore';

/** Supervisor: accounts of this workstation. */
export function UsersPanel() {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const me = useSession((s) => s.session.user);
  const users = useUsers((s) => s.users);
  const loading = useUsers((s) => s.loading);
  const notify = useErrorNotifier();
  const [editing, setEditing] = useState<User | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  useEffect(() => {
    useUsers
      .getState()
      .load()
      .catch((error: unknown) => notify(error, t('users.loadFailed')));
  }, [notify, t]);

  function setActive(user: User, active: boolean) {
    const run = () =>
      useUsers
        .getState()
        .update({ id: user.id, active })
        .catch((error: unknown) => notify(error, t('users.saveFailed')));
    if (active) {
      void run();
      return;
    }
    modal.confirm({
      title: t('users.deactivateTitle', { name: user.displayName }),
      content: t('users.deactivateBody'),
      okText: t('users.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  }

  return (
    <Card
      size="small"
      title={t('users.title')}
      extra={
        <Button
          type="primary"
          icon={<UserAddOutlined aria-hidden />}
          onClick={() => {
            setEditing(null);
            setDialogOpen(true);
          }}
          data-testid="create-user"
        >
          {t('users.create')}
        </Button>
      }
    >
      <Table<User>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={users}
        pagination={false}
        data-testid="users-table"
        locale={{ emptyText: t('users.empty') }}
        columns={[
          {
            title: t('auth.fields.username'),
            dataIndex: 'username',
            render: (v: string) => <span className="cw-mono">{v}</span>,
          },
          { title: t('auth.fields.displayName'), dataIndex: 'displayName' },
          { title: t('auth.fields.role'), dataIndex: 'role', render: (v: User['role']) => t(`roles.${v}`) },
          {
            title: t('users.state'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? (
                <Tag icon={<CheckCircleOutlined aria-hidden style={{ color: '#52c41a' }} />}>{t('users.active')}</Tag>
              ) : (
                <Tag icon={<StopOutlined aria-hidden />}>{t('users.inactive')}</Tag>
              ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : t('users.never')),
          },
          {
            title: t('users.actions'),
            key: 'actions',
            render: (_: unknown, user: User) => (
              <Space size={4}>
                <Tooltip title={t('users.edit')}>
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    aria-label={`${t('users.edit')}: ${user.username}`}
                    onClick={() => {
                      setEditing(user);
                      setDialogOpen(true);
                    }}
                  />
                </Tooltip>
                <Tooltip title={t('users.reset')}>
                  <Button
                    size="small"
                    icon={<KeyOutlined aria-hidden />}
                    aria-label={`${t('users.reset')}: ${user.username}`}
                    onClick={() => setResetting(user)}
                  />
                </Tooltip>
                {user.id === me?.id ? null : user.active ? (
                  <Button size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => setActive(user, false)}>
                    {t('users.deactivate')}
                  </Button>
                ) : (
                  <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setActive(user, true)}>
                    {t('users.reactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserDialog user={editing} open={dialogOpen} onClose={() => setDialogOpen(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
