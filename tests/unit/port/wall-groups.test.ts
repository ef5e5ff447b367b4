/**
 * The camera wall's groups in the renderer: the site file's groups as a seed
 * until the workstation saves its own, tiles for cameras the site lost, and the
 * editor's pure edits. Every result is checked against the settings schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteWallGroups, type WallGroup } from '../../../preload/contract/schemas/settings';
import { checkSite, type Site } from '../../../preload/contract/schemas/site';
import {
  cameraIdsFromTiles,
  groupsForSite,
  missingCameraIds,
  nameTaken,
  newGroupId,
  wallItems,
  withGroup,
  withoutCamera,
  withoutGroup,
} from '../../../renderer/features/port/wall/wallGroups';
import en from '../../../renderer/features/port/locales/en.json';
import zhCN from '../../../renderer/features/port/locales/zh-CN.json';

const demoText = readFileSync(join(__dirname, '..', '..', '..', 'resources', 'site', 'demo-site.json'), 'utf8');

function demo(): Site {
  const result = checkSite(JSON.parse(demoText));
  if (!result.ok) throw new Error(`demo site invalid: ${JSON.stringify(result.problems)}`);
  return result.site;
}

const mine: WallGroup = { id: 'group-mine', name: 'Mine', layout: '1x1', cameraIds: ['cam-lane-2'] };

describe('where the wall’s groups come from', () => {
  it('seeds the demo site’s wall from its file: useful groups out of the box, valid as settings', () => {
    const { groups, suggested } = groupsForSite({}, demo());
    expect(suggested).toBe(true);
    expect(groups.map((g) => g.name)).toEqual(['Gate lanes', 'Inspection', 'All cameras']);
    expect(SiteWallGroups.safeParse(groups).success).toBe(true);
  });

  it('uses the settings’ groups once saved for the site, and ignores the site file’s', () => {
    const site = demo();
    expect(groupsForSite({ [site.id]: [mine] }, site)).toEqual({ groups: [mine], suggested: false });
    // Every group deleted stays deleted: the suggestions do not come back.
    expect(groupsForSite({ [site.id]: [] }, site)).toEqual({ groups: [], suggested: false });
  });

  it('keeps each site’s groups apart: another site’s groups are not this site’s', () => {
    const site = demo();
    expect(groupsForSite({ 'north-gate': [mine] }, site).suggested).toBe(true);
  });

  it('loads a legacy site file that still carries cameraGroups, and offers them as the seed', () => {
    const file = JSON.parse(demoText) as { cameras: { group?: string }[] };
    // A camera's `group` names one of the file's own groups; this older file has only g1.
    const cameras = file.cameras.map(({ group: _group, ...camera }) => camera);
    const legacy = { ...file, id: 'old-port', cameras, cameraGroups: [{ id: 'g1', name: 'Old', cameraIds: ['cam-lane-1'] }] };
    const checked = checkSite(legacy);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    // The site schema's default layout is kept when the seed is copied.
    expect(groupsForSite({}, checked.site).groups).toEqual([{ id: 'g1', name: 'Old', layout: '2x2', cameraIds: ['cam-lane-1'] }]);
  });

  it('a seed copy is independent of the site document it came from', () => {
    const site = demo();
    const { groups } = groupsForSite({}, site);
    groups[0]!.cameraIds.push('cam-x');
    expect(site.cameraGroups[0]!.cameraIds).not.toContain('cam-x');
  });
});

describe('tiles of a group', () => {
  it('shows every site camera without a group, and a group’s cameras in its order', () => {
    const site = demo();
    expect(wallItems(null, site.cameras)).toHaveLength(site.cameras.length);
    const items = wallItems({ ...mine, layout: '2x2', cameraIds: ['cam-lane-3', 'cam-lane-1'] }, site.cameras);
    expect(items.map((i) => (i.kind === 'camera' ? i.camera.id : i.cameraId))).toEqual(['cam-lane-3', 'cam-lane-1']);
  });

  it('keeps a camera the site no longer has as a missing tile, in its place', () => {
    const site = demo();
    const group: WallGroup = { ...mine, layout: '2x2', cameraIds: ['cam-lane-1', 'cam-renamed', 'cam-lane-2'] };
    expect(wallItems(group, site.cameras).map((i) => i.kind)).toEqual(['camera', 'missing', 'camera']);
    expect(wallItems(group, site.cameras)[1]).toEqual({ kind: 'missing', cameraId: 'cam-renamed' });
    expect(missingCameraIds(group, site.cameras)).toEqual(['cam-renamed']);
  });
});

describe('group edits', () => {
  const groups: WallGroup[] = [mine, { id: 'group-two', name: 'Two', layout: '2x2', cameraIds: ['cam-lane-1', 'cam-gone'] }];

  it('adds a new group, replaces an edited one in place, and deletes', () => {
    const added = withGroup(groups, { id: 'group-three', name: 'Three', layout: '1x1', cameraIds: ['cam-lane-4'] });
    expect(added.map((g) => g.id)).toEqual(['group-mine', 'group-two', 'group-three']);
    const renamed = withGroup(groups, { ...mine, name: 'Renamed', layout: '3x3' });
    expect(renamed.map((g) => g.name)).toEqual(['Renamed', 'Two']);
    expect(withoutGroup(groups, 'group-mine').map((g) => g.id)).toEqual(['group-two']);
    for (const list of [added, renamed]) expect(SiteWallGroups.safeParse(list).success).toBe(true);
  });

  it('drops a missing camera from its group; a group left empty goes', () => {
    expect(withoutCamera(groups, 'group-two', 'cam-gone')[1]).toEqual({
      id: 'group-two',
      name: 'Two',
      layout: '2x2',
      cameraIds: ['cam-lane-1'],
    });
    expect(withoutCamera(groups, 'group-mine', 'cam-lane-2').map((g) => g.id)).toEqual(['group-two']);
  });

  it('takes tiles in order, skipping empty ones and those beyond the layout', () => {
    expect(cameraIdsFromTiles(['a', null, 'b', 'c', 'd', null, null, null, null], '2x2')).toEqual(['a', 'b', 'c']);
    expect(cameraIdsFromTiles(['a', 'b', 'c'], '1x1')).toEqual(['a']);
    expect(cameraIdsFromTiles([null, null], '3x3')).toEqual([]);
  });

  it('makes unique, valid ids from names, also names without Latin letters', () => {
    const taken = new Set(['group-gate-lanes', 'group-1']);
    expect(newGroupId('Gate lanes', new Set())).toBe('group-gate-lanes');
    expect(newGroupId('Gate lanes', taken)).toBe('group-gate-lanes-2');
    expect(newGroupId('查验区', taken)).toBe('group-2');
    for (const id of ['group-gate-lanes-2', 'group-2', newGroupId('x'.repeat(200), new Set())])
      expect(SiteWallGroups.safeParse([{ ...mine, id }]).success).toBe(true);
  });

  it('finds a taken name the way the schema compares names', () => {
    expect(nameTaken(groups, '  mine ', null)).toBe(true);
    expect(nameTaken(groups, 'Mine', 'group-mine')).toBe(false);
    expect(nameTaken(groups, 'Three', null)).toBe(false);
  });
});

describe('wall strings', () => {
  it('has every wall string in both languages', () => {
    expect(Object.keys(zhCN.wall).sort()).toEqual(Object.keys(en.wall).sort());
    for (const [key, value] of Object.entries(zhCN.wall)) expect(value, key).not.toBe('');
  });
});
