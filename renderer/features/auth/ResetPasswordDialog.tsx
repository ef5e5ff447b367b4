import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../preload/contract/schemas/auth';
import { FormError } from './FormError';
import { usePasswordRules } from './rules';
import { useUsers } from './usersStore';

/** A supervisor sets a new password for an account; the officer changes it after signing in. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const passwordRules = usePasswordRules();

  async function submit(values: { password: string }) {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      await useUsers.getState().resetPassword(user.id, values.password);
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      okText={t('users.reset')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormError error={error} title={t('users.resetFailed')} />
      <Form form={form} layout="vertical" disabled={busy} preserve={false} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('settings.newPassword')} name="password" rules={passwordRules} extra={t('users.resetHelp')}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
