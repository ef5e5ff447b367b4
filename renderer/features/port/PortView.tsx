import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site, SiteCamera } from '../../../preload/contract/schemas/site';
import { compassPoint } from './panorama/sphericalMath';
import { MarkerLayer } from './panorama/MarkerLayer';
import { PortScene, type PortSceneMode, type SceneTheme } from './scene/PortScene';
import type { ScenePick, SceneMarker, SceneVehicle } from './scene/sceneSite';
import { toSceneSite } from './scene/toSceneSite';
import { usePort } from './portStore';
import { createSiteSource } from './sourceFactory';
import type { CameraSource } from './sources/cameraSource';

export interface PortViewProps {
  site: Site;
  mode: PortSceneMode;
  theme: SceneTheme;
  vehicles: readonly SceneVehicle[];
  /** Object name to fly to (`area:<id>`, `camera:<id>`, `vehicle:<id>`), optionally `#<nonce>` so the same place can be asked for twice. */
  focus: string | null;
  onPick(pick: ScenePick): void;
  onMarker(marker: SceneMarker): void;
  /** The source of the camera shown full-screen, for snapshots and its health badge. */
  onActiveSource(source: CameraSource | null): void;
}

/**
 * Each site gets its own canvas: dispose() force-loses the old scene's WebGL
 * context, and a lost canvas never gives a working context again.
 */
const canvasKeys = new WeakMap<object, number>();
let lastCanvasKey = 0;
function canvasKeyOf(site: object): number {
  let key = canvasKeys.get(site);
  if (key === undefined) {
    key = ++lastCanvasKey;
    canvasKeys.set(site, key);
  }
  return key;
}

/**
 * Mounts a PortScene on a canvas and hands it state; the scene does the rest.
 * Its resource counts are rendered as data attributes so tests read them from the page.
 */
export function PortView({ site, mode, theme, vehicles, focus, onPick, onMarker, onActiveSource }: PortViewProps) {
  const { t } = useTranslation('port');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const sceneRef = useRef<PortScene<SiteCamera> | null>(null);
  const markerElements = useRef(new Map<string, HTMLElement>());
  const compassRef = useRef<HTMLSpanElement>(null);
  const callbacks = useRef({ onPick, onActiveSource });
  useEffect(() => {
    callbacks.current = { onPick, onActiveSource };
  }, [onPick, onActiveSource]);
  const sceneSite = useMemo(() => toSceneSite(site), [site]);
  const [ready, setReady] = useState(0);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const scene = new PortScene<SiteCamera>({
      canvas,
      theme,
      createSource: (camera) => createSiteSource(camera.source),
      onPick: (pick) => callbacks.current.onPick(pick),
      onMarkers: (points) => {
        for (const [id, point] of points) {
          const element = markerElements.current.get(id);
          if (!element) continue;
          element.style.transform = `translate(${point.x.toFixed(1)}px, ${point.y.toFixed(1)}px)`;
          element.hidden = !point.visible;
        }
      },
      onHeading: (heading) => {
        if (compassRef.current)
          compassRef.current.textContent = `${compassPoint(heading)} ${heading.toFixed(0).padStart(3, '0')}°`;
        const needle = frameRef.current?.querySelector<HTMLElement>('.cw-compass-needle');
        if (needle) needle.style.transform = `rotate(${-heading}deg)`;
      },
    });
    scene.setSite(sceneSite);
    sceneRef.current = scene;
    usePort.getState().noteMounted();
    setReady((n) => n + 1);
    // Counts for tests and diagnostics, written straight to the DOM: no React render per second.
    const frame = frameRef.current;
    const publish = () => {
      if (!frame) return;
      const info = scene.info();
      const stats = scene.stats();
      frame.dataset.geometries = String(info.geometries);
      frame.dataset.textures = String(info.textures);
      frame.dataset.sources = String(info.sources);
      frame.dataset.frames = String(stats.frames);
      frame.dataset.uploads = String(stats.uploads);
      frame.dataset.renders = String(stats.renders);
      frame.dataset.paused = String(stats.pausedSources);
      frame.dataset.picture = scene.panoramaShows() ?? '';
    };
    const timer = window.setInterval(publish, 500);
    return () => {
      window.clearInterval(timer);
      sceneRef.current = null;
      callbacks.current.onActiveSource(null);
      usePort.getState().noteReleased(scene.dispose());
    };
    // The theme is applied by its own effect; a new site rebuilds the scene.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sceneSite]);

  useEffect(() => {
    sceneRef.current?.setTheme(theme);
  }, [theme, ready]);

  useEffect(() => {
    sceneRef.current?.setVehicles(vehicles);
  }, [vehicles, ready]);

  useEffect(() => {
    const scene = sceneRef.current;
    if (!scene) return;
    scene.setMode(mode);
    callbacks.current.onActiveSource(mode.kind === 'overview' ? null : scene.source(mode.cameraId));
    if (mode.kind !== 'overview') canvasRef.current?.focus();
  }, [mode, ready]);

  useEffect(() => {
    if (focus) sceneRef.current?.flyTo(focus.split('#')[0] ?? focus);
  }, [focus, ready]);

  const camera = mode.kind === 'overview' ? null : sceneSite.cameras.find((c) => c.id === mode.cameraId);
  const label =
    mode.kind === 'overview'
      ? t('scene.overviewLabel', { site: site.name })
      : mode.kind === 'panorama'
        ? t('scene.panoramaLabel', { camera: camera?.label ?? '' })
        : t('scene.cameraLabel', { camera: camera?.label ?? '' });

  return (
    <div className="cw-port-frame" ref={frameRef} data-testid="port-scene" data-mode={mode.kind}>
      <canvas
        key={canvasKeyOf(sceneSite)}
        ref={canvasRef}
        className="cw-port-canvas"
        tabIndex={0}
        role="img"
        aria-label={label}
        data-testid="port-canvas"
      />
      {camera && camera.markers.length > 0 ? (
        <MarkerLayer markers={camera.markers} elements={markerElements} onMarker={onMarker} />
      ) : null}
      {mode.kind === 'panorama' ? (
        <div className="cw-compass" aria-live="off" data-testid="compass">
          <span className="cw-compass-rose" aria-hidden>
            <span className="cw-compass-needle">N</span>
          </span>
          <span className="visually-hidden">{t('panorama.heading')}</span>
          <span ref={compassRef} className="cw-compass-text" />
        </div>
      ) : null}
      {mode.kind === 'panorama' ? <div className="cw-port-hint">{t('panorama.hint')}</div> : null}
      {mode.kind === 'overview' ? <div className="cw-port-hint">{t('scene.hint')}</div> : null}
    </div>
  );
}
