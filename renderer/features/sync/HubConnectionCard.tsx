import { CheckCircleOutlined, DeleteOutlined, KeyOutlined, MinusCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';
import { useSettings } from '../../app/settingsStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { DEVICE_TOKEN, isHubUrl } from './isHubUrl';
import { useSync } from './syncStore';

/**
 * The hub URL (a setting) and the device token (supervisor only, write-only:
 * the main process keeps it in a 0600 file and only says whether one is stored).
 */
export function HubConnectionCard() {
  const { t } = useTranslation('sync');
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const supervisor = useSession((s) => s.session.user?.role === 'supervisor');
  const hubUrl = useSettings((s) => s.settings.hubUrl);
  const tokenSet = useSync((s) => s.status?.tokenSet ?? false);
  const [urlForm] = Form.useForm<{ hubUrl: string }>();
  const [tokenForm] = Form.useForm<{ token: string }>();
  const [busy, setBusy] = useState<'url' | 'token' | null>(null);

  async function saveUrl({ hubUrl: value }: { hubUrl: string }) {
    setBusy('url');
    try {
      await useSettings.getState().update({ hubUrl: value.trim() });
      await useSync.getState().refresh();
      void message.success(t('connection.urlSaved'));
    } catch (error) {
      notify(error, t('connection.urlFailed'));
    } finally {
      setBusy(null);
    }
  }

  async function saveToken(token: string) {
    setBusy('token');
    try {
      await useSync.getState().setDeviceToken(token);
      tokenForm.resetFields();
      await useSync.getState().refresh();
      void message.success(t(token ? 'connection.tokenSaved' : 'connection.tokenRemoved'));
    } catch (error) {
      notify(error, t('connection.tokenFailed'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card size="small" title={t('connection.title')} data-testid="sync-connection-card">
      <Form<{ hubUrl: string }>
        form={urlForm}
        layout="vertical"
        initialValues={{ hubUrl }}
        onFinish={(v) => void saveUrl(v)}
        disabled={busy !== null}
      >
        <Form.Item
          label={t('connection.hubUrl')}
          name="hubUrl"
          extra={t('connection.hubUrlHelp')}
          rules={[
            {
              validator: (_r, v: string | undefined) =>
                isHubUrl((v ?? '').trim()) ? Promise.resolve() : Promise.reject(new Error(t('connection.hubUrlInvalid'))),
            },
          ]}
        >
          <Input spellCheck={false} inputMode="url" autoComplete="url" className="cw-mono" data-testid="sync-hub-url" />
        </Form.Item>
        <Button htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={busy === 'url'} data-testid="sync-save-url">
          {t('connection.saveUrl')}
        </Button>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('connection.token')}
      </Typography.Title>
      <p data-testid="sync-token-state">
        {tokenSet ? <CheckCircleOutlined aria-hidden /> : <MinusCircleOutlined aria-hidden />}{' '}
        {t(tokenSet ? 'connection.tokenSet' : 'connection.tokenMissing')}
      </p>
      {supervisor ? (
        <Form<{ token: string }>
          form={tokenForm}
          layout="vertical"
          onFinish={(v) => void saveToken(v.token.trim())}
          disabled={busy !== null}
        >
          <Form.Item
            label={t('connection.tokenNew')}
            name="token"
            extra={t('connection.tokenHelp')}
            rules={[
              {
                required: true,
                pattern: DEVICE_TOKEN,
                message: t('connection.tokenInvalid'),
                transform: (v: string) => v.trim(),
              },
            ]}
          >
            <Input.Password
              autoComplete="off"
              spellCheck={false}
              visibilityToggle={false}
              className="cw-mono"
              data-testid="sync-token"
            />
          </Form.Item>
          <Space>
            <Button htmlType="submit" icon={<KeyOutlined aria-hidden />} loading={busy === 'token'} data-testid="sync-save-token">
              {t('connection.saveToken')}
            </Button>
            {tokenSet ? (
              <Popconfirm
                title={t('connection.removeConfirm')}
                okText={t('connection.removeOk')}
                cancelText={t('connection.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => saveToken('')}
              >
                <Button icon={<DeleteOutlined aria-hidden />} data-testid="sync-remove-token">
                  {t('connection.removeToken')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('connection.supervisorOnly')}</Typography.Text>
      )}
    </Card>
  );
}
