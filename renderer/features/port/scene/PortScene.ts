import {
  AmbientLight,
  Box3,
  Color,
  DirectionalLight,
  Group,
  type LineSegments,
  Mesh,
  MeshBasicMaterial,
  type Object3D,
  OrthographicCamera,
  PerspectiveCamera,
  PlaneGeometry,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { panoramaPicture, type PanoramaPicture } from '../panorama/panoramaPicture';
import { panoramaSphere } from '../panorama/panoramaSphere';
import { StillTexture } from '../panorama/stillTexture';
import {
  clampFov,
  clampPitch,
  compassHeading,
  dragLook,
  wheelZoom,
  yawPitchToVector,
  type YawPitch,
} from '../panorama/sphericalMath';
import type { CameraSource } from '../sources/cameraSource';
import { FlyTo, framingPose, type Pose } from './flyTo';
import { FrameTexture } from './frameTexture';
import { projectToScreen, type ScreenPoint } from './projectMarker';
import { ResourceTracker } from './resourceTracker';
import { SceneLabels } from './sceneLabels';
import type { SceneCamera, ScenePick, SceneSite, SceneVehicle } from './sceneSite';
import { buildArea, buildCamera, buildGround, buildVehicle, pickOf } from './siteMeshes';

/** What the scene shows: the whole port, one fixed camera full-screen, or a 360° camera from inside. */
export type PortSceneMode = { kind: 'overview' } | { kind: 'camera'; cameraId: string } | { kind: 'panorama'; cameraId: string };

export type SceneTheme = 'dark' | 'light';

/** GPU memory three.js reports, plus the scene's own bookkeeping. */
export interface PortSceneInfo {
  geometries: number;
  textures: number;
  /** Resources the scene still holds (0 after dispose). */
  tracked: number;
  /** Sources the scene created and has not disposed. */
  sources: number;
}

export interface PortSceneStats {
  /** Renders done and the CPU time spent in Clearway's update + render calls. */
  renders: number;
  cpuMs: number;
  /** New frames reported by the sources and texture uploads done, summed over cameras. */
  frames: number;
  uploads: number;
  pausedSources: number;
}

export interface PortSceneOptions<Source> {
  canvas: HTMLCanvasElement;
  createSource: (camera: SceneCamera<Source>) => CameraSource;
  /** A click on a camera, an area or a vehicle. */
  onPick?: (pick: ScenePick) => void;
  /** After each render in panorama or camera mode: where each marker is on the canvas. */
  onMarkers?: (points: ReadonlyMap<string, ScreenPoint>) => void;
  /** Compass heading of the panorama view, degrees from north. */
  onHeading?: (heading: number) => void;
  theme?: SceneTheme;
  /** Test seam: a renderer for a canvas (defaults to WebGLRenderer). */
  createRenderer?: (canvas: HTMLCanvasElement) => WebGLRenderer;
}

const themeColors: Record<SceneTheme, { background: number; ground: number }> = {
  dark: { background: 0x0e141b, ground: 0x1f2a33 },
  light: { background: 0xdfe5ea, ground: 0xb8c2ca },
};

interface CameraEntry<Source> {
  camera: SceneCamera<Source>;
  source: CameraSource;
  frame: FrameTexture;
  group: Group;
}

/**
 * The 3D port view. A plain class, not a React component: it owns the WebGL
 * renderer, the scenes, the cameras, every texture and the render loop; the
 * screen mounts it on a canvas and passes state in (site, mode, vehicles, theme).
 * It renders only when something changed or a camera delivered a new frame.
 */
export class PortScene<Source = unknown> {
  private readonly renderer: WebGLRenderer;
  private readonly tracker = new ResourceTracker();
  private readonly overview = new Scene();
  private readonly overviewCamera = new PerspectiveCamera(50, 1, 0.5, 5000);
  private readonly controls: OrbitControls;
  private readonly siteRoot = new Group();
  private readonly vehicleRoot = new Group();
  private readonly focusScene = new Scene();
  private readonly focusOrtho = new OrthographicCamera(-1, 1, 1, -1, 0, 10);
  private readonly panoCamera = new PerspectiveCamera(75, 1, 0.1, 200);
  private readonly raycaster = new Raycaster();
  private readonly entries = new Map<string, CameraEntry<Source>>();
  /** The overview's text labels: sized and decluttered before each render. */
  private readonly labels = new SceneLabels();
  private readonly cleanups: (() => void)[] = [];
  private site: SceneSite<Source> | null = null;
  private mode: PortSceneMode = { kind: 'overview' };
  private focusMesh: Mesh | null = null;
  /** Panorama mode: the sphere's material, the camera's still, and the health subscription that redraws on a state change. */
  private panoMaterial: MeshBasicMaterial | null = null;
  private still: StillTexture | null = null;
  private stopHealthWatch: (() => void) | null = null;
  private picture: PanoramaPicture | null = null;
  private view: YawPitch = { yaw: 0, pitch: 0 };
  private flight: FlyTo | null = null;
  private frameRequest: number | null = null;
  private width = 1;
  private height = 1;
  private hidden = false;
  private offscreen = false;
  private disposed = false;
  private readonly totals = { renders: 0, cpuMs: 0 };
  private retiredFrames = 0;
  private retiredUploads = 0;

  constructor(private readonly options: PortSceneOptions<Source>) {
    const canvas = options.canvas;
    this.renderer =
      options.createRenderer?.(canvas) ?? new WebGLRenderer({ canvas, antialias: false, powerPreference: 'low-power' });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.overview.add(new AmbientLight(0xffffff, 1.6));
    const sun = new DirectionalLight(0xffffff, 1.8);
    sun.position.set(120, 200, 80);
    this.overview.add(sun, this.siteRoot, this.vehicleRoot);
    this.overviewCamera.position.set(0, 160, 200);
    this.controls = new OrbitControls(this.overviewCamera, canvas);
    this.controls.enableDamping = true;
    this.controls.maxPolarAngle = Math.PI * 0.48;
    this.controls.addEventListener('change', this.invalidate);
    this.setTheme(options.theme ?? 'dark');
    this.listen();
    this.resize();
  }

  // ------------------------------------------------------------ state in

  /** Replaces the site: frees the old geometry and sources, builds the new ones. */
  setSite(site: SceneSite<Source>): void {
    this.assertLive('setSite');
    this.clearSite();
    this.site = site;
    this.siteRoot.add(buildGround(site, this.tracker, themeColors[this.theme].ground));
    for (const area of site.areas) this.siteRoot.add(buildArea(area, this.tracker));
    for (const camera of site.cameras) {
      const source = this.options.createSource(camera);
      const frame = new FrameTexture(source, this.invalidate);
      const group = buildCamera(camera, frame.texture, this.tracker);
      this.siteRoot.add(group);
      this.entries.set(camera.id, { camera, source, frame, group });
      void source.start();
    }
    this.labels.collect(this.siteRoot, 'scene');
    this.controls.maxDistance = site.extent * 4;
    this.resetView();
    this.applyMode();
  }

  setVehicles(vehicles: readonly SceneVehicle[]): void {
    this.assertLive('setVehicles');
    this.vehicleRoot.clear();
    this.labels.clear('vehicles');
    this.tracker.disposeGroup('vehicles');
    for (const vehicle of vehicles) this.vehicleRoot.add(buildVehicle(vehicle, this.tracker));
    this.labels.collect(this.vehicleRoot, 'vehicles');
    this.invalidate();
  }

  setMode(mode: PortSceneMode): void {
    this.assertLive('setMode');
    if (mode.kind !== 'overview' && !this.entries.has(mode.cameraId))
      throw new Error(`PortScene: no camera "${mode.cameraId}" in the site`);
    this.mode = mode;
    this.applyMode();
  }

  setTheme(theme: SceneTheme): void {
    this.theme = theme;
    this.overview.background = new Color(themeColors[theme].background);
    this.focusScene.background = new Color(0x000000);
    const ground = this.siteRoot.getObjectByName('ground') as Mesh | undefined;
    if (ground) (ground.material as MeshBasicMaterial).color.setHex(themeColors[theme].ground);
    this.invalidate();
  }

  /** Smoothly moves the overview camera to frame an area, a camera or a vehicle. */
  flyTo(objectName: string): boolean {
    const object = this.overview.getObjectByName(objectName);
    if (!object || this.mode.kind !== 'overview') return false;
    // Where the officer asked to go is what they are looking for: its label stays up.
    this.labels.pin('selected', objectName);
    const bounds = shapeBounds(object);
    const center = bounds.getCenter(new Vector3());
    const radius = Math.max(4, bounds.getSize(new Vector3()).length() / 2);
    const current: Pose = { position: { ...this.overviewCamera.position }, target: { ...this.controls.target } };
    this.flight = new FlyTo(current, framingPose(current, center, radius, this.overviewCamera.fov), performance.now());
    this.invalidate();
    return true;
  }

  /**
   * The selected object's scene name (`area:<id>`, `camera:<id>`, `vehicle:<id>`) or null:
   * its label shows whatever it overlaps. A click or a fly-to selects too.
   */
  setSelected(objectName: string | null): void {
    this.assertLive('setSelected');
    if (this.labels.pin('selected', objectName)) this.invalidate();
  }

  /** Ids of the overview labels shown at the last render (the owner's scene name). */
  shownLabels(): string[] {
    return this.labels.shownIds();
  }

  /** Where the officer looks in panorama mode. */
  setPanoramaView(view: YawPitch, fov?: number): void {
    this.view = { yaw: view.yaw, pitch: clampPitch(view.pitch) };
    if (fov !== undefined) this.panoCamera.fov = clampFov(fov);
    this.panoCamera.updateProjectionMatrix();
    this.invalidate();
  }

  panoramaView(): YawPitch & { fov: number } {
    return { ...this.view, fov: this.panoCamera.fov };
  }

  // ------------------------------------------------------------ state out

  source(cameraId: string): CameraSource | null {
    return this.entries.get(cameraId)?.source ?? null;
  }

  info(): PortSceneInfo {
    return {
      geometries: this.renderer.info.memory.geometries,
      textures: this.renderer.info.memory.textures,
      tracked: this.tracker.count(),
      sources: this.entries.size,
    };
  }

  stats(): PortSceneStats {
    let frames = this.retiredFrames;
    let uploads = this.retiredUploads;
    let pausedSources = 0;
    for (const entry of this.entries.values()) {
      frames += entry.frame.frames;
      uploads += entry.frame.uploads;
      if (this.isPaused(entry.camera.id)) pausedSources += 1;
    }
    return { renders: this.totals.renders, cpuMs: this.totals.cpuMs, frames, uploads, pausedSources };
  }

  /** In panorama mode, what the sphere showed at the last render; null in the other modes. */
  panoramaShows(): PanoramaPicture | null {
    return this.mode.kind === 'panorama' ? this.picture : null;
  }

  /** Pending frames are drawn synchronously (tests and snapshots of the canvas). */
  renderNow(): void {
    if (this.frameRequest !== null) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = null;
    this.frame(performance.now());
  }

  /**
   * Frees every geometry, material, texture and render target, disposes the sources
   * it created (which stops their media tracks), stops the loop and releases the
   * WebGL context. Returns what three.js still counted after the scene was emptied
   * and before the renderer went away: zero and zero when nothing leaked.
   */
  dispose(): PortSceneInfo {
    if (this.disposed) return { geometries: 0, textures: 0, tracked: 0, sources: 0 };
    if (this.frameRequest !== null) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.controls.removeEventListener('change', this.invalidate);
    this.controls.dispose();
    this.clearSite();
    this.tracker.disposeAll();
    this.renderer.renderLists.dispose();
    const left = this.info();
    this.disposed = true;
    this.renderer.dispose();
    this.renderer.forceContextLoss();
    return left;
  }

  // ------------------------------------------------------------ internals

  private theme: SceneTheme = 'dark';

  readonly invalidate = (): void => {
    if (this.disposed || this.frameRequest !== null || this.hidden || this.offscreen) return;
    this.frameRequest = requestAnimationFrame(this.frame);
  };

  private readonly frame = (now: number): void => {
    this.frameRequest = null;
    if (this.disposed) return;
    const started = performance.now();
    let again = false;
    if (this.mode.kind === 'overview') {
      if (this.flight) {
        const pose = this.flight.sample(now);
        this.overviewCamera.position.set(pose.position.x, pose.position.y, pose.position.z);
        this.controls.target.set(pose.target.x, pose.target.y, pose.target.z);
        if (pose.done) this.flight = null;
        again = true;
      }
      // Damping keeps moving for a few frames after the pointer lets go.
      if (this.controls.update()) again = true;
      this.faceBillboards();
      this.labels.update(this.overviewCamera, this.width, this.height);
      for (const entry of this.entries.values()) entry.frame.noteRender();
      this.renderer.render(this.overview, this.overviewCamera);
    } else {
      const entry = this.entries.get(this.mode.cameraId);
      entry?.frame.noteRender();
      if (this.mode.kind === 'panorama') {
        if (entry) this.choosePanoramaPicture(entry);
        const look = yawPitchToVector(this.view);
        this.panoCamera.lookAt(look.x, look.y, look.z);
        this.renderer.render(this.focusScene, this.panoCamera);
      } else {
        this.fitFocusPlane();
        this.renderer.render(this.focusScene, this.focusOrtho);
      }
      this.reportMarkers();
    }
    this.totals.renders += 1;
    this.totals.cpuMs += performance.now() - started;
    if (again) this.invalidate();
  };

  private applyMode(): void {
    this.flight = null;
    this.controls.enabled = this.mode.kind === 'overview';
    this.clearFocus();
    if (this.mode.kind !== 'overview') {
      const entry = this.entries.get(this.mode.cameraId);
      const texture = entry?.frame.texture ?? null;
      if (this.mode.kind === 'panorama') {
        const sphere = panoramaSphere(null, this.tracker, 'focus');
        this.panoMaterial = sphere.material as MeshBasicMaterial;
        this.focusScene.add(sphere);
        if (entry?.camera.still) this.still = this.tracker.track(new StillTexture(entry.camera.still, this.invalidate), 'focus');
        // No frames come from a failed stream: its health change is what swaps in the still.
        if (entry) this.stopHealthWatch = entry.source.onHealth(this.invalidate);
        this.panoCamera.fov = entry ? clampFov(entry.camera.fov) : 75;
        this.panoCamera.updateProjectionMatrix();
        this.view = { yaw: 0, pitch: 0 };
      } else {
        const material = this.tracker.track(new MeshBasicMaterial({ map: texture, toneMapped: false }), 'focus');
        this.focusMesh = new Mesh(this.tracker.track(new PlaneGeometry(2, 2), 'focus'), material);
        this.focusScene.add(this.focusMesh);
      }
    }
    this.updatePausing();
    this.invalidate();
  }

  /** Puts the live video or the still on the sphere (see panoramaPicture). */
  private choosePanoramaPicture(entry: CameraEntry<Source>): void {
    const material = this.panoMaterial;
    if (!material) return;
    const picture = panoramaPicture({
      stillReady: this.still?.ready ?? false,
      videoState: entry.source.health().state,
      videoHasFrame: entry.frame.frames > 0,
    });
    this.picture = picture;
    const map = picture === 'video' ? entry.frame.texture : picture === 'still' ? (this.still?.texture ?? null) : null;
    if (material.map === map) return;
    material.map = map;
    material.color.setHex(map ? 0xffffff : 0x1d2733);
    material.needsUpdate = true;
  }

  private clearFocus(): void {
    this.stopHealthWatch?.();
    this.stopHealthWatch = null;
    this.focusScene.clear();
    this.focusMesh = null;
    this.panoMaterial = null;
    this.still = null;
    this.picture = null;
    this.tracker.disposeGroup('focus');
  }

  /** Letterboxes the camera picture: whole frame visible, aspect kept. */
  private fitFocusPlane(): void {
    if (!this.focusMesh || this.mode.kind !== 'camera') return;
    const entry = this.entries.get(this.mode.cameraId);
    const aspect = entry?.frame.aspect() ?? entry?.camera.aspect ?? 16 / 9;
    const canvasAspect = this.width / this.height;
    const sx = aspect > canvasAspect ? 1 : aspect / canvasAspect;
    const sy = aspect > canvasAspect ? canvasAspect / aspect : 1;
    this.focusMesh.scale.set(sx, sy, 1);
  }

  private reportMarkers(): void {
    const entry = this.mode.kind === 'overview' ? null : this.entries.get(this.mode.cameraId);
    if (!entry) return;
    const points = new Map<string, ScreenPoint>();
    for (const marker of entry.camera.markers) {
      const dir = yawPitchToVector({ yaw: marker.yaw, pitch: marker.pitch });
      if (this.mode.kind === 'panorama') {
        points.set(
          marker.id,
          projectToScreen({ x: dir.x * 40, y: dir.y * 40, z: dir.z * 40 }, this.panoCamera, this.width, this.height),
        );
      } else {
        points.set(marker.id, this.fixedViewPoint(entry.camera, marker.yaw, marker.pitch));
      }
    }
    this.options.onMarkers?.(points);
    if (this.mode.kind === 'panorama') this.options.onHeading?.(compassHeading(entry.camera.heading, this.view.yaw));
  }

  /** A fixed camera's marker: yaw/pitch relative to the camera's own aim, on the letterboxed picture. */
  private fixedViewPoint(camera: SceneCamera<Source>, yaw: number, pitch: number): ScreenPoint {
    const halfV = Math.tan(((camera.fov / 2) * Math.PI) / 180);
    const aspect = this.entries.get(camera.id)?.frame.aspect() ?? camera.aspect;
    const halfH = halfV * aspect;
    const dir = yawPitchToVector({ yaw, pitch });
    if (dir.z >= 0) return { x: 0, y: 0, visible: false };
    const u = dir.x / -dir.z / halfH;
    const v = dir.y / -dir.z / halfV;
    const sx = this.focusMesh?.scale.x ?? 1;
    const sy = this.focusMesh?.scale.y ?? 1;
    const x = ((u * sx + 1) / 2) * this.width;
    const y = ((1 - v * sy) / 2) * this.height;
    return { x, y, visible: Math.abs(u) <= 1 && Math.abs(v) <= 1 };
  }

  private faceBillboards(): void {
    for (const entry of this.entries.values()) {
      if (entry.camera.kind !== 'panorama') continue;
      entry.group.traverse((object) => {
        if (object.userData.billboard) object.quaternion.copy(this.overviewCamera.quaternion);
      });
    }
  }

  private isPaused(cameraId: string): boolean {
    if (this.hidden || this.offscreen) return true;
    return this.mode.kind !== 'overview' && this.mode.cameraId !== cameraId;
  }

  /** Off-screen, hidden or not shown in the current mode: the source decodes and uploads nothing. */
  private updatePausing(): void {
    for (const entry of this.entries.values()) entry.source.setPaused(this.isPaused(entry.camera.id));
  }

  private clearSite(): void {
    for (const entry of this.entries.values()) {
      this.retiredFrames += entry.frame.frames;
      this.retiredUploads += entry.frame.uploads;
      entry.frame.dispose();
      entry.source.dispose();
    }
    this.entries.clear();
    this.siteRoot.clear();
    this.vehicleRoot.clear();
    this.labels.clear();
    this.clearFocus();
    this.tracker.disposeGroup('scene');
    this.tracker.disposeGroup('vehicles');
    this.site = null;
  }

  private resetView(): void {
    const extent = this.site?.extent ?? 100;
    this.overviewCamera.position.set(extent * 0.15, extent * 0.5, extent * 0.65);
    this.controls.target.set(0, 0, 0);
    this.overviewCamera.far = extent * 10;
    this.overviewCamera.updateProjectionMatrix();
    this.controls.update();
    this.invalidate();
  }

  private resize = (): void => {
    const canvas = this.options.canvas;
    const width = Math.max(1, canvas.clientWidth);
    const height = Math.max(1, canvas.clientHeight);
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.renderer.setSize(width, height, false);
    for (const camera of [this.overviewCamera, this.panoCamera]) {
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
    }
    this.invalidate();
  };

  private listen(): void {
    const canvas = this.options.canvas;
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement,
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
      opts?: AddEventListenerOptions,
    ) => {
      target.addEventListener(type, handler as EventListener, opts);
      this.cleanups.push(() => target.removeEventListener(type, handler as EventListener, opts));
    };

    const resizeObserver = new ResizeObserver(() => this.resize());
    resizeObserver.observe(canvas);
    this.cleanups.push(() => resizeObserver.disconnect());

    const intersection = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      this.offscreen = !last.isIntersecting;
      this.updatePausing();
      this.invalidate();
    });
    intersection.observe(canvas);
    this.cleanups.push(() => intersection.disconnect());

    const onVisibility = () => {
      this.hidden = document.visibilityState === 'hidden';
      this.updatePausing();
      this.invalidate();
    };
    document.addEventListener('visibilitychange', onVisibility);
    this.cleanups.push(() => document.removeEventListener('visibilitychange', onVisibility));
    this.hidden = document.visibilityState === 'hidden';

    // A click (not a drag) picks what is under the pointer.
    let down: { x: number; y: number; id: number } | null = null;
    let last: { x: number; y: number } | null = null;
    on(canvas, 'pointerdown', (event) => {
      down = { x: event.clientX, y: event.clientY, id: event.pointerId };
      last = { x: event.clientX, y: event.clientY };
      if (this.mode.kind === 'panorama') canvas.setPointerCapture(event.pointerId);
    });
    on(canvas, 'pointermove', (event) => {
      if (!down && this.mode.kind === 'overview') this.hoverAt(event.clientX, event.clientY);
      if (!down || !last || this.mode.kind !== 'panorama') return;
      this.setPanoramaView(dragLook(this.view, event.clientX - last.x, event.clientY - last.y, this.panoCamera.fov, this.height));
      last = { x: event.clientX, y: event.clientY };
    });
    on(canvas, 'pointerup', (event) => {
      const start = down;
      down = null;
      last = null;
      if (!start || Math.hypot(event.clientX - start.x, event.clientY - start.y) > 4) return;
      const pick = this.pickAt(event.clientX, event.clientY);
      if (this.mode.kind === 'overview') this.setSelected(pick ? sceneName(pick) : null);
      if (pick) this.options.onPick?.(pick);
    });
    on(canvas, 'pointerleave', () => {
      if (this.labels.pin('hover', null)) this.invalidate();
    });
    on(
      canvas,
      'wheel',
      (event) => {
        if (this.mode.kind !== 'panorama') return;
        event.preventDefault();
        this.setPanoramaView(this.view, wheelZoom(this.panoCamera.fov, event.deltaY));
      },
      { passive: false },
    );
    on(canvas, 'keydown', (event) => {
      if (this.mode.kind !== 'panorama') return;
      const step = 5;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        this.setPanoramaView({ yaw: this.view.yaw + move[0], pitch: this.view.pitch + move[1] });
      } else if (event.key === '+' || event.key === '=') {
        this.setPanoramaView(this.view, this.panoCamera.fov / 1.15);
      } else if (event.key === '-') {
        this.setPanoramaView(this.view, this.panoCamera.fov * 1.15);
      }
    });
  }

  /** The label of what is under the pointer shows, even where a more important one would hide it. */
  private hoverAt(clientX: number, clientY: number): void {
    const pick = this.pickAt(clientX, clientY);
    if (this.labels.pin('hover', pick ? sceneName(pick) : null)) this.invalidate();
  }

  private pickAt(clientX: number, clientY: number): ScenePick | null {
    if (this.mode.kind !== 'overview') return null;
    const rect = this.options.canvas.getBoundingClientRect();
    const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.overviewCamera);
    const hits = this.raycaster.intersectObjects([this.siteRoot, this.vehicleRoot], true);
    // Cameras and vehicles win over the area they stand in.
    const picks = hits.map((hit) => pickOf(hit.object)).filter((p): p is ScenePick => p !== null);
    return picks.find((p) => p.kind !== 'area') ?? picks[0] ?? null;
  }

  private assertLive(what: string): void {
    if (this.disposed) throw new Error(`PortScene.${what}: the scene was disposed`);
  }
}

/** The scene object's name a pick refers to (the group names siteMeshes gives). */
function sceneName(pick: ScenePick): string {
  return `${pick.kind}:${pick.id}`;
}

/** The bounds of an object's meshes and lines: its label is sized for the screen, not part of its shape. */
function shapeBounds(object: Object3D): Box3 {
  const bounds = new Box3();
  object.updateWorldMatrix(true, true);
  object.traverse((part) => {
    if ((part as Mesh).isMesh || (part as LineSegments).isLine) bounds.expandByObject(part, false);
  });
  return bounds.isEmpty() ? bounds.setFromObject(object) : bounds;
}
