import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { isCode, retryAfterSeconds } from '../../app/errors';
import { useSession } from '../../app/sessionStore';
import { AuthFrame } from './AuthFrame';
import { FormError } from './FormError';
import { ThrottledAlert } from './ThrottledAlert';

/** The screen is locked (idle or by hand): the same officer unlocks, or signs out. */
export function LockScreen() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session.user);
  const shift = useSession((s) => s.session.shift);
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // When the throttle refused the last attempt: the moment the next one is allowed (for the count-down).
  const [throttledUntil, setThrottledUntil] = useState<number | null>(null);

  async function unlock({ password }: { password: string }) {
    setBusy(true);
    setError(null);
    try {
      useSession.getState().setSession(await clearway().invoke('cw:auth.unlock', { password }));
    } catch (e) {
      setError(e);
      const wait = retryAfterSeconds(e);
      setThrottledUntil(wait === null ? null : Date.now() + wait * 1000);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    try {
      useSession.getState().setSession(await clearway().invoke('cw:auth.logout'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('auth.lock.title')} subtitle={t('auth.lock.subtitle')}>
      {user ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="lock-user">
          <Descriptions.Item label={t('auth.fields.user')}>
            {user.displayName} (<span className="cw-mono">{user.username}</span>)
          </Descriptions.Item>
          <Descriptions.Item label={t('auth.fields.role')}>{t(`roles.${user.role}`)}</Descriptions.Item>
          {shift ? <Descriptions.Item label={t('shift.office')}>{shift.office}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      {isCode(error, 'BAD_CREDENTIALS') ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('auth.lock.badPassword')}
          description={t('auth.lock.badPasswordHint')}
        />
      ) : throttledUntil !== null && retryAfterSeconds(error) !== null ? (
        <ThrottledAlert key={throttledUntil} until={throttledUntil} />
      ) : (
        <FormError error={error} />
      )}
      <Form<{ password: string }> form={form} layout="vertical" requiredMark={false} onFinish={unlock} disabled={busy}>
        <Form.Item
          label={t('auth.fields.password')}
          name="password"
          rules={[{ required: true, message: t('auth.validation.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" autoFocus />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.lock.unlock')}
          </Button>
          <Button block icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut()}>
            {t('auth.lock.signOut')}
          </Button>
        </Space>
      </Form>
    </AuthFrame>
  );
}
