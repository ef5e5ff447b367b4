import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { isCode, retryAfterSeconds } from '../../app/errors';
import { useSession } from '../../app/sessionStore';
import { AuthFrame } from './AuthFrame';
import { DemoAccountsHint } from './DemoAccountsHint';
import { FormError } from './FormError';
import { ThrottledAlert } from './ThrottledAlert';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // When the throttle refused the last attempt: the moment the next one is allowed (for the count-down).
  const [throttledUntil, setThrottledUntil] = useState<number | null>(null);

  async function submit(values: LoginValues) {
    setBusy(true);
    setError(null);
    try {
      const session = await clearway().invoke('cw:auth.login', { username: values.username.trim(), password: values.password });
      useSession.getState().setSession(session);
    } catch (e) {
      setError(e);
      const wait = retryAfterSeconds(e);
      setThrottledUntil(wait === null ? null : Date.now() + wait * 1000);
      form.setFieldValue('password', '');
      form.getFieldInstance('password')?.focus?.();
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      {isCode(error, 'BAD_CREDENTIALS') ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="login-error"
          style={{ marginBottom: 12 }}
          title={t('auth.login.badCredentials')}
          description={t('auth.login.badCredentialsHint')}
        />
      ) : throttledUntil !== null && retryAfterSeconds(error) !== null ? (
        <ThrottledAlert key={throttledUntil} until={throttledUntil} />
      ) : (
        <FormError error={error} title={t('auth.login.failed')} />
      )}
      <Form<LoginValues> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={busy}>
        <Form.Item
          label={t('auth.fields.username')}
          name="username"
          rules={[{ required: true, message: t('auth.validation.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined aria-hidden />}
            autoComplete="username"
            autoFocus
            spellCheck={false}
            autoCapitalize="off"
          />
        </Form.Item>
        <Form.Item
          label={t('auth.fields.password')}
          name="password"
          rules={[{ required: true, message: t('auth.validation.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.login.submit')}
        </Button>
      </Form>
      <DemoAccountsHint />
    </AuthFrame>
  );
}
