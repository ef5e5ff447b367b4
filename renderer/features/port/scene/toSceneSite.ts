import type { Site, SiteCamera } from '../../../../preload/contract/schemas/site';
import type { Vec3 } from '../panorama/sphericalMath';
import type { SceneArea, SceneCamera, SceneSite } from './sceneSite';

const toRad = Math.PI / 180;
/** Fixed cameras are drawn 16:9 until their stream says otherwise. */
export const defaultAspect = 16 / 9;

const vec = ([x, y, z]: readonly [number, number, number]): Vec3 => ({ x, y, z });

/** The site file's horizontal field of view as the vertical one three.js cameras take. */
export function verticalFov(horizontalDeg: number, aspect: number): number {
  return (2 * Math.atan(Math.tan((horizontalDeg / 2) * toRad) / aspect)) / toRad;
}

/** Heading of the line from `a` to `b`, degrees clockwise from north (−z). */
export function headingOf(a: Vec3, b: Vec3): number {
  return Math.atan2(b.x - a.x, -(b.z - a.z)) / toRad;
}

/**
 * How far along its lane, from the outside end (0) inwards (1), lane `index` of `count`
 * has its label: spread over the approach half, so each lane's label has its own row.
 */
export function laneLabelAlong(index: number, count: number): number {
  return count <= 1 ? 0.25 : 0.05 + (0.45 * index) / (count - 1);
}

function gateAreas(site: Site): SceneArea[] {
  const areas: SceneArea[] = [];
  for (const gate of site.gates) {
    let minX = Infinity;
    let maxX = -Infinity;
    for (const [index, lane] of gate.lanes.entries()) {
      const start = vec(lane.start);
      const end = vec(lane.end);
      const center = { x: (start.x + end.x) / 2, y: 0, z: (start.z + end.z) / 2 };
      const length = Math.max(1, Math.hypot(end.x - start.x, end.z - start.z));
      // Measured from where vehicles enter the lane from outside: the approach, which the overview faces.
      const [outside, inside] = lane.kind === 'outbound' ? [end, start] : [start, end];
      const along = laneLabelAlong(index, gate.lanes.length);
      const labelAt = { x: outside.x + (inside.x - outside.x) * along, y: 0, z: outside.z + (inside.z - outside.z) * along };
      areas.push({
        id: lane.id,
        kind: 'lane',
        label: lane.name,
        center,
        size: { width: lane.widthM, depth: length, height: 0.08 },
        heading: headingOf(start, end),
        labelAt,
      });
      minX = Math.min(minX, start.x - gate.position[0] - lane.widthM, end.x - gate.position[0] - lane.widthM);
      maxX = Math.max(maxX, start.x - gate.position[0] + lane.widthM, end.x - gate.position[0] + lane.widthM);
    }
    const width = Number.isFinite(minX) ? Math.max(8, maxX - minX) : 12;
    areas.push({
      id: gate.id,
      kind: 'gate',
      label: gate.name,
      center: { x: gate.position[0], y: gate.position[1] + 6, z: gate.position[2] },
      size: { width, depth: 8, height: 0.8 },
      heading: gate.rotationDeg,
    });
  }
  return areas;
}

function cameraOf(site: Site, camera: SiteCamera): SceneCamera<SiteCamera> {
  return {
    id: camera.id,
    label: camera.name,
    kind: camera.kind === '360' ? 'panorama' : 'fixed',
    position: vec(camera.position),
    heading: camera.yawDeg,
    pitch: camera.pitchDeg,
    fov: camera.kind === '360' ? Math.min(100, Math.max(30, camera.fovDeg)) : verticalFov(camera.fovDeg, defaultAspect),
    aspect: defaultAspect,
    markers: site.markers
      .filter((m) => m.cameraId === camera.id)
      .map((m) => ({ id: m.id, label: m.label, yaw: m.yawDeg, pitch: m.pitchDeg, link: m.link })),
    ...(camera.kind === '360' && camera.still ? { still: camera.still } : {}),
    source: camera,
  };
}

/** The site file as the 3D view draws it. */
export function toSceneSite(site: Site): SceneSite<SiteCamera> {
  const areas: SceneArea[] = [
    ...gateAreas(site),
    ...site.yardBlocks.map((b): SceneArea => ({
      id: b.id,
      kind: 'yard',
      label: b.name,
      center: vec(b.position),
      size: { width: b.size[0], height: b.size[1], depth: b.size[2] },
      heading: b.rotationDeg,
    })),
    ...site.berths.map((b): SceneArea => ({
      id: b.id,
      kind: 'berth',
      label: b.name,
      center: vec(b.position),
      size: { width: b.lengthM, height: 1.5, depth: 24 },
      heading: b.rotationDeg,
    })),
    ...site.inspectionAreas.map((a): SceneArea => ({
      id: a.id,
      kind: 'inspection',
      label: a.name,
      center: vec(a.position),
      size: { width: a.size[0], height: a.size[1], depth: a.size[2] },
      heading: a.rotationDeg,
    })),
  ];
  const cameras = site.cameras.map((c) => cameraOf(site, c));
  let extent = 40;
  for (const a of areas)
    extent = Math.max(extent, Math.abs(a.center.x) + a.size.width / 2, Math.abs(a.center.z) + a.size.depth / 2);
  for (const c of cameras) extent = Math.max(extent, Math.abs(c.position.x), Math.abs(c.position.z));
  return { name: site.name, extent: extent * 1.1, areas, cameras };
}
