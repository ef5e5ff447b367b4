import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../preload/contract/schemas/settings';
import { ManualClock } from '../../../main/services/clock';
import { ServiceError } from '../../../main/services/errors';
import { migrations } from '../../../main/services/migrations';
import type { SettingsBackend } from '../../../main/services/settings/backend';
import { createConfSettingsBackend } from '../../../main/services/settings/conf-backend';
import { SettingsService, repairSettings } from '../../../main/services/settings/settings-service';
import { openMemoryStore } from '../services/memory-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-settings-'));
  dirs.push(dir);
  return dir;
}

function memoryBackend(initial: unknown): SettingsBackend & { written: Settings[] } {
  let value = initial;
  const written: Settings[] = [];
  return { written, read: () => value, write: (next) => (written.push(next), (value = next)) };
}

async function service(backend: SettingsBackend) {
  const store = await openMemoryStore(migrations);
  const repaired: string[][] = [];
  const changed: Settings[] = [];
  const settings = new SettingsService({
    backend,
    store,
    clock: new ManualClock(),
    onRepaired: (f) => repaired.push(f),
    onChanged: (s) => changed.push(s),
  });
  return { settings, store, repaired, changed };
}

describe('settings', () => {
  it('starts from the defaults on a fresh profile, without a warning', async () => {
    const { settings, repaired } = await service(memoryBackend(undefined));
    expect(settings.get()).toEqual(defaultSettings);
    expect(defaultSettings.idleLockMinutes).toBe(15);
    expect(repaired).toEqual([]);
  });

  it('updates, persists, audits what changed and broadcasts', async () => {
    const backend = memoryBackend({});
    const { settings, store, changed } = await service(backend);
    const next = await settings.update(null, { locale: 'en', idleLockMinutes: 5, hubUrl: 'https://hub.customs.example' });
    expect(next).toMatchObject({ locale: 'en', idleLockMinutes: 5, theme: 'dark' });
    expect(backend.written.at(-1)).toEqual(next);
    expect(changed).toEqual([next]);
    const audit = await store.query("SELECT detail FROM audit WHERE action = 'settings.update'");
    expect(JSON.parse(String(audit[0]!.detail))).toEqual({
      locale: { from: 'zh-CN', to: 'en' },
      idleLockMinutes: { from: 15, to: 5 },
      hubUrl: { from: '', to: 'https://hub.customs.example' },
    });
  });

  it('rejects invalid values naming the field, and changes nothing', async () => {
    const backend = memoryBackend({});
    const { settings } = await service(backend);
    for (const [patch, field] of [
      [{ idleLockMinutes: 0 }, 'idleLockMinutes'],
      [{ idleLockMinutes: 2.5 }, 'idleLockMinutes'],
      [{ locale: 'fr' }, 'locale'],
      [{ hubUrl: 'ftp://hub' }, 'hubUrl'],
      [{ cameraOrigins: ['javascript:alert(1)'] }, 'cameraOrigins.0'],
      [{ unknownKey: true }, '(root)'],
    ] as const) {
      const error = await settings.update(null, patch).catch((e: ServiceError) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('INVALID_ARGUMENT');
      expect((error as ServiceError).issues?.map((i) => i.path)).toContain(field);
    }
    expect(settings.get()).toEqual(defaultSettings);
    expect(backend.written).toEqual([]);
  });

  it('recovers stored garbage field by field and reports which fields were reset', async () => {
    const backend = memoryBackend({ locale: 'en', theme: 'purple', idleLockMinutes: -3, cameraEnabled: true, extra: 1 });
    const { settings, repaired } = await service(backend);
    expect(settings.get()).toEqual({ ...defaultSettings, locale: 'en', cameraEnabled: true });
    expect(repaired).toEqual([['theme', 'idleLockMinutes']]);
    expect(backend.written.at(-1)).toEqual(settings.get());
    expect(repairSettings('not an object').invalidFields).toEqual(['(all)']);
  });
});

describe('conf settings backend', () => {
  it('persists through conf with the JSON schema derived from zod', async () => {
    const dir = tempDir();
    const { settings } = await service(createConfSettingsBackend(dir));
    await settings.update(null, { theme: 'light', cameraOrigins: ['https://cam.gate3.example'] });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk).toMatchObject({ theme: 'light', cameraOrigins: ['https://cam.gate3.example'] });
    const reopened = await service(createConfSettingsBackend(dir));
    expect(reopened.settings.get()).toMatchObject({ theme: 'light' });
  });

  it('refuses to write a value outside the schema (the same schema electron-store uses)', () => {
    const backend = createConfSettingsBackend(tempDir());
    expect(() => backend.write({ ...defaultSettings, idleLockMinutes: 999 })).toThrow(/idleLockMinutes|maximum|must be <=/);
  });

  it('recovers a hand-damaged settings file and keeps the bad one aside', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...defaultSettings, locale: 'klingon', theme: 'light' }));
    const { settings, repaired } = await service(createConfSettingsBackend(dir));
    expect(repaired).toEqual([['locale']]);
    expect(settings.get()).toMatchObject({ locale: 'zh-CN', theme: 'light' });
    expect(existsSync(join(dir, 'settings.json.invalid'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).locale).toBe('zh-CN');

    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const again = await service(createConfSettingsBackend(dir));
    expect(again.settings.get()).toEqual(defaultSettings);
    expect(again.repaired).toEqual([['(all)']]);
  });
});
