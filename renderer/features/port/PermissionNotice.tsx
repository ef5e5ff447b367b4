import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../preload/contract/schemas/site';
import { useSettings } from '../../app/settingsStore';
import { useNav } from '../shell/navStore';

/**
 * Says plainly why local cameras show nothing when camera access is off in
 * settings (the permission handler then refuses every request), with the way to turn it on.
 */
export function PermissionNotice({ site }: { site: Site }) {
  const { t } = useTranslation('port');
  const enabled = useSettings((s) => s.settings.cameraEnabled);
  const webcams = site.cameras.filter((c) => c.source.type === 'webcam');
  if (enabled || webcams.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="camera-permission-off"
      message={t('permission.offTitle')}
      description={t('permission.offBody', { cameras: webcams.map((c) => c.name).join(', ') })}
      action={
        <Button size="small" onClick={() => useNav.getState().go('settings')}>
          {t('permission.openSettings')}
        </Button>
      }
      style={{ marginBottom: 8 }}
    />
  );
}
