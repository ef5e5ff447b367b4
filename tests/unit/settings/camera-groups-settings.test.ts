/**
 * Camera-wall groups in the workstation settings: the schema (each error names
 * its path), the service (save, read back, per-site separation, access, audit)
 * and persistence through the conf backend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CameraGroupsBySite,
  Settings,
  SiteWallGroups,
  defaultSettings,
  type WallGroup,
} from '../../../preload/contract/schemas/settings';
import { ManualClock } from '../../../main/services/clock';
import { ServiceError } from '../../../main/services/errors';
import { migrations } from '../../../main/services/migrations';
import type { SettingsBackend } from '../../../main/services/settings/backend';
import { createConfSettingsBackend } from '../../../main/services/settings/conf-backend';
import { SettingsService, repairSettings } from '../../../main/services/settings/settings-service';
import { openMemoryStore } from '../services/memory-store';
import { testUser } from '../../support/users';

const gate: WallGroup = {
  id: 'group-gate',
  name: 'Gate lanes',
  layout: '2x2',
  cameraIds: ['cam-lane-1', 'cam-lane-2', 'cam-lane-3', 'cam-lane-4'],
};
const yard: WallGroup = { id: 'group-yard', name: 'Yard', layout: '1x1', cameraIds: ['cam-yard-mast'] };

function problems(value: unknown): string[] {
  const result = CameraGroupsBySite.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

describe('camera groups schema', () => {
  it('accepts groups per site, and no groups at all', () => {
    expect(problems({ 'demo-port': [gate, yard], 'north-gate': [] })).toEqual([]);
    expect(defaultSettings.cameraGroups).toEqual({});
    expect(Settings.safeParse(defaultSettings).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    [
      'a duplicate group id',
      { s: [gate, { ...yard, id: 'group-gate' }] },
      's.1.id: "group-gate" is already used by group 0; group ids must be unique',
    ],
    [
      'a duplicate name, ignoring case',
      { s: [gate, { ...yard, name: ' gate LANES ' }] },
      's.1.name: "gate LANES" is already the name of group 0; group names must be unique',
    ],
    ['an empty name', { s: [{ ...gate, name: '  ' }] }, 's.0.name: must not be empty'],
    [
      'more cameras than the layout has tiles',
      { s: [{ ...gate, layout: '1x1' }] },
      's.0.cameraIds: lists 4 cameras but a 1x1 wall shows 1',
    ],
    [
      'a camera listed twice',
      { s: [{ ...yard, layout: '2x2', cameraIds: ['cam-a', 'cam-a'] }] },
      's.0.cameraIds.1: "cam-a" is listed twice',
    ],
    ['no cameras', { s: [{ ...yard, cameraIds: [] }] }, 's.0.cameraIds: must list at least one camera'],
    ['an unknown layout', { s: [{ ...yard, layout: '4x4' }] }, 's.0.layout: must be 1x1, 2x2 or 3x3'],
    [
      'a bad camera id',
      { s: [{ ...yard, cameraIds: ['../cam'] }] },
      's.0.cameraIds.0: must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ],
  ])('refuses %s, naming the path', (_name, value, expected) => {
    expect(problems(value)).toContain(expected);
  });

  it('refuses a bad site id as a key', () => {
    expect(problems({ 'bad site': [] }).join('\n')).toMatch(/bad site/);
  });

  it('refuses more than 64 groups for one site', () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ ...yard, id: `g-${i}`, name: `Group ${i}` }));
    expect(SiteWallGroups.safeParse(many).error?.issues[0]?.message).toBe('must list at most 64 camera groups');
  });
});

function memoryBackend(initial: unknown): SettingsBackend & { value: unknown } {
  const backend = { value: initial, read: () => backend.value, write: (next: Settings) => void (backend.value = next) };
  return backend;
}

async function service(initial: unknown = {}) {
  const backend = memoryBackend(initial);
  const store = await openMemoryStore(migrations);
  const changed: Settings[] = [];
  const settings = new SettingsService({
    backend,
    store,
    clock: new ManualClock(),
    onRepaired: () => undefined,
    onChanged: (s) => changed.push(s),
  });
  return { settings, store, backend, changed };
}

describe('saving camera groups', () => {
  it('saves one site’s groups, reads them back, persists, audits and broadcasts', async () => {
    const { settings, store, backend, changed } = await service();
    const saved = await settings.saveCameraGroups(testUser('inspector'), 'demo-port', [gate, yard]);
    expect(saved.cameraGroups).toEqual({ 'demo-port': [gate, yard] });
    expect(settings.get().cameraGroups['demo-port']).toEqual([gate, yard]);
    expect((backend.value as Settings).cameraGroups).toEqual({ 'demo-port': [gate, yard] });
    expect(changed.at(-1)?.cameraGroups).toEqual({ 'demo-port': [gate, yard] });
    const audit = await store.query("SELECT actor_id, subject, detail FROM audit WHERE action = 'settings.cameraGroups'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'u-inspector', subject: 'demo-port' });
    expect(String(audit[0]!.detail)).toContain('Gate lanes (2x2: cam-lane-1, cam-lane-2, cam-lane-3, cam-lane-4)');
  });

  it('keeps each site’s groups apart: saving one site leaves the others as they were', async () => {
    const { settings } = await service();
    await settings.saveCameraGroups(testUser('officer'), 'demo-port', [gate]);
    await settings.saveCameraGroups(testUser('officer'), 'north-gate', [yard]);
    await settings.saveCameraGroups(testUser('officer'), 'demo-port', [{ ...gate, name: 'Lanes' }]);
    expect(settings.get().cameraGroups).toEqual({ 'demo-port': [{ ...gate, name: 'Lanes' }], 'north-gate': [yard] });
    // Deleting every group keeps an empty list, so the site file's suggestions do not come back.
    await settings.saveCameraGroups(testUser('officer'), 'north-gate', []);
    expect(settings.get().cameraGroups['north-gate']).toEqual([]);
  });

  it('lets every role arrange its wall: groups are not supervisor-only', async () => {
    for (const role of ['officer', 'inspector', 'supervisor', 'trainer', 'trainee'] as const) {
      const { settings } = await service();
      const saved = await settings.saveCameraGroups(testUser(role), 'demo-port', [yard]);
      expect(saved.cameraGroups['demo-port'], role).toEqual([yard]);
    }
    const { settings } = await service();
    expect((await settings.update(testUser('inspector'), { cameraGroups: { 'demo-port': [gate] } })).cameraGroups).toEqual({
      'demo-port': [gate],
    });
  });

  it('refuses invalid groups with INVALID_ARGUMENT naming each path, and changes nothing', async () => {
    const { settings, store } = await service();
    const error = (await settings
      .saveCameraGroups(testUser('inspector'), 'demo-port', [gate, { ...yard, layout: '1x1', cameraIds: ['a', 'b'] }])
      .catch((e: unknown) => e)) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('groups.1.cameraIds: lists 2 cameras but a 1x1 wall shows 1');
    expect(error.issues?.map((i) => i.path)).toEqual(['groups.1.cameraIds']);
    const badSite = (await settings.saveCameraGroups(testUser('inspector'), '', [gate]).catch((e: unknown) => e)) as ServiceError;
    expect(badSite.issues?.map((i) => i.path)).toEqual(['siteId']);
    expect(settings.get().cameraGroups).toEqual({});
    expect(await store.query("SELECT subject FROM audit WHERE action = 'settings.cameraGroups'")).toEqual([]);
  });

  it('does not write or audit when nothing changed', async () => {
    const { settings, store, changed } = await service({ cameraGroups: { 'demo-port': [gate] } });
    await settings.saveCameraGroups(testUser('officer'), 'demo-port', [gate]);
    expect(changed).toEqual([]);
    expect(await store.query("SELECT subject FROM audit WHERE action = 'settings.cameraGroups'")).toEqual([]);
  });

  it('repairs a stored groups map that no longer validates, keeping the other settings', () => {
    const { settings, invalidFields } = repairSettings({
      theme: 'light',
      cameraGroups: { 'demo-port': [{ ...gate, layout: '9x9' }] },
    });
    expect(invalidFields).toEqual(['cameraGroups']);
    expect(settings.cameraGroups).toEqual({});
    expect(settings.theme).toBe('light');
  });
});

describe('camera groups through the conf backend', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('persists across a restart, per site', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-groups-'));
    dirs.push(dir);
    const first = await service();
    const store = first.store;
    const settings = new SettingsService({
      backend: createConfSettingsBackend(dir),
      store,
      clock: new ManualClock(),
      onRepaired: () => undefined,
      onChanged: () => undefined,
    });
    await settings.saveCameraGroups(testUser('inspector'), 'demo-port', [gate, yard]);
    await settings.saveCameraGroups(testUser('inspector'), 'north-gate', [yard]);
    const repaired: string[][] = [];
    const reopened = new SettingsService({
      backend: createConfSettingsBackend(dir),
      store,
      clock: new ManualClock(),
      onRepaired: (f) => repaired.push(f),
      onChanged: () => undefined,
    });
    expect(reopened.get().cameraGroups).toEqual({ 'demo-port': [gate, yard], 'north-gate': [yard] });
    expect(repaired).toEqual([]);
  });
});
