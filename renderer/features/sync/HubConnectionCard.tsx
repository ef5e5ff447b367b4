import { CheckCircleOutlined, DeleteOutlined, KeyOutlined, MinusCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';
import { useSettings } from '../../app/settingsStore';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { HUB_PIN } from '../../../preload/contract/hub-url';
import { DEVICE_TOKEN, isHubUrl, isPlainHttpOffLoopback } from './isHubUrl';
import { useSync } from './syncStore';

interface HubValues {
  hubUrl: string;
  hubCaCertificate: string;
  hubPin: string;
}

/**
 * The hub URL with the hub's CA and key pin (settings) and the device token
 * (write-only: the main process keeps it in a 0600 file, bound to the hub's
 * origin, and only says whether one is stored). All of it is a supervisor's to change.
 */
export function HubConnectionCard() {
  const { t } = useTranslation('sync');
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const supervisor = useSession((s) => s.session.user?.role === 'supervisor');
  const settings = useSettings((s) => s.settings);
  const tokenSet = useSync((s) => s.status?.tokenSet ?? false);
  const [urlForm] = Form.useForm<HubValues>();
  const [tokenForm] = Form.useForm<{ token: string }>();
  const [busy, setBusy] = useState<'url' | 'token' | null>(null);

  async function saveUrl(values: HubValues) {
    setBusy('url');
    try {
      await useSettings.getState().update({
        hubUrl: values.hubUrl.trim(),
        hubCaCertificate: (values.hubCaCertificate ?? '').trim(),
        hubPin: (values.hubPin ?? '').trim(),
      });
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
      <Form<HubValues>
        form={urlForm}
        layout="vertical"
        initialValues={{ hubUrl: settings.hubUrl, hubCaCertificate: settings.hubCaCertificate, hubPin: settings.hubPin }}
        onFinish={(v) => void saveUrl(v)}
        disabled={busy !== null || !supervisor}
      >
        <Form.Item
          label={t('connection.hubUrl')}
          name="hubUrl"
          extra={t('connection.hubUrlHelp')}
          rules={[
            {
              validator: (_r, v: string | undefined) => {
                const value = (v ?? '').trim();
                if (isHubUrl(value)) return Promise.resolve();
                return Promise.reject(
                  new Error(t(isPlainHttpOffLoopback(value) ? 'connection.hubUrlHttpsOnly' : 'connection.hubUrlInvalid')),
                );
              },
            },
          ]}
        >
          <Input spellCheck={false} inputMode="url" autoComplete="url" className="cw-mono" data-testid="sync-hub-url" />
        </Form.Item>
        {supervisor ? (
          <>
            <Form.Item
              label={t('connection.caCertificate')}
              name="hubCaCertificate"
              extra={t('connection.caCertificateHelp')}
              rules={[
                {
                  pattern: /^$|-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/,
                  message: t('connection.caCertificateInvalid'),
                  transform: (v: string) => (v ?? '').trim(),
                },
              ]}
            >
              <Input.TextArea
                rows={2}
                spellCheck={false}
                className="cw-mono"
                placeholder="-----BEGIN CERTIFICATE-----"
                data-testid="sync-hub-ca"
              />
            </Form.Item>
            <Form.Item
              label={t('connection.pin')}
              name="hubPin"
              extra={t('connection.pinHelp')}
              rules={[
                {
                  validator: (_r, v: string | undefined) =>
                    !(v ?? '').trim() || HUB_PIN.test((v ?? '').trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('connection.pinInvalid'))),
                },
              ]}
            >
              <Input spellCheck={false} className="cw-mono" placeholder="sha256/…" data-testid="sync-hub-pin" />
            </Form.Item>
            <Button htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={busy === 'url'} data-testid="sync-save-url">
              {t('connection.saveUrl')}
            </Button>
          </>
        ) : null}
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
        <Typography.Text type="secondary" data-testid="sync-supervisor-only">
          {t('connection.supervisorOnly')}
        </Typography.Text>
      )}
    </Card>
  );
}
