import { CameraOutlined, ExpandOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteCamera } from '../../../../preload/contract/schemas/site';
import { AddToCaseButton } from '../../evidence/AddToCaseButton';
import { cameraCaseContext } from '../../evidence/cameraCaseContext';
import { snapshotOf } from '../../evidence/captureSnapshot';
import { usePort } from '../portStore';
import { createSiteSource } from '../sourceFactory';
import type { CameraSource } from '../sources/cameraSource';
import { HealthBadge, useSourceHealth } from './HealthBadge';
import { SourceProblem } from './SourceProblem';

/**
 * One live stream on the camera wall: the source's own element in the tile,
 * paused while the tile is off-screen or the window hidden.
 */
export function WallTile({ camera, onExpand }: { camera: SiteCamera; onExpand(cameraId: string): void }) {
  const { t } = useTranslation('port');
  const { t: tEvidence, i18n } = useTranslation('evidence');
  const holder = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState<CameraSource | null>(null);
  const health = useSourceHealth(source);
  const saving = usePort((s) => s.snapshotSaving);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const created = createSiteSource(camera);
    created.element.classList.add('cw-wall-media');
    created.element.setAttribute('aria-hidden', 'true');
    element.appendChild(created.element);
    let offscreen = false;
    const applyPause = () => created.setPaused(offscreen || document.visibilityState === 'hidden');
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) offscreen = !last.isIntersecting;
      applyPause();
    });
    observer.observe(element);
    document.addEventListener('visibilitychange', applyPause);
    void created.start();
    setSource(created);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', applyPause);
      created.dispose();
      created.element.remove();
      setSource(null);
    };
  }, [camera]);

  return (
    <figure className="cw-wall-tile" data-testid="wall-tile" data-camera={camera.id} aria-label={camera.name}>
      <div className="cw-wall-media-holder" ref={holder} onDoubleClick={() => onExpand(camera.id)} />
      <SourceProblem source={source} health={health} compact />
      <figcaption className="cw-wall-caption">
        <span className="cw-wall-name">{camera.name}</span>
        <HealthBadge health={health} />
        <span className="cw-wall-actions">
          <Tooltip title={t('wall.expand')}>
            <Button
              size="small"
              type="text"
              icon={<ExpandOutlined />}
              aria-label={t('wall.expandCamera', { camera: camera.name })}
              onClick={() => onExpand(camera.id)}
            />
          </Tooltip>
          <Tooltip title={t('snapshot.take')}>
            <Button
              size="small"
              type="text"
              icon={<CameraOutlined />}
              aria-label={t('snapshot.takeOf', { camera: camera.name })}
              data-testid="wall-snapshot"
              disabled={!source || saving}
              onClick={() => source && void usePort.getState().takeSnapshot(source)}
            />
          </Tooltip>
          <AddToCaseButton
            compact
            testId="wall-add-to-case"
            hint={tEvidence('button.addToCaseOf', { camera: camera.name })}
            disabled={!source}
            capture={() => (source ? snapshotOf(source, camera.name) : Promise.reject(new Error('no source')))}
            context={() => cameraCaseContext(tEvidence, camera, i18n.language)}
          />
        </span>
      </figcaption>
    </figure>
  );
}
