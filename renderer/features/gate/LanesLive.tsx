import { Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneLive, RecognitionCamera } from '../../../preload/contract/schemas/recognition';
import type { Site } from '../../../preload/contract/schemas/site';
import { createSiteSource } from '../port/sourceFactory';
import { startFrameSampler } from './frameSampler';
import { useRecognition } from './recognitionStore';

/**
 * Each gate lane camera live: its picture, what it read last and how sure, the
 * lane's state and barrier, and the reading speed. While shown to an officer or
 * supervisor, each enabled camera's frames go to recognition.
 */
export function LanesLive({ site, canSend }: { site: Site | null; canSend: boolean }) {
  const { t } = useTranslation('gate');
  const setup = useRecognition((s) => s.setup);
  const lanes = useRecognition((s) => s.lanes);
  const cameras = setup?.cameras ?? [];
  if (cameras.length === 0)
    return (
      <p className="cw-gate-lanes-none" data-testid="gate-lanes-none">
        {t('live.none')}
      </p>
    );
  return (
    <section className="cw-gate-lanes" aria-label={t('live.title')} data-testid="gate-lanes">
      {cameras.map((camera) => (
        <LaneTile key={camera.cameraId} site={site} camera={camera} live={lanes[camera.cameraId] ?? null} canSend={canSend} />
      ))}
    </section>
  );
}

function LaneTile({
  site,
  camera,
  live,
  canSend,
}: {
  site: Site | null;
  camera: RecognitionCamera;
  live: LaneLive | null;
  canSend: boolean;
}) {
  const { t, i18n } = useTranslation('gate');
  const holder = useRef<HTMLDivElement>(null);
  const siteCamera = useMemo(() => site?.cameras.find((c) => c.id === camera.cameraId) ?? null, [site, camera.cameraId]);
  const laneName = site?.gates.flatMap((g) => g.lanes).find((l) => l.id === camera.laneId)?.name ?? camera.laneId;
  const { enabled, frameRate } = camera.settings;

  useEffect(() => {
    if (!siteCamera) return;
    const source = createSiteSource(siteCamera);
    const element = source.element;
    element.classList.add('cw-gate-lane-video');
    holder.current?.appendChild(element);
    void source.start();
    const stop = canSend && enabled ? startFrameSampler(source, { frameRate }) : () => undefined;
    return () => {
      stop();
      source.dispose();
      element.remove();
    };
  }, [siteCamera, canSend, enabled, frameRate]);

  const percent = (value: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const read = live?.lastRead ?? null;
  return (
    <article className="cw-gate-lane" data-testid={`gate-lane-${camera.laneId}`} data-state={live?.state ?? 'idle'}>
      <header className="cw-gate-lane-head">
        <span className="cw-gate-lane-name">{laneName}</span>
        <Tag color={live?.barrier === 'open' ? 'success' : 'default'} data-testid="gate-lane-barrier">
          {t(`live.barrier.${live?.barrier ?? 'closed'}`)}
        </Tag>
      </header>
      <div className="cw-gate-lane-view" ref={holder} />
      <dl className="cw-gate-lane-facts">
        <dt>{t(`live.reads.${camera.reads}`)}</dt>
        <dd data-testid="gate-lane-read">
          {read ? (
            <>
              <span className="cw-mono cw-gate-plate">{read.text}</span>{' '}
              <Tag color={read.confident ? 'processing' : 'warning'}>
                {read.confident
                  ? t('live.confident', { confidence: percent(read.confidence) })
                  : t('live.uncertain', { confidence: percent(read.confidence) })}
              </Tag>
            </>
          ) : (
            <span className="cw-gate-muted">{t('live.nothingRead')}</span>
          )}
        </dd>
        <dt>{t('live.state')}</dt>
        <dd>{enabled ? t(`live.states.${live?.state ?? 'idle'}`) : t('live.off')}</dd>
        <dt>{t('live.speed')}</dt>
        <dd className="cw-num">
          <Tooltip title={t('live.speedHint')}>
            {t('live.frames', { read: live?.framesRead ?? 0, dropped: live?.framesDropped ?? 0, ms: live?.msPerFrame ?? '—' })}
          </Tooltip>
        </dd>
      </dl>
    </article>
  );
}
