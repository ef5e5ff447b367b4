import { ArrowLeftOutlined, CameraOutlined, ExportOutlined, GlobalOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented, Select, Space, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowView } from '../../../preload/contract/schemas/windows';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useSelection } from '../../app/selectionStore';
import { useSettings } from '../../app/settingsStore';
import { AddToCaseButton } from '../evidence/AddToCaseButton';
import { cameraCaseContext } from '../evidence/cameraCaseContext';
import { snapshotOf } from '../evidence/captureSnapshot';
import { ScreenHeader } from '../shell/ScreenHeader';
import { useNav } from '../shell/navStore';
import { resolveMarker } from './markerAction';
import { openViewWindow } from './openViewWindow';
import { PermissionNotice } from './PermissionNotice';
import { PortView } from './PortView';
import { usePort } from './portStore';
import type { PortSceneMode } from './scene/PortScene';
import type { ScenePick, SceneMarker } from './scene/sceneSite';
import { CameraEditorButton } from './site/CameraEditor';
import { SnapshotNotice } from './SnapshotNotice';
import type { CameraSource } from './sources/cameraSource';
import { useSceneVehicles } from './useSceneVehicles';
import { CameraWall } from './wall/CameraWall';
import { HealthBadge, useSourceHealth } from './wall/HealthBadge';
import { SourceProblem } from './wall/SourceProblem';
import './port.css';
import './registerShortcuts';

/**
 * The port: a 3D overview with live cameras, each camera full-screen or as a 360°
 * panorama, and the camera wall. `windowed` is the chrome-less second-window variant.
 */
export function PortScreen({ windowed = null }: { windowed?: WindowView | null }) {
  const { t } = useTranslation('port');
  const { t: tShell } = useTranslation();
  const { t: tGate } = useTranslation('gate');
  const { t: tEvidence, i18n } = useTranslation('evidence');
  const addToCase = useRef<HTMLButtonElement>(null);
  const { message } = App.useApp();
  const { document, loadError, loading, view, mode, snapshotSaving, load, setView, setMode, setDocument } = usePort();
  const theme = useSettings((s) => s.settings.theme);
  const selectedCamera = useSelection((s) => s.cameraId);
  const [activeSource, setActiveSource] = useState<CameraSource | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const activeHealth = useSourceHealth(activeSource);
  const site = document?.site ?? null;
  const vehicles = useSceneVehicles(site);
  const shownView = windowed === 'wall' ? 'wall' : windowed === 'port' ? 'overview' : view;

  useEffect(() => {
    if (!document) void load();
  }, [document, load]);

  // A supervisor saved the site (here or in another window): every view shows the new cameras.
  useEffect(
    () =>
      clearway().on('cw:site.changed', (next) => {
        // The window that saved already has this save (the editor hands it over): no second rebuild.
        const current = usePort.getState().document;
        if (!current || next.savedAt === null || next.savedAt !== current.savedAt) setDocument(next);
      }),
    [setDocument],
  );

  const modeFor = useCallback(
    (cameraId: string | null): PortSceneMode => {
      const camera = cameraId ? site?.cameras.find((c) => c.id === cameraId) : undefined;
      if (!camera) return { kind: 'overview' };
      return camera.kind === '360' ? { kind: 'panorama', cameraId: camera.id } : { kind: 'camera', cameraId: camera.id };
    },
    [site],
  );

  // Another window chose a camera: show it here too.
  useEffect(() => {
    const current = mode.kind === 'overview' ? null : mode.cameraId;
    if (site && selectedCamera !== current) setMode(modeFor(selectedCamera));
    // Only a change of the shared selection moves this view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedCamera, site]);

  const openCamera = useCallback(
    (cameraId: string | null) => {
      setMode(modeFor(cameraId));
      useSelection.getState().selectCamera(cameraId);
    },
    [modeFor, setMode],
  );

  const openDeclaration = useCallback(
    (number: string) => {
      // A second window has no queue: the selection goes to the main window's queue.
      if (windowed) {
        useSelection.getState().selectDeclaration(number);
        message.info(t('marker.sentToQueue', { number }));
      } else {
        useNav.getState().openDeclaration(number);
      }
    },
    [windowed, message, t],
  );

  const onPick = useCallback(
    (pick: ScenePick) => {
      if (pick.kind === 'camera') openCamera(pick.id);
      else if (pick.kind === 'vehicle') {
        // A truck at the gate whose plate no open declaration carries: say so, with its plate.
        if (pick.declarationId) openDeclaration(pick.declarationId);
        else message.warning(tGate('scene.noDeclaration', { plate: vehicles.find((v) => v.id === pick.id)?.label ?? pick.id }));
      } else setFocus(`area:${pick.id}#${Date.now()}`);
    },
    [openCamera, openDeclaration, vehicles, message, tGate],
  );

  const onMarker = useCallback(
    (marker: SceneMarker) => {
      resolveMarker(marker.link).then(
        (action) => {
          if (action.kind === 'declaration') openDeclaration(action.number);
          else if (action.kind === 'case') {
            if (windowed) useSelection.getState().selectCase(action.id);
            else useNav.getState().openCase(action.id);
          } else if (action.kind === 'lane') {
            openCamera(null);
            setFocus(`area:${action.laneId}#${Date.now()}`);
          } else message.warning(t('marker.noDeclaration', { container: action.ref }));
        },
        (error: unknown) => {
          const text = describeError(error, tShell);
          message.error(`${text.message} ${text.action}`);
        },
      );
    },
    [openCamera, openDeclaration, windowed, message, t, tShell],
  );

  const snapshot = useCallback(() => {
    if (activeSource) void usePort.getState().takeSnapshot(activeSource);
  }, [activeSource]);

  const popOut = useCallback(
    (target: WindowView) => {
      openViewWindow(target).catch((error: unknown) => {
        const text = describeError(error, tShell);
        message.error(`${text.message} ${text.action}`);
      });
    },
    [message, tShell],
  );

  // Screen keys: Esc back to the overview, s snapshot, w wall, o overview.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (
      target.closest('input, textarea, [contenteditable="true"], .ant-select, .ant-modal') ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey
    )
      return;
    if (event.key === 'Escape' && mode.kind !== 'overview') {
      event.preventDefault();
      openCamera(null);
    } else if (event.key === 's' && activeSource) {
      event.preventDefault();
      snapshot();
    } else if (event.key === 'c' && activeSource) {
      event.preventDefault();
      addToCase.current?.click();
    } else if (event.key === 'w' && !windowed) {
      setView('wall');
    } else if (event.key === 'o' && !windowed) {
      setView('overview');
    }
  };

  const cameraOptions = useMemo(
    () => (site?.cameras ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.kind === '360' ? ' · 360°' : ''}` })),
    [site],
  );
  const areaOptions = useMemo(
    () =>
      site
        ? [
            ...site.gates.flatMap((g) => [
              { value: `area:${g.id}`, label: g.name },
              ...g.lanes.map((l) => ({ value: `area:${l.id}`, label: `${g.name} · ${l.name}` })),
            ]),
            ...site.inspectionAreas.map((a) => ({ value: `area:${a.id}`, label: a.name })),
            ...site.yardBlocks.map((b) => ({ value: `area:${b.id}`, label: b.name })),
            ...site.berths.map((b) => ({ value: `area:${b.id}`, label: b.name })),
            // Trucks and containers too: flown to, then a click on them opens their declaration.
            ...vehicles.map((v) => ({
              value: `vehicle:${v.id}`,
              label: v.declarationId
                ? t('scene.vehicleOption', { label: v.label, declaration: v.declarationId })
                : tGate('scene.unlinkedOption', { plate: v.label }),
            })),
          ]
        : [],
    [site, vehicles, t, tGate],
  );
  const activeCamera = mode.kind === 'overview' ? null : site?.cameras.find((c) => c.id === mode.cameraId);

  const header = windowed ? null : (
    <ScreenHeader
      title={tShell('nav.port')}
      description={t('description')}
      extra={
        <Space size={8}>
          <Segmented<'overview' | 'wall'>
            aria-label={t('view.label')}
            data-testid="port-view-switch"
            value={view}
            onChange={setView}
            options={[
              { value: 'overview', label: t('view.overview'), icon: <GlobalOutlined aria-hidden /> },
              { value: 'wall', label: t('view.wall'), icon: <VideoCameraOutlined aria-hidden /> },
            ]}
          />
          <Tooltip title={t('window.hint')}>
            <Button
              icon={<ExportOutlined />}
              data-testid="port-pop-out"
              onClick={() => popOut(view === 'wall' ? 'wall' : 'port')}
            >
              {t('window.open')}
            </Button>
          </Tooltip>
        </Space>
      }
    />
  );

  let body: React.ReactNode;
  if (loadError) {
    const text = describeError(loadError, tShell);
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t('site.loadFailed')}
        description={`${text.message} ${text.action}`}
        action={
          <Button size="small" onClick={() => void load()}>
            {t('site.retry')}
          </Button>
        }
      />
    );
  } else if (!site) {
    body = (
      <Spin spinning={loading} tip={t('site.loading')} data-testid="port-loading">
        <div style={{ height: 200 }} />
      </Spin>
    );
  } else if (shownView === 'wall') {
    body = <CameraWall site={site} />;
  } else {
    body = (
      <>
        <div className="cw-toolbar" role="toolbar" aria-label={t('scene.toolbar')}>
          <Space wrap size={8}>
            {mode.kind !== 'overview' ? (
              <Tooltip title={t('scene.backHint')}>
                <Button icon={<ArrowLeftOutlined />} onClick={() => openCamera(null)} data-testid="port-back">
                  {t('scene.back')}
                </Button>
              </Tooltip>
            ) : null}
            <Select
              aria-label={t('scene.camera')}
              data-testid="port-camera-select"
              placeholder={t('scene.chooseCamera')}
              style={{ minWidth: 240 }}
              value={activeCamera?.id ?? null}
              onChange={(id: string) => openCamera(id)}
              options={cameraOptions}
              showSearch
              optionFilterProp="label"
            />
            {mode.kind === 'overview' ? (
              <Select
                aria-label={t('scene.goTo')}
                data-testid="port-go-to"
                placeholder={t('scene.goTo')}
                style={{ minWidth: 220 }}
                value={null}
                onChange={(name: string) => setFocus(`${name}#${Date.now()}`)}
                options={areaOptions}
                showSearch
                optionFilterProp="label"
              />
            ) : null}
            {activeCamera ? <HealthBadge health={activeHealth} /> : null}
            {document && !windowed ? (
              <CameraEditorButton document={document} cameraId={activeCamera?.id ?? selectedCamera} onSaved={setDocument} />
            ) : null}
            {activeCamera ? (
              <Tooltip title={t('snapshot.takeHint')}>
                <Button
                  icon={<CameraOutlined />}
                  onClick={snapshot}
                  disabled={!activeSource || snapshotSaving}
                  data-testid="port-snapshot"
                >
                  {t('snapshot.take')}
                </Button>
              </Tooltip>
            ) : null}
            {activeCamera ? (
              <AddToCaseButton
                ref={addToCase}
                testId="port-add-to-case"
                hint={tEvidence('button.addToCaseKey')}
                disabled={!activeSource}
                capture={() =>
                  activeSource ? snapshotOf(activeSource, activeCamera.name) : Promise.reject(new Error('no camera'))
                }
                context={() => cameraCaseContext(tEvidence, activeCamera, i18n.language)}
              />
            ) : null}
          </Space>
        </div>
        {activeCamera ? <SourceProblem source={activeSource} health={activeHealth} /> : null}
        <PortView
          site={site}
          mode={mode}
          theme={theme}
          vehicles={vehicles}
          focus={focus}
          onPick={onPick}
          onMarker={onMarker}
          onActiveSource={setActiveSource}
        />
      </>
    );
  }

  return (
    <section
      data-testid={windowed ? `${windowed}-window` : 'screen-port'}
      className={windowed ? 'cw-port-screen cw-port-windowed' : 'cw-port-screen'}
      onKeyDown={onKeyDown}
    >
      {header}
      {site ? <PermissionNotice site={site} /> : null}
      {document && document.problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('site.problemsTitle')}
          description={
            <ul className="cw-problems">
              {document.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <SnapshotNotice />
      <ReleasedInfo />
      {body}
    </section>
  );
}

/** The last disposed scene's leftover GPU counts, for tests and diagnostics (not shown). */
function ReleasedInfo() {
  const released = usePort((s) => s.released);
  const mounts = usePort((s) => s.mounts);
  return (
    <span
      hidden
      data-testid="port-released"
      data-mounts={mounts}
      data-geometries={released?.geometries ?? ''}
      data-textures={released?.textures ?? ''}
      data-tracked={released?.tracked ?? ''}
    />
  );
}
