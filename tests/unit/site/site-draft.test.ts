import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, type Site } from '../../../preload/contract/schemas/site';
import {
  addCamera,
  checkDraft,
  fromForm,
  newCamera,
  removeCamera,
  replaceCamera,
  toForm,
} from '../../../renderer/features/port/site/siteDraft';
import en from '../../../renderer/features/port/site/locales/en.json';
import zhCN from '../../../renderer/features/port/site/locales/zh-CN.json';

function demo(): Site {
  const result = checkSite(
    JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'resources', 'site', 'demo-site.json'), 'utf8')),
  );
  if (!result.ok) throw new Error('demo site invalid');
  return result.site;
}

describe('camera editor drafts', () => {
  it('round-trips every demo camera through the form unchanged', () => {
    for (const camera of demo().cameras) expect(fromForm(toForm(camera))).toEqual(camera);
  });

  it('maps problems of the edited camera to its form fields', () => {
    const site = demo();
    const form = { ...toForm(site.cameras[2]!), fovDeg: 400, url: 'rtsp://x', y: Number.NaN };
    const check = checkDraft(replaceCamera(site, 2, fromForm(form)), 2);
    expect(check.fields).toMatchObject({ fovDeg: 'must be between 10 and 180', y: 'must be a number' });
    expect(check.fields.url).toMatch(/http\(s\) URL/);
  });

  it('keeps markers and groups pointing at a renamed camera', () => {
    const site = demo();
    const index = site.cameras.findIndex((c) => c.id === 'cam-inspection-360');
    const renamed = replaceCamera(site, index, { ...site.cameras[index]!, id: 'cam-hall-360' });
    expect(checkSite(renamed).ok).toBe(true);
    expect(renamed.markers.every((m) => m.cameraId === 'cam-hall-360')).toBe(true);
    expect(renamed.cameraGroups.find((g) => g.id === 'group-inspection')?.cameraIds).toContain('cam-hall-360');
  });

  it('removes a camera with its markers and group places, dropping groups left empty', () => {
    let site = demo();
    site = {
      ...site,
      cameraGroups: [...site.cameraGroups, { id: 'solo', name: 'Solo', layout: '1x1', cameraIds: ['cam-inspection-360'] }],
    };
    const index = site.cameras.findIndex((c) => c.id === 'cam-inspection-360');
    const next = removeCamera(site, index);
    expect(checkSite(next).ok).toBe(true);
    expect(next.markers).toEqual([]);
    expect(next.cameraGroups.map((g) => g.id)).not.toContain('solo');
  });

  it('adds a valid camera with a fresh id', () => {
    const site = demo();
    const camera = newCamera(site, 'New camera');
    expect(site.cameras.map((c) => c.id)).not.toContain(camera.id);
    expect(checkSite(addCamera(site, camera)).ok).toBe(true);
  });

  it('flags a duplicate id on the edited camera', () => {
    const site = demo();
    const form = { ...toForm(site.cameras[1]!), id: site.cameras[0]!.id };
    expect(checkDraft(replaceCamera(site, 1, fromForm(form)), 1).fields.id).toMatch(/already used/);
  });
});

describe('camera editor strings', () => {
  const keys = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  it('has the same keys in English and Chinese, none empty', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const values = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
    for (const value of [...values(en), ...values(zhCN)]) expect(value.trim()).not.toBe('');
  });
});
