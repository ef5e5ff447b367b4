import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, Settings } from '../../../preload/contract/schemas/settings';

// electron-store cannot load outside Electron (it imports electron's app). Its whole
// job on top of conf is mapping `name` to `configName` and defaulting `cwd` to
// userData; the fake does exactly that, so the real conf engine and schema are tested.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStore extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: { name?: string; cwd?: string } & Record<string, unknown>) {
      super({ ...options, configName: name ?? 'config', cwd: options.cwd ?? '/nonexistent-user-data' });
    }
  }
  return { default: ElectronStore };
});

const { createElectronSettingsBackend } = await import('../../../main/host/electron-settings');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearway-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'settings.json');

describe('electron settings backend', () => {
  it('starts from the defaults and persists writes to settings.json', () => {
    const backend = createElectronSettingsBackend(dir);
    expect(backend.read()).toEqual(defaultSettings);
    const next: Settings = { ...defaultSettings, locale: 'en', cameraEnabled: true, cameraOrigins: ['http://cam.local:81'] };
    backend.write(next);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(next);
    expect(createElectronSettingsBackend(dir).read()).toEqual(next);
  });

  it('validates writes with the JSON Schema derived from the zod Settings', () => {
    const backend = createElectronSettingsBackend(dir);
    expect(() => backend.write({ ...defaultSettings, idleLockMinutes: 0 })).toThrow(/schema/i);
    expect(() => backend.write({ ...defaultSettings, theme: 'neon' } as never)).toThrow(/schema/i);
  });

  it('hands an invalid file to the settings service raw, and keeps it aside when replacing it', () => {
    const damaged = { ...defaultSettings, idleLockMinutes: 'soon' };
    writeFileSync(file(), JSON.stringify(damaged));
    const backend = createElectronSettingsBackend(dir);
    expect(backend.read()).toEqual(damaged);
    backend.write(defaultSettings);
    expect(existsSync(`${file()}.invalid`)).toBe(true);
    expect(createElectronSettingsBackend(dir).read()).toEqual(defaultSettings);
  });

  it('reads unparseable JSON as null', () => {
    writeFileSync(file(), '{ not json');
    expect(createElectronSettingsBackend(dir).read()).toBeNull();
  });
});
