/**
 * Pure edits of a site for the supervisor's camera editor, and the validation
 * problems that belong to one camera's fields. The whole site is re-checked on
 * every edit with the same schema the service uses, so the form shows exactly
 * what a save would refuse.
 */
import {
  checkSite,
  type CameraSourceSpec,
  type CameraSourceType,
  type Site,
  type SiteCamera,
  type SiteProblem,
} from '../../../../preload/contract/schemas/site';

/** A camera's fields as the form edits them; `source` keeps every type's settings so switching type back loses nothing. */
export interface CameraForm {
  id: string;
  name: string;
  kind: SiteCamera['kind'];
  x: number;
  y: number;
  z: number;
  yawDeg: number;
  pitchDeg: number;
  fovDeg: number;
  sourceType: CameraSourceType;
  url: string;
  loop: boolean;
  deviceId: string;
  group: string;
  still: string;
}

export function toForm(camera: SiteCamera): CameraForm {
  const source = camera.source;
  return {
    id: camera.id,
    name: camera.name,
    kind: camera.kind,
    x: camera.position[0],
    y: camera.position[1],
    z: camera.position[2],
    yawDeg: camera.yawDeg,
    pitchDeg: camera.pitchDeg,
    fovDeg: camera.fovDeg,
    sourceType: source.type,
    url: source.type === 'webcam' ? '' : source.url,
    loop: source.type === 'url' ? source.loop : true,
    deviceId: source.type === 'webcam' ? (source.deviceId ?? '') : '',
    group: camera.group ?? '',
    still: camera.still ?? '',
  };
}

export function sourceOf(form: CameraForm): CameraSourceSpec {
  switch (form.sourceType) {
    case 'webcam':
      return form.deviceId.trim() ? { type: 'webcam', deviceId: form.deviceId.trim() } : { type: 'webcam' };
    case 'url':
      return { type: 'url', url: form.url.trim(), loop: form.loop };
    default:
      return { type: form.sourceType, url: form.url.trim() };
  }
}

export function fromForm(form: CameraForm): SiteCamera {
  const camera: SiteCamera = {
    id: form.id.trim(),
    name: form.name,
    kind: form.kind,
    position: [form.x, form.y, form.z],
    yawDeg: form.yawDeg,
    pitchDeg: form.pitchDeg,
    fovDeg: form.fovDeg,
    source: sourceOf(form),
  };
  if (form.group) camera.group = form.group;
  if (form.kind === '360' && form.still.trim()) camera.still = form.still.trim();
  return camera;
}

/** Replaces camera `index`; when its id changes, markers and groups follow it. */
export function replaceCamera(site: Site, index: number, next: SiteCamera): Site {
  const previous = site.cameras[index];
  if (!previous) throw new RangeError(`No camera at index ${index}`);
  const renamed = previous.id !== next.id;
  return {
    ...site,
    cameras: site.cameras.map((camera, i) => (i === index ? next : camera)),
    markers: renamed ? site.markers.map((m) => (m.cameraId === previous.id ? { ...m, cameraId: next.id } : m)) : site.markers,
    cameraGroups: renamed
      ? site.cameraGroups.map((g) => ({ ...g, cameraIds: g.cameraIds.map((id) => (id === previous.id ? next.id : id)) }))
      : site.cameraGroups,
  };
}

/** A new fixed camera near the site origin with an id not used yet. */
export function newCamera(site: Site, name: string): SiteCamera {
  const used = new Set(site.cameras.map((c) => c.id));
  let n = site.cameras.length + 1;
  while (used.has(`cam-${n}`)) n++;
  return {
    id: `cam-${n}`,
    name,
    kind: 'fixed',
    position: [0, 6, 0],
    yawDeg: 0,
    pitchDeg: -15,
    fovDeg: 60,
    source: { type: 'url', url: 'media/cam-gate-overview.webm', loop: true },
  };
}

export function addCamera(site: Site, camera: SiteCamera): Site {
  return { ...site, cameras: [...site.cameras, camera] };
}

/** Removes a camera with its markers and its places in groups (groups left empty go too). */
export function removeCamera(site: Site, index: number): Site {
  const removed = site.cameras[index];
  if (!removed) throw new RangeError(`No camera at index ${index}`);
  return {
    ...site,
    cameras: site.cameras.filter((_, i) => i !== index),
    markers: site.markers.filter((m) => m.cameraId !== removed.id),
    cameraGroups: site.cameraGroups
      .map((g) => ({ ...g, cameraIds: g.cameraIds.filter((id) => id !== removed.id) }))
      .filter((g) => g.cameraIds.length > 0),
  };
}

/** Form field for a problem path under cameras[index], e.g. `cameras[2].source.url` → `url`. */
const fieldOfPath: [RegExp, keyof CameraForm][] = [
  [/^\.id$/, 'id'],
  [/^\.name$/, 'name'],
  [/^\.kind$/, 'kind'],
  [/^\.position\[0\]$/, 'x'],
  [/^\.position\[1\]$/, 'y'],
  [/^\.position\[2\]$/, 'z'],
  [/^\.position$/, 'x'],
  [/^\.yawDeg$/, 'yawDeg'],
  [/^\.pitchDeg$/, 'pitchDeg'],
  [/^\.fovDeg$/, 'fovDeg'],
  [/^\.source\.type$/, 'sourceType'],
  [/^\.source\.url$/, 'url'],
  [/^\.source\.deviceId$/, 'deviceId'],
  [/^\.source/, 'sourceType'],
  [/^\.group$/, 'group'],
  [/^\.still$/, 'still'],
];

export interface DraftCheck {
  /** Problems of the edited camera, by form field. */
  fields: Partial<Record<keyof CameraForm, string>>;
  /** Every problem of the site (other cameras, markers, groups), one line each. */
  all: SiteProblem[];
}

export function checkDraft(site: Site, cameraIndex: number | null): DraftCheck {
  const result = checkSite(site);
  if (result.ok) return { fields: {}, all: [] };
  const fields: DraftCheck['fields'] = {};
  const prefix = cameraIndex === null ? null : `cameras[${cameraIndex}]`;
  for (const problem of result.problems) {
    if (prefix === null || !problem.path.startsWith(prefix)) continue;
    const rest = problem.path.slice(prefix.length);
    const field = fieldOfPath.find(([pattern]) => pattern.test(rest))?.[1];
    if (field && !fields[field]) fields[field] = problem.message;
  }
  return { fields, all: result.problems };
}
