/**
 * The camera wall's groups: where they come from (the workstation settings, or
 * the site file's suggestions until the first save), and the pure edits the
 * group editor makes before saving one site's list through the settings.
 */
import type { CameraGroupsBySite, WallGroup } from '../../../../preload/contract/schemas/settings';
import { wallCapacity } from '../../../../preload/contract/schemas/settings';
import type { Site, SiteCamera, WallLayout } from '../../../../preload/contract/schemas/site';

export interface SiteGroups {
  groups: WallGroup[];
  /**
   * True while this workstation has saved no groups for the site: the list is
   * the site file's suggestion, and the first save copies it into the settings.
   */
  suggested: boolean;
}

/** The groups the wall offers for `site`: the settings' own once saved (even an empty list), else the site file's. */
export function groupsForSite(saved: CameraGroupsBySite, site: Site): SiteGroups {
  const own = saved[site.id];
  if (own !== undefined) return { groups: own, suggested: false };
  return {
    groups: site.cameraGroups.map(({ id, name, layout, cameraIds }) => ({ id, name, layout, cameraIds: [...cameraIds] })),
    suggested: true,
  };
}

/** One tile's content: a camera of the site, or a camera the group names that the site no longer has. */
export type WallItem = { kind: 'camera'; camera: SiteCamera } | { kind: 'missing'; cameraId: string };

export const itemKey = (item: WallItem): string => (item.kind === 'camera' ? item.camera.id : `missing:${item.cameraId}`);

/** The wall's tiles in order: every site camera without a group, else the group's cameras, missing ones kept in place. */
export function wallItems(group: WallGroup | null, cameras: readonly SiteCamera[]): WallItem[] {
  if (!group) return cameras.map((camera) => ({ kind: 'camera', camera }));
  const byId = new Map(cameras.map((c) => [c.id, c]));
  return group.cameraIds.map((cameraId): WallItem => {
    const camera = byId.get(cameraId);
    return camera ? { kind: 'camera', camera } : { kind: 'missing', cameraId };
  });
}

/** The camera ids a group names that `cameras` (the site's) does not have. */
export function missingCameraIds(group: Pick<WallGroup, 'cameraIds'>, cameras: readonly SiteCamera[]): string[] {
  const known = new Set(cameras.map((c) => c.id));
  return group.cameraIds.filter((id) => !known.has(id));
}

/** `groups` with `group` replacing the one with its id, or appended when new. */
export function withGroup(groups: readonly WallGroup[], group: WallGroup): WallGroup[] {
  return groups.some((g) => g.id === group.id) ? groups.map((g) => (g.id === group.id ? group : g)) : [...groups, group];
}

export function withoutGroup(groups: readonly WallGroup[], groupId: string): WallGroup[] {
  return groups.filter((g) => g.id !== groupId);
}

/**
 * `groups` with `cameraId` dropped from group `groupId`. A group left without
 * cameras cannot be saved (a group shows at least one), so it is removed.
 */
export function withoutCamera(groups: readonly WallGroup[], groupId: string, cameraId: string): WallGroup[] {
  return groups.flatMap((g) => {
    if (g.id !== groupId) return [g];
    const cameraIds = g.cameraIds.filter((id) => id !== cameraId);
    return cameraIds.length > 0 ? [{ ...g, cameraIds }] : [];
  });
}

/**
 * The group's camera ids from the editor's tiles: the first `layout`'s worth of
 * tiles in order, empty tiles skipped (tiles fill from the top left on the wall).
 */
export function cameraIdsFromTiles(tiles: readonly (string | null)[], layout: WallLayout): string[] {
  return tiles.slice(0, wallCapacity[layout]).filter((id): id is string => id !== null && id !== '');
}

/** A new group's id from its name (letters and digits), unique among `taken`; a counter when the name has no Latin letters. */
export function newGroupId(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  const base = slug ? `group-${slug}` : 'group';
  if (slug && !taken.has(base)) return base;
  for (let n = slug ? 2 : 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Another group in `groups` (not `exceptId`) with this name, ignoring case and surrounding spaces, as the schema does. */
export function nameTaken(groups: readonly WallGroup[], name: string, exceptId: string | null): boolean {
  const key = name.trim().toLowerCase();
  return groups.some((g) => g.id !== exceptId && g.name.trim().toLowerCase() === key);
}
