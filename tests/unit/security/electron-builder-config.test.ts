import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// electron-builder's own loader and validator (the ones `electron-builder` runs before building).
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: a misspelt fuse is rejected', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('sets every Electron fuse explicitly', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('org.clearway.workstation');
    expect(config.productName).toBe('Clearway');
    expect(config.directories?.output).toBe('dist');
  });

  it('packs only the build output, package.json and ONNX Runtime (unpacked, for its native library) into the asar', () => {
    // The loader normalizes a plain list into one file set.
    expect(config.files).toEqual([
      { filter: ['out/**', 'package.json', 'node_modules/onnxruntime-node/**', 'node_modules/onnxruntime-common/**'] },
    ]);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/onnxruntime-node/**']));
    expect(config.asar).toBe(true);
  });

  it('ships resources/ and the sql.js wasm outside the asar', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'resources/', to: 'resources/' }),
        { from: 'node_modules/sql.js/dist/sql-wasm.wasm', to: 'resources/sql-wasm.wasm' },
      ]),
    );
  });

  it('targets AppImage and deb, NSIS and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('explains camera use on macOS and grants the camera entitlement under the hardened runtime', () => {
    const description = (config.mac?.extendInfo as Record<string, unknown> | undefined)?.NSCameraUsageDescription;
    expect(typeof description).toBe('string');
    expect((description as string).length).toBeGreaterThan(20);
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(resolve(root, config.mac?.entitlements ?? ''), 'utf8');
    expect(entitlements).toMatch(/<key>com\.apple\.security\.device\.camera<\/key>\s*<true\/>/);
  });
});
