import { Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { useSettings } from '../../app/settingsStore';
import { AuthFrame } from './AuthFrame';
import { FormError } from './FormError';
import { usePasswordRules, useUsernameRules } from './rules';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  office: string;
  demo: boolean;
}

/** First run: no account exists yet, so the first one is the supervisor. */
export function SetupScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const usernameRules = useUsernameRules();
  const passwordRules = usePasswordRules();

  async function submit(values: SetupValues) {
    setBusy(true);
    setError(null);
    try {
      const session = await clearway().invoke('cw:auth.setup', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        office: values.office.trim(),
        demo: values.demo,
      });
      // The office entered here is the default for the first shift.
      await useSettings
        .getState()
        .update({ office: values.office.trim() })
        .catch(() => undefined);
      const info = await clearway()
        .invoke('cw:app.info')
        .catch(() => null);
      if (info) useSession.setState({ info });
      useSession.getState().setSession(session);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')} wide>
      <FormError error={error} title={t('auth.setup.failed')} />
      <Form<SetupValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={busy}
        initialValues={{ demo: false }}
        data-testid="setup-form"
      >
        <div className="cw-grid-2" style={{ gap: '0 16px' }}>
          <Form.Item label={t('auth.fields.username')} name="username" rules={usernameRules} extra={t('auth.setup.usernameHelp')}>
            <Input autoComplete="username" autoFocus spellCheck={false} autoCapitalize="off" />
          </Form.Item>
          <Form.Item
            label={t('auth.fields.displayName')}
            name="displayName"
            rules={[{ required: true, whitespace: true, message: t('auth.validation.displayNameRequired') }, { max: 80 }]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item label={t('auth.fields.password')} name="password" rules={passwordRules} extra={t('auth.passwordHelp')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('auth.fields.confirm')}
            name="confirm"
            dependencies={['password']}
            rules={[
              { required: true, message: t('auth.validation.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || getFieldValue('password') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.validation.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </div>
        <Form.Item
          label={t('auth.fields.office')}
          name="office"
          rules={[{ required: true, whitespace: true, message: t('auth.validation.officeRequired') }, { max: 64 }]}
          extra={t('auth.setup.officeHelp')}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item name="demo" valuePropName="checked" extra={t('auth.setup.demoHelp')}>
          <Checkbox>{t('auth.setup.demo')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
