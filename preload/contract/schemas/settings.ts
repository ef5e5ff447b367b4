import { z } from 'zod';
import { HUB_PIN, hubUrlProblem } from '../hub-url';
import { Locale, Theme } from './common';
import { SiteId, WallLayout } from './site';

/** How many tiles each camera-wall layout has. */
export const wallCapacity: Readonly<Record<WallLayout, number>> = { '1x1': 1, '2x2': 4, '3x3': 9 };

const GroupName = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters');

/**
 * A named set of cameras for the camera wall, in tile order (row by row). The
 * camera ids are not checked against a site here: settings outlive site edits,
 * so the wall shows a camera that left the site as such and lets the user drop it.
 */
export const WallGroup = z
  .object({
    id: SiteId,
    name: GroupName,
    layout: WallLayout,
    cameraIds: z.array(SiteId).min(1, 'must list at least one camera').max(9, 'must list at most 9 cameras (a 3×3 wall)'),
  })
  .superRefine((group, ctx) => {
    const seen = new Set<string>();
    group.cameraIds.forEach((cameraId, index) => {
      if (seen.has(cameraId))
        ctx.addIssue({ code: 'custom', path: ['cameraIds', index], message: `"${cameraId}" is listed twice` });
      seen.add(cameraId);
    });
    const capacity = wallCapacity[group.layout];
    if (group.cameraIds.length > capacity)
      ctx.addIssue({
        code: 'custom',
        path: ['cameraIds'],
        message: `lists ${group.cameraIds.length} cameras but a ${group.layout} wall shows ${capacity}`,
      });
  });
export type WallGroup = z.infer<typeof WallGroup>;

/** One site's wall groups: ids and names unique (names ignoring case and surrounding spaces, as the picker shows them). */
export const SiteWallGroups = z
  .array(WallGroup)
  .max(64, 'must list at most 64 camera groups')
  .superRefine((groups, ctx) => {
    const ids = new Map<string, number>();
    const names = new Map<string, number>();
    groups.forEach((group, index) => {
      const sameId = ids.get(group.id);
      if (sameId !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `"${group.id}" is already used by group ${sameId}; group ids must be unique`,
        });
      else ids.set(group.id, index);
      const key = group.name.trim().toLowerCase();
      const sameName = names.get(key);
      if (sameName !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `"${group.name}" is already the name of group ${sameName}; group names must be unique`,
        });
      else names.set(key, index);
    });
  });
export type SiteWallGroups = z.infer<typeof SiteWallGroups>;

/**
 * Wall groups per site id, so a workstation that switches site keeps each
 * site's groups. A site with no entry has never been arranged here: the wall
 * starts from the groups the site file suggests (renderer/features/port/wall/wallGroups.ts).
 */
export const CameraGroupsBySite = z
  .record(SiteId, SiteWallGroups)
  .refine((bySite) => Object.keys(bySite).length <= 32, 'must hold the groups of at most 32 sites');
export type CameraGroupsBySite = z.infer<typeof CameraGroupsBySite>;

/**
 * The one settings schema: electron-store in Electron and `conf` elsewhere both
 * persist exactly this shape (see main/services/settings).
 */
export const Settings = z.object({
  locale: Locale,
  theme: Theme,
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Camera access is refused by the permission handler while this is off. */
  cameraEnabled: z.boolean(),
  office: z.string().max(64),
  /** Central hub for sync; empty means standalone. https: except on loopback (the device token travels with every request). */
  hubUrl: z.string().superRefine((value, ctx) => {
    const problem = hubUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  /** A private CA's certificate(s), PEM, trusted for the hub only (with the system's CAs); '' for none. */
  hubCaCertificate: z
    .string()
    .max(64 * 1024)
    .refine((v) => v === '' || /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(v), {
      message: 'must be PEM text (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)',
    }),
  /** The hub's key pin, sha256/<base64 of the SHA-256 of its SubjectPublicKeyInfo>; '' for none. */
  hubPin: z.union([z.literal(''), z.string().regex(HUB_PIN, 'must be sha256/ followed by 44 base64 characters')]),
  /** Extra origins (camera bridges) the CSP's connect-src and media-src allow. */
  cameraOrigins: z.array(z.url({ protocol: /^(https?|wss?)$/ })).max(64),
  /** The local camera (MediaDeviceInfo.deviceId) webcam sources use when the site names none; empty: the system default. */
  webcamDeviceId: z.string().max(256),
  /**
   * The camera wall's groups, per site. Any signed-in user may change them
   * (not supervisor-only): they only choose which of the site's cameras this
   * workstation shows together, which an inspector arranging their own wall does
   * all day; they widen nothing the workstation can reach.
   */
  cameraGroups: CameraGroupsBySite,
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  locale: 'zh-CN',
  theme: 'dark',
  idleLockMinutes: 15,
  cameraEnabled: false,
  office: '',
  hubUrl: '',
  hubCaCertificate: '',
  hubPin: '',
  cameraOrigins: [],
  webcamDeviceId: '',
  cameraGroups: {},
};

export const SettingsPatch = Settings.partial();

/** cw:settings.saveCameraGroups: replaces one site's wall groups and leaves the other sites' alone. */
export const SaveCameraGroupsInput = z.object({ siteId: SiteId, groups: SiteWallGroups });
export type SaveCameraGroupsInput = z.infer<typeof SaveCameraGroupsInput>;
