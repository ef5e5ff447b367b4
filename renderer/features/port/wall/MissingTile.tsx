import { DeleteOutlined, WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A tile for a camera the group names but the site no longer has (renamed or
 * removed in the site file): said plainly, with a way to drop it from the group,
 * so the wall never loses a tile without telling why.
 */
export function MissingTile({ cameraId, onDrop }: { cameraId: string; onDrop: (() => void) | null }) {
  const { t } = useTranslation('port');
  return (
    <figure
      className="cw-wall-tile cw-wall-tile-missing"
      data-testid="wall-tile-missing"
      data-camera={cameraId}
      aria-label={t('wall.missingTitle', { camera: cameraId })}
    >
      <div className="cw-wall-missing" role="status">
        <WarningOutlined aria-hidden className="cw-wall-missing-icon" />
        <span>{t('wall.missing', { camera: cameraId })}</span>
        <span className="cw-wall-missing-hint">{t('wall.missingHint')}</span>
        {onDrop ? (
          <Button size="small" icon={<DeleteOutlined aria-hidden />} onClick={onDrop} data-testid="wall-drop-missing">
            {t('wall.dropMissing')}
          </Button>
        ) : null}
      </div>
    </figure>
  );
}
