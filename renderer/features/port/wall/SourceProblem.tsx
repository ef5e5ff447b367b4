import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNav } from '../../shell/navStore';
import type { CameraSource, SourceHealth } from '../sources/cameraSource';

/**
 * Why a camera shows no picture, in the officer's language, with what to do:
 * retry, or turn camera access on in settings when that is the cause.
 */
export function SourceProblem({
  source,
  health,
  compact = false,
}: {
  source: CameraSource | null;
  health: SourceHealth | null;
  compact?: boolean;
}) {
  const { t } = useTranslation('port');
  if (!source || !health || (health.state !== 'failed' && health.state !== 'stalled')) return null;
  const needsSettings = health.reason === 'camera-off' || health.reason === 'permission-denied';
  return (
    <div
      className={compact ? 'cw-source-problem cw-source-problem-compact' : 'cw-source-problem'}
      role="status"
      data-testid="source-problem"
      data-reason={health.reason ?? ''}
    >
      <span>{health.reason ? t(`reason.${health.reason}`) : (health.error ?? t(`health.${health.state}`))}</span>
      <Space size={4}>
        <Button size="small" icon={<ReloadOutlined />} onClick={() => source.retry()}>
          {t('source.retry')}
        </Button>
        {needsSettings ? (
          <Button size="small" icon={<SettingOutlined />} onClick={() => useNav.getState().go('settings')}>
            {t('permission.openSettings')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}
