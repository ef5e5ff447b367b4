import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { usePort } from './portStore';

/** The confirmation of a saved snapshot, with its SHA-256, or why it failed. */
export function SnapshotNotice() {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const snapshot = usePort((s) => s.snapshot);
  const error = usePort((s) => s.snapshotError);
  const dismiss = usePort((s) => s.dismissSnapshot);
  const cameras = usePort((s) => s.document?.site.cameras);
  if (error) {
    const text = describeError(error, tShell);
    return (
      <Alert
        type="error"
        showIcon
        closable
        onClose={dismiss}
        role="alert"
        message={t('snapshot.failed')}
        description={`${text.message} ${text.action}`}
        style={{ marginBottom: 8 }}
      />
    );
  }
  if (!snapshot) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={dismiss}
      data-testid="snapshot-saved"
      message={t('snapshot.saved', {
        camera: cameras?.find((c) => c.id === snapshot.cameraId)?.name ?? snapshot.cameraId,
        time: new Date(snapshot.takenAt).toLocaleString(),
        width: snapshot.width,
        height: snapshot.height,
      })}
      description={
        <span>
          {t('snapshot.sha')}{' '}
          <Typography.Text code copyable data-testid="snapshot-sha">
            {snapshot.sha256}
          </Typography.Text>
          <br />
          <span className="cw-muted">{snapshot.path}</span>
        </span>
      }
      style={{ marginBottom: 8 }}
    />
  );
}
