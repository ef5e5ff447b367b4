import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../../preload/contract/schemas/auth';
import { FormError } from './FormError';
import { usePasswordRules, useUsernameRules } from './rules';
import { roleOptions } from './roleOptions';
import { useUsers } from './usersStore';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Create an account (user is null) or edit one's name and role. */
export function UserDialog({ user, open, onClose }: { user: User | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const usernameRules = useUsernameRules();
  const passwordRules = usePasswordRules();
  const { create, update } = useUsers.getState();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      if (user) await update({ id: user.id, displayName: values.displayName.trim(), role: values.role });
      else
        await create({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          password: values.password,
        });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={user ? t('users.save') : t('users.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      <FormError error={error} title={user ? t('users.saveFailed') : t('users.createFailed')} />
      <Form<Values>
        key={user?.id ?? 'new'}
        form={form}
        layout="vertical"
        requiredMark="optional"
        disabled={busy}
        preserve={false}
        onFinish={(values) => void submit(values)}
        initialValues={user ? { username: user.username, displayName: user.displayName, role: user.role } : { role: 'officer' }}
      >
        <Form.Item label={t('auth.fields.username')} name="username" rules={user ? [] : usernameRules}>
          <Input disabled={Boolean(user)} autoComplete="off" spellCheck={false} autoCapitalize="off" />
        </Form.Item>
        <Form.Item
          label={t('auth.fields.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('auth.validation.displayNameRequired') }, { max: 80 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('auth.fields.role')} name="role" rules={[{ required: true }]}>
          <Select options={roleOptions(t)} />
        </Form.Item>
        {user ? null : (
          <Form.Item
            label={t('users.initialPassword')}
            name="password"
            rules={passwordRules}
            extra={t('users.initialPasswordHelp')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
