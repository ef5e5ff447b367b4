import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { FormError } from '../auth/FormError';
import { usePasswordRules } from '../auth/rules';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const passwordRules = usePasswordRules();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      await clearway().invoke('cw:auth.changePassword', { current: values.current, next: values.next });
      form.resetFields();
      void message.success(t('settings.passwordChanged'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('settings.changePassword')} style={{ maxWidth: 520 }}>
      <FormError error={error} title={t('settings.changePasswordFailed')} />
      <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={submit} disabled={busy}>
        <Form.Item
          label={t('settings.currentPassword')}
          name="current"
          rules={[{ required: true, message: t('auth.validation.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('settings.newPassword')} name="next" rules={passwordRules} extra={t('auth.passwordHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.fields.confirm')}
          name="confirm"
          dependencies={['next']}
          rules={[
            { required: true, message: t('auth.validation.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                !v || getFieldValue('next') === v
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.validation.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined aria-hidden />} loading={busy}>
          {t('settings.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
