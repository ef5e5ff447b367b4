import {
  BoxGeometry,
  BufferGeometry,
  Color,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PlaneGeometry,
  type Texture,
} from 'three';
import { yawPitchToVector } from '../panorama/sphericalMath';
import { labelSprite } from './labelSprite';
import type { SceneLabelTag } from './sceneLabels';
import type { ResourceTracker } from './resourceTracker';
import type { AreaKind, SceneArea, SceneCamera, ScenePick, SceneSite, SceneVehicle } from './sceneSite';

const toRad = Math.PI / 180;

/** Calm, distinct fills per kind; the label names each area, so colour never carries meaning alone. */
const areaColors: Record<AreaKind, number> = {
  gate: 0x5b6b80,
  lane: 0x3d4a5c,
  yard: 0x6b5d45,
  berth: 0x2f5f7a,
  inspection: 0x7a4f5f,
  building: 0x707a84,
};

export function pickOf(object: { userData: Record<string, unknown> }): ScenePick | null {
  const pick = object.userData.pick as ScenePick | undefined;
  return pick ?? null;
}

export function buildGround(site: SceneSite, tracker: ResourceTracker, color: number): Mesh {
  const size = site.extent * 2.4;
  const ground = new Mesh(tracker.track(new PlaneGeometry(size, size)), tracker.track(new MeshLambertMaterial({ color })));
  ground.rotation.x = -Math.PI / 2;
  ground.name = 'ground';
  return ground;
}

export function buildArea(area: SceneArea, tracker: ResourceTracker): Group {
  const group = new Group();
  group.name = `area:${area.id}`;
  const height = Math.max(0.05, area.size.height);
  const box = new Mesh(
    tracker.track(new BoxGeometry(area.size.width, height, area.size.depth)),
    tracker.track(new MeshLambertMaterial({ color: areaColors[area.kind] })),
  );
  box.position.set(area.center.x, area.center.y + height / 2, area.center.z);
  box.rotation.y = -area.heading * toRad;
  box.userData.pick = { kind: 'area', id: area.id } satisfies ScenePick;
  group.add(box);
  const label = labelSprite(area.label, tracker, 'scene', { worldHeight: area.kind === 'lane' ? 2.2 : 3.5 });
  const at = area.labelAt ?? area.center;
  label.position.set(at.x, area.center.y + height + 3, at.z);
  label.userData.sceneLabel = { owner: group.name, kind: area.kind } satisfies SceneLabelTag;
  group.add(label);
  return group;
}

/**
 * A camera as the officer sees it in the overview: a small body, its view frustum
 * as lines, and its live picture on the frustum's far plane (fixed cameras) or on
 * a floating billboard (360° cameras, which have no single direction).
 */
export function buildCamera(camera: SceneCamera, texture: Texture | null, tracker: ResourceTracker): Group {
  const group = new Group();
  group.name = `camera:${camera.id}`;
  group.position.set(camera.position.x, camera.position.y, camera.position.z);
  const pick: ScenePick = { kind: 'camera', id: camera.id };

  const body = new Mesh(
    tracker.track(new BoxGeometry(1.2, 1.2, 1.2)),
    tracker.track(new MeshLambertMaterial({ color: 0xd9a441 })),
  );
  body.userData.pick = pick;
  group.add(body);

  const screenMaterial = tracker.track(
    new MeshBasicMaterial({ color: texture ? 0xffffff : 0x1d2733, map: texture, side: DoubleSide, toneMapped: false }),
  );
  if (camera.kind === 'fixed') {
    const depth = 14;
    const halfHeight = Math.tan((camera.fov / 2) * toRad) * depth;
    const halfWidth = halfHeight * camera.aspect;
    const corners = [
      [-halfWidth, halfHeight],
      [halfWidth, halfHeight],
      [halfWidth, -halfHeight],
      [-halfWidth, -halfHeight],
    ] as const;
    const points: number[] = [];
    for (const [x, y] of corners) points.push(0, 0, 0, x, y, -depth);
    for (let i = 0; i < 4; i++) {
      const a = corners[i] as readonly [number, number];
      const b = corners[(i + 1) % 4] as readonly [number, number];
      points.push(a[0], a[1], -depth, b[0], b[1], -depth);
    }
    const lineGeometry = tracker.track(new BufferGeometry());
    lineGeometry.setAttribute('position', new Float32BufferAttribute(points, 3));
    const frustum = new LineSegments(lineGeometry, tracker.track(new LineBasicMaterial({ color: 0xd9a441 })));
    const screen = new Mesh(tracker.track(new PlaneGeometry(halfWidth * 2, halfHeight * 2)), screenMaterial);
    screen.position.z = -depth;
    screen.userData.pick = pick;
    const aim = new Group();
    // Point the rig's −z along the camera's heading and pitch.
    const forward = yawPitchToVector({ yaw: camera.heading, pitch: camera.pitch });
    aim.lookAt(-forward.x, -forward.y, -forward.z);
    aim.add(frustum, screen);
    group.add(aim);
  } else {
    const screen = new Mesh(tracker.track(new PlaneGeometry(12, 6)), screenMaterial);
    screen.position.y = 6;
    screen.userData.pick = pick;
    screen.userData.billboard = true;
    group.add(screen);
  }
  const label = labelSprite(camera.label, tracker, 'scene', { worldHeight: 2.4, background: 'rgba(60, 44, 10, 0.85)' });
  label.position.y = camera.kind === 'fixed' ? 2.6 : 10.5;
  label.userData.sceneLabel = { owner: group.name, kind: 'camera' } satisfies SceneLabelTag;
  group.add(label);
  return group;
}

export function buildVehicle(vehicle: SceneVehicle, tracker: ResourceTracker): Group {
  const group = new Group();
  group.name = `vehicle:${vehicle.id}`;
  const pick: ScenePick = { kind: 'vehicle', id: vehicle.id, declarationId: vehicle.declarationId };
  const size = vehicle.kind === 'truck' ? { w: 2.5, h: 3.6, d: 14 } : { w: 2.44, h: 2.59, d: 12.19 };
  const color = new Color(vehicle.kind === 'truck' ? 0x4d8fd6 : 0xc0603a);
  const box = new Mesh(
    tracker.track(new BoxGeometry(size.w, size.h, size.d), 'vehicles'),
    tracker.track(new MeshLambertMaterial({ color }), 'vehicles'),
  );
  box.position.y = size.h / 2;
  box.userData.pick = pick;
  group.add(box);
  group.position.set(vehicle.position.x, vehicle.position.y, vehicle.position.z);
  group.rotation.y = -vehicle.heading * toRad;
  const label = labelSprite(vehicle.label, tracker, 'vehicles', { worldHeight: 2, background: 'rgba(16, 40, 72, 0.88)' });
  label.position.y = size.h + 2;
  label.userData.sceneLabel = { owner: group.name, kind: 'vehicle' } satisfies SceneLabelTag;
  group.add(label);
  return group;
}
