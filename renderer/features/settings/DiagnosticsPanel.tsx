import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearway } from '../../app/clearway';
import { useSession } from '../../app/sessionStore';
import { FormError } from '../auth/FormError';

interface Saved {
  fileName: string;
  path: string;
  bytes: number;
}

/** Version details and the diagnostics bundle (logs and state, no passwords) for support. */
export function DiagnosticsPanel() {
  const { t, i18n } = useTranslation();
  const info = useSession((s) => s.info);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function exportDiagnostics() {
    setBusy(true);
    setError(null);
    try {
      setSaved(await clearway().invoke('cw:app.exportDiagnostics'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('settings.diagnostics')} style={{ maxWidth: 720 }}>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('settings.version')}>{info.version || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('settings.host')}>{t(`settings.hosts.${info.host}`)}</Descriptions.Item>
        <Descriptions.Item label={t('settings.platform')}>{info.platform || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('settings.mode')}>{t(`mode.${info.mode}`)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('settings.diagnosticsHelp')}</Typography.Paragraph>
      <FormError error={error} title={t('settings.diagnosticsFailed')} />
      {saved ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="diagnostics-saved"
          title={t('settings.diagnosticsSaved', {
            size: new Intl.NumberFormat(i18n.language).format(Math.ceil(saved.bytes / 1024)),
          })}
          description={
            <Typography.Text copyable className="cw-mono">
              {saved.path}
            </Typography.Text>
          }
        />
      ) : null}
      <Button
        icon={<ExportOutlined aria-hidden />}
        onClick={() => void exportDiagnostics()}
        loading={busy}
        data-testid="export-diagnostics"
      >
        {t('settings.exportDiagnostics')}
      </Button>
    </Card>
  );
}
