import { CheckCircleOutlined, CloseCircleOutlined, PauseCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSource, SourceHealth, SourceHealthState } from '../sources/cameraSource';

const icons: Record<SourceHealthState, React.ReactNode> = {
  connecting: <SyncOutlined spin aria-hidden />,
  live: <CheckCircleOutlined aria-hidden />,
  stalled: <PauseCircleOutlined aria-hidden />,
  failed: <CloseCircleOutlined aria-hidden />,
};

/** A source's health, kept current from its onHealth events. */
export function useSourceHealth(source: CameraSource | null): SourceHealth | null {
  const [latest, setLatest] = useState<{ source: CameraSource; health: SourceHealth } | null>(null);
  useEffect(() => {
    if (!source) return;
    return source.onHealth((health) => setLatest({ source, health }));
  }, [source]);
  if (!source) return null;
  return latest?.source === source ? latest.health : source.health();
}

/** Health as icon + word + frame rate: never colour alone. */
export function HealthBadge({ health }: { health: SourceHealth | null }) {
  const { t } = useTranslation('port');
  if (!health) return null;
  return (
    <span
      className={`cw-health cw-health-${health.state}`}
      data-testid="camera-health"
      data-state={health.state}
      title={health.error ?? undefined}
    >
      {icons[health.state]}
      <span>{t(`health.${health.state}`)}</span>
      {health.state === 'live' || health.state === 'stalled' ? (
        <span className="cw-health-fps">{t('health.fps', { fps: health.fps.toFixed(0) })}</span>
      ) : null}
    </span>
  );
}
