/**
 * Settings → Cameras: which local camera webcam sources use on this workstation,
 * and (supervisors only, as it widens the CSP) which camera-bridge origins the
 * renderer may connect to and play media from.
 */
import { ReloadOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/sessionStore';
import { useSettings } from '../../../app/settingsStore';
import { formatCameraOrigins, parseCameraOrigins } from './cameraOrigins';
import { listVideoInputs, revealVideoInputLabels, type VideoInput } from './videoInputs';

export function CameraSettings() {
  return (
    <div className="cw-grid-2">
      <WebcamDeviceCard />
      <CameraOriginsCard />
    </div>
  );
}

function WebcamDeviceCard() {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const chosen = useSettings((s) => s.settings.webcamDeviceId);
  const cameraEnabled = useSettings((s) => s.settings.cameraEnabled);
  const update = useSettings((s) => s.update);
  const [devices, setDevices] = useState<VideoInput[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      let found = await listVideoInputs();
      if (cameraEnabled && found.some((d) => d.label === null)) {
        await revealVideoInputLabels();
        found = await listVideoInputs();
      }
      setDevices(found);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [cameraEnabled]);

  // The list as the browser gives it without asking for access; "Find cameras" asks.
  useEffect(() => {
    let live = true;
    listVideoInputs().then(
      (found) => live && setDevices(found),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const options = useMemo(() => {
    const list = [{ value: '', label: t('settings.device.systemDefault') }];
    (devices ?? []).forEach((d, i) =>
      list.push({ value: d.deviceId, label: d.label ?? t('settings.device.unnamed', { n: i + 1 }) }),
    );
    // A chosen camera that is unplugged stays visible, so the officer sees why webcams fail.
    if (chosen && devices && !devices.some((d) => d.deviceId === chosen))
      list.push({ value: chosen, label: t('settings.device.missing') });
    return list;
  }, [devices, chosen, t]);

  const choose = async (deviceId: string) => {
    try {
      await update({ webcamDeviceId: deviceId });
      void message.success(t('settings.device.saved'));
    } catch (e) {
      const text = describeError(e, tShell);
      setError(`${text.message} ${text.action}`);
    }
  };

  return (
    <Card size="small" title={t('settings.device.title')}>
      <Form layout="vertical">
        <Form.Item label={t('settings.device.label')} htmlFor="settings-webcam-device" extra={t('settings.device.help')}>
          <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
            <Select
              id="settings-webcam-device"
              data-testid="settings-webcam-device"
              value={chosen}
              options={options}
              onChange={(v: string) => void choose(v)}
              loading={busy}
              style={{ flex: 1 }}
            />
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => void refresh()}
              loading={busy}
              data-testid="settings-webcam-refresh"
            >
              {t('settings.device.refresh')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {!cameraEnabled ? <Typography.Text type="secondary">{t('settings.device.accessOff')}</Typography.Text> : null}
        {devices && devices.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('settings.device.none')}</Typography.Paragraph>
        ) : null}
        {error ? (
          <Typography.Paragraph type="danger" role="alert">
            <WarningOutlined aria-hidden /> {t('settings.device.failed', { error })}
          </Typography.Paragraph>
        ) : null}
      </Form>
    </Card>
  );
}

function CameraOriginsCard() {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const stored = useSettings((s) => s.settings.cameraOrigins);
  const update = useSettings((s) => s.update);
  const supervisor = useSession((s) => s.session.user?.role === 'supervisor');
  const [text, setText] = useState(() => formatCameraOrigins(stored));
  const [checked, setChecked] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseCameraOrigins(text), [text]);
  const showProblems = checked && parsed.problems.length > 0;

  const save = async () => {
    setChecked(true);
    setSaveError(null);
    if (parsed.problems.length > 0) return;
    setBusy(true);
    try {
      const next = await update({ cameraOrigins: parsed.origins });
      setText(formatCameraOrigins(next.cameraOrigins));
      setChecked(false);
      void message.success(t('settings.origins.saved', { count: next.cameraOrigins.length }));
    } catch (e) {
      const described = describeError(e, tShell);
      setSaveError(`${described.message} ${described.action}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('settings.origins.title')}>
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item
          label={t('settings.origins.label')}
          htmlFor="settings-camera-origins"
          extra={supervisor ? t('settings.origins.help') : t('settings.origins.supervisorOnly')}
          validateStatus={showProblems ? 'error' : undefined}
          help={
            showProblems ? (
              <ul className="cw-problems" data-testid="camera-origin-problems">
                {parsed.problems.map((p) => (
                  <li key={`${p.line}:${p.value}`}>
                    {t(`settings.origins.problem.${p.kind}`, { line: p.line, value: p.value })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        >
          <Input.TextArea
            id="settings-camera-origins"
            data-testid="settings-camera-origins"
            value={text}
            onChange={(e) => setText(e.target.value)}
            readOnly={!supervisor}
            autoSize={{ minRows: 4, maxRows: 12 }}
            spellCheck={false}
            className="cw-mono"
          />
        </Form.Item>
        {saveError ? (
          <Typography.Paragraph type="danger" role="alert">
            <WarningOutlined aria-hidden /> {saveError}
          </Typography.Paragraph>
        ) : null}
        {supervisor ? (
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined aria-hidden />}
            loading={busy}
            data-testid="save-camera-origins"
          >
            {t('settings.origins.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
