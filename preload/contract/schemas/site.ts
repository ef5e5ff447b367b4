/**
 * The site model: the port as simple geometry (gates with lanes, yard blocks,
 * berths, inspection areas) plus its cameras, panorama markers and suggested camera groups.
 * One JSON file describes a site; the demo ships in resources/site/demo-site.json.
 *
 * Coordinates are metres in a local frame: x east, y up, z south (three.js
 * convention), relative to `origin`. Angles are degrees: yaw 0 looks north
 * (towards -z) and grows clockwise seen from above, pitch is positive upwards.
 */
import { z } from 'zod';
import { IsoTime } from './common';
import { isValidContainerId } from './validators/iso6346';

const between = (min: number, max: number) => `must be between ${min} and ${max}`;

const finite = z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const ranged = (min: number, max: number) =>
  z.number({ error: 'must be a number' }).min(min, between(min, max)).max(max, between(min, max));
const positive = z.number({ error: 'must be a number' }).positive('must be greater than 0');
const count = (max: number) =>
  z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, between(1, max)).max(max, between(1, max));

export const SiteId = z
  .string({ error: 'must be a text id' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit');
const Name = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

/** [x, y, z] in metres. */
export const Vec3 = z.tuple([finite, finite, finite], { error: 'must be [x, y, z] in metres' });
export type Vec3 = z.infer<typeof Vec3>;

/** [width (x), height (y), depth (z)] in metres, each > 0. */
export const Size3 = z.tuple([positive, positive, positive], { error: 'must be [width, height, depth] in metres' });

/**
 * Where a stream comes from. Absolute http(s) URLs reach a camera or a bridge
 * (go2rtc, MediaMTX); a relative path like `media/gate-1.webm` is a file shipped
 * with the app (resources/site/public, served next to the renderer).
 */
export const MediaUrl = z
  .string({ error: 'must be a URL' })
  .min(1, 'must not be empty')
  .max(2048, 'must be at most 2048 characters')
  .refine(isMediaUrl, 'must be an http(s) URL or a path inside the app media folder such as media/gate-1.webm');

export function isMediaUrl(value: string): boolean {
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }
  // Relative: plain path segments only, never "..", a scheme, "//" or a query.
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(value) && !value.split('/').includes('..');
}

export const CameraSourceSpec = z.discriminatedUnion(
  'type',
  [
    /** A local camera through getUserMedia; without deviceId the workstation's chosen (or default) camera. */
    z.object({ type: z.literal('webcam'), deviceId: z.string().max(256).optional() }),
    /** An MP4 or WebM file or progressive URL, looped by default (demo feeds, recordings). */
    z.object({ type: z.literal('url'), url: MediaUrl, loop: z.boolean().default(true) }),
    /** An HLS playlist (.m3u8), e.g. from MediaMTX or go2rtc; played with hls.js. */
    z.object({ type: z.literal('hls'), url: MediaUrl }),
    /** multipart/x-mixed-replace JPEG stream over HTTP (many IP cameras, go2rtc /api/stream.mjpeg). */
    z.object({ type: z.literal('mjpeg'), url: MediaUrl }),
    /** WebRTC over WHEP (MediaMTX :8889/<path>/whep, go2rtc /api/webrtc?src=). */
    z.object({ type: z.literal('whep'), url: MediaUrl }),
  ],
  { error: 'must have type webcam, url, hls, mjpeg or whep' },
);
export type CameraSourceSpec = z.infer<typeof CameraSourceSpec>;
export type CameraSourceType = CameraSourceSpec['type'];
export const cameraSourceTypes: readonly CameraSourceType[] = ['webcam', 'url', 'hls', 'mjpeg', 'whep'];

export const LaneKind = z.enum(['inbound', 'outbound', 'inspection'], { error: 'must be inbound, outbound or inspection' });
export type LaneKind = z.infer<typeof LaneKind>;

export const Lane = z.object({
  id: SiteId,
  name: Name,
  kind: LaneKind,
  /** Centre line on the ground, from entry to exit. */
  start: Vec3,
  end: Vec3,
  widthM: ranged(1, 20).default(3.5),
});
export type Lane = z.infer<typeof Lane>;

export const Gate = z.object({
  id: SiteId,
  name: Name,
  position: Vec3,
  /** Yaw of the gate canopy, degrees. */
  rotationDeg: ranged(-360, 360).default(0),
  lanes: z.array(Lane).min(1, 'must list at least one lane').max(32, 'must list at most 32 lanes'),
});
export type Gate = z.infer<typeof Gate>;

export const YardBlock = z.object({
  id: SiteId,
  name: Name,
  /** Centre of the block on the ground. */
  position: Vec3,
  size: Size3,
  rotationDeg: ranged(-360, 360).default(0),
  rows: count(100),
  bays: count(200),
  tiers: count(12),
});
export type YardBlock = z.infer<typeof YardBlock>;

export const Berth = z.object({
  id: SiteId,
  name: Name,
  position: Vec3,
  lengthM: ranged(10, 2000),
  rotationDeg: ranged(-360, 360).default(0),
});
export type Berth = z.infer<typeof Berth>;

export const InspectionArea = z.object({
  id: SiteId,
  name: Name,
  position: Vec3,
  size: Size3,
  rotationDeg: ranged(-360, 360).default(0),
  /** Parking bays where vehicles are examined. */
  bays: count(50),
});
export type InspectionArea = z.infer<typeof InspectionArea>;

export const CameraKind = z.enum(['fixed', '360'], { error: 'must be fixed or 360' });
export type CameraKind = z.infer<typeof CameraKind>;

/** A region of a camera's picture, as fractions of its width and height. */
const fraction = ranged(0, 1);
export const Roi = z
  .object({
    x: fraction,
    y: fraction,
    width: fraction.refine((v) => v > 0, 'must be above 0'),
    height: fraction.refine((v) => v > 0, 'must be above 0'),
  })
  .refine((r) => r.x + r.width <= 1.0001 && r.y + r.height <= 1.0001, {
    message: 'must lie inside the picture (x + width ≤ 1, y + height ≤ 1)',
  });
export type Roi = z.infer<typeof Roi>;

/** What a gate camera reads: a vehicle's plate, or a container's number from its side or rear. */
export const CameraReads = z.enum(['plate', 'container'], { error: 'must be plate or container' });
export type CameraReads = z.infer<typeof CameraReads>;

/** A gate lane camera that recognition reads: its lane, what it reads and where in the picture. */
export const CameraRecognition = z.object({
  laneId: SiteId,
  reads: CameraReads.default('plate'),
  /** Where plates or numbers appear; the whole picture when absent. */
  roi: Roi.optional(),
});
export type CameraRecognition = z.infer<typeof CameraRecognition>;

export const SiteCamera = z.object({
  id: SiteId,
  name: Name,
  kind: CameraKind,
  position: Vec3,
  yawDeg: ranged(-360, 360),
  pitchDeg: ranged(-90, 90),
  /** Horizontal field of view of a fixed camera; the initial zoom of a 360° view. */
  fovDeg: ranged(10, 180),
  source: CameraSourceSpec,
  /** For 360° cameras: an equirectangular still shown while (or instead of) the video. */
  still: MediaUrl.optional(),
  /** The camera group it is listed under first (see cameraGroups). */
  group: SiteId.optional(),
  /** Set for a gate lane camera whose frames recognition reads. */
  recognition: CameraRecognition.optional(),
});
export type SiteCamera = z.infer<typeof SiteCamera>;

export const MarkerLinkKind = z.enum(['declaration', 'case', 'lane', 'container'], {
  error: 'must be declaration, case, lane or container',
});
export type MarkerLinkKind = z.infer<typeof MarkerLinkKind>;

export const MarkerLink = z.object({
  kind: MarkerLinkKind,
  /** A declaration or case id, a lane id of this site, or an ISO 6346 container number. */
  ref: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});
export type MarkerLink = z.infer<typeof MarkerLink>;

/** A hotspot anchored in a camera's view (a panorama's sphere, or a fixed camera's full-screen view). */
export const PanoramaMarker = z.object({
  id: SiteId,
  cameraId: SiteId,
  yawDeg: ranged(-360, 360),
  pitchDeg: ranged(-90, 90),
  label: Name,
  link: MarkerLink,
});
export type PanoramaMarker = z.infer<typeof PanoramaMarker>;

export const WallLayout = z.enum(['1x1', '2x2', '3x3'], { error: 'must be 1x1, 2x2 or 3x3' });
export type WallLayout = z.infer<typeof WallLayout>;

/**
 * A camera group as a site file suggests it. The camera wall's groups live in
 * the workstation settings (per site); a site file's groups are only the seed a
 * workstation starts from until its user first saves groups for that site (the
 * demo site ships its wall this way, and site files saved before groups moved
 * to the settings keep loading and keep their groups).
 */
export const CameraGroup = z.object({
  id: SiteId,
  name: Name,
  layout: WallLayout.default('2x2'),
  cameraIds: z.array(SiteId).min(1, 'must list at least one camera').max(9, 'must list at most 9 cameras (a 3×3 wall)'),
});
export type CameraGroup = z.infer<typeof CameraGroup>;

export const SiteOrigin = z.object({
  latitude: ranged(-90, 90),
  longitude: ranged(-180, 180),
  elevationM: finite.default(0),
});

export const SITE_SCHEMA_VERSION = 1;

const SiteShape = z.object({
  schemaVersion: z.literal(SITE_SCHEMA_VERSION, { error: `must be ${SITE_SCHEMA_VERSION}` }),
  id: SiteId,
  name: Name,
  origin: SiteOrigin,
  gates: z.array(Gate).max(64, 'must list at most 64 gates').default([]),
  yardBlocks: z.array(YardBlock).max(500, 'must list at most 500 yard blocks').default([]),
  berths: z.array(Berth).max(100, 'must list at most 100 berths').default([]),
  inspectionAreas: z.array(InspectionArea).max(50, 'must list at most 50 inspection areas').default([]),
  cameras: z.array(SiteCamera).max(256, 'must list at most 256 cameras').default([]),
  markers: z.array(PanoramaMarker).max(2000, 'must list at most 2000 markers').default([]),
  /** Suggested wall groups: seed the workstation settings (see CameraGroup), never edited by the wall. */
  cameraGroups: z.array(CameraGroup).max(64, 'must list at most 64 camera groups').default([]),
});

/** The whole site, with cross-references checked: unique ids, markers and groups naming real cameras, lanes. */
export const Site = SiteShape.superRefine((site, ctx) => {
  const unique = (collection: string, items: readonly { id: string }[], seen = new Map<string, string>()) => {
    items.forEach((item, index) => {
      const here = `${collection}[${index}]`;
      const first = seen.get(item.id);
      if (first)
        ctx.addIssue({
          code: 'custom',
          path: [collection, index, 'id'],
          message: `"${item.id}" is already used by ${first}; ids must be unique`,
        });
      else seen.set(item.id, here);
    });
    return seen;
  };
  unique('gates', site.gates);
  unique('yardBlocks', site.yardBlocks);
  unique('berths', site.berths);
  unique('inspectionAreas', site.inspectionAreas);
  const cameraIds = unique('cameras', site.cameras);
  unique('markers', site.markers);
  const groupIds = unique('cameraGroups', site.cameraGroups);

  // Lane ids are unique across all gates: markers and vehicles refer to a lane by id alone.
  const laneIds = new Map<string, string>();
  site.gates.forEach((gate, g) =>
    gate.lanes.forEach((lane, l) => {
      const first = laneIds.get(lane.id);
      if (first)
        ctx.addIssue({
          code: 'custom',
          path: ['gates', g, 'lanes', l, 'id'],
          message: `"${lane.id}" is already used by ${first}; lane ids must be unique across gates`,
        });
      else laneIds.set(lane.id, `gates[${g}].lanes[${l}]`);
    }),
  );

  site.cameras.forEach((camera, index) => {
    if (camera.recognition !== undefined && !laneIds.has(camera.recognition.laneId))
      ctx.addIssue({
        code: 'custom',
        path: ['cameras', index, 'recognition', 'laneId'],
        message: `no lane has id "${camera.recognition.laneId}"`,
      });
    if (camera.group !== undefined && !groupIds.has(camera.group))
      ctx.addIssue({ code: 'custom', path: ['cameras', index, 'group'], message: `no camera group has id "${camera.group}"` });
    if (camera.still !== undefined && camera.kind !== '360')
      ctx.addIssue({
        code: 'custom',
        path: ['cameras', index, 'still'],
        message: 'only 360 cameras take an equirectangular still',
      });
  });

  site.markers.forEach((marker, index) => {
    if (!cameraIds.has(marker.cameraId))
      ctx.addIssue({ code: 'custom', path: ['markers', index, 'cameraId'], message: `no camera has id "${marker.cameraId}"` });
    if (marker.link.kind === 'lane' && !laneIds.has(marker.link.ref))
      ctx.addIssue({ code: 'custom', path: ['markers', index, 'link', 'ref'], message: `no lane has id "${marker.link.ref}"` });
    if (marker.link.kind === 'container' && !isValidContainerId(marker.link.ref))
      ctx.addIssue({
        code: 'custom',
        path: ['markers', index, 'link', 'ref'],
        message: `"${marker.link.ref}" is not an ISO 6346 container number with a valid check digit`,
      });
  });

  site.cameraGroups.forEach((group, g) => {
    const seen = new Set<string>();
    group.cameraIds.forEach((cameraId, c) => {
      if (!cameraIds.has(cameraId))
        ctx.addIssue({ code: 'custom', path: ['cameraGroups', g, 'cameraIds', c], message: `no camera has id "${cameraId}"` });
      else if (seen.has(cameraId))
        ctx.addIssue({ code: 'custom', path: ['cameraGroups', g, 'cameraIds', c], message: `"${cameraId}" is listed twice` });
      seen.add(cameraId);
    });
    const capacity = { '1x1': 1, '2x2': 4, '3x3': 9 }[group.layout];
    if (group.cameraIds.length > capacity)
      ctx.addIssue({
        code: 'custom',
        path: ['cameraGroups', g, 'cameraIds'],
        message: `lists ${group.cameraIds.length} cameras but a ${group.layout} wall shows ${capacity}`,
      });
  });
});
export type Site = z.infer<typeof Site>;
/** A site as written in JSON (defaults may be left out). */
export type SiteInput = z.input<typeof Site>;

/** `['cameras', 3, 'fovDeg']` → `cameras[3].fovDeg`. */
export function formatSitePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(site)';
}

export interface SiteProblem {
  path: string;
  message: string;
}

/** Every problem of a site file, one line each: `cameras[3].fovDeg: must be between 10 and 180`. */
export function siteProblems(error: z.ZodError): SiteProblem[] {
  return error.issues.map((issue) => ({ path: formatSitePath(issue.path), message: issue.message }));
}

export type SiteCheck = { ok: true; site: Site } | { ok: false; problems: SiteProblem[] };

export function checkSite(value: unknown): SiteCheck {
  const result = Site.safeParse(value);
  return result.success ? { ok: true, site: result.data } : { ok: false, problems: siteProblems(result.error) };
}

/** What cw:site.get returns: the site in use, where it came from, and why a saved file was not used. */
export const SiteDocument = z.object({
  site: Site,
  /** `saved`: <dataDir>/site.json; `demo`: the shipped demo site. */
  source: z.enum(['saved', 'demo']),
  savedAt: IsoTime.nullable(),
  /** When site.json exists but is unreadable or invalid, its problems; the demo site is used meanwhile. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type SiteDocument = z.infer<typeof SiteDocument>;
