/**
 * `npm install` on a machine that reaches only the npm registry: nothing it runs may
 * download from elsewhere (the Electron binary, ONNX Runtime's GPU providers), and
 * `npm start` finds the Electron binary or says exactly how to get it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary, electronPackage, howToGetElectron } from '../../../scripts/electron-binary.mjs';

const root = resolve(__dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
}

/**
 * Every dependency with an install script, and why it is safe where only the registry is
 * reachable. A new one fails this test until someone has read its script.
 */
const REVIEWED_INSTALL_SCRIPTS: Record<string, string> = {
  esbuild: 'checks its platform binary, a registry package',
  'electron-winstaller': 'picks the bundled 7-Zip for the machine',
  'onnxruntime-node': 'would fetch GPU providers from NuGet: skipped by .npmrc and denied in allowScripts',
};

describe('npm install needs only the npm registry', () => {
  const lock = readJson('package-lock.json') as { packages: Record<string, LockEntry> };
  const pkg = readJson('package.json') as {
    devDependencies: Record<string, string>;
    allowScripts: Record<string, boolean>;
  };

  it('runs only reviewed install scripts, and never one from the electron package', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect([...new Set(withScripts)].sort()).toEqual(Object.keys(REVIEWED_INSTALL_SCRIPTS).sort());
    expect(withScripts).not.toContain('electron');
  });

  it('records each review where npm reads it (allowScripts), and skips the NuGet download for npm that ignores it', () => {
    expect(Object.keys(pkg.allowScripts).sort()).toEqual(Object.keys(REVIEWED_INSTALL_SCRIPTS).sort());
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
    const npmrc = readFileSync(join(root, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^onnxruntime-node-install=skip$/m);
  });

  it('installs an Electron whose package downloads nothing until asked (45 and later), the one the lock file names', () => {
    const range = pkg.devDependencies.electron!;
    const locked = lock.packages['node_modules/electron']!;
    expect(Number(range.replace(/^\D*/, '').split('.')[0])).toBeGreaterThanOrEqual(45);
    expect(locked.hasInstallScript).toBeUndefined();
    const installed = electronPackage(root);
    expect(installed?.version).toBe(locked.version);
    const manifest = JSON.parse(readFileSync(join(installed!.dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    expect(manifest.scripts?.install ?? manifest.scripts?.postinstall).toBeUndefined();
  });
});

describe('npm start without the Electron binary', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function fakePackage(): { dir: string; version: string } {
    const dir = mkdtempSync(join(tmpdir(), 'cw-electron-pkg-'));
    dirs.push(dir);
    return { dir, version: '45.6.1' };
  }

  it('finds the binary only where path.txt names an existing file under dist/', () => {
    const pkg = fakePackage();
    expect(electronBinary(null)).toBeNull();
    expect(electronBinary(pkg)).toBeNull();
    writeFileSync(join(pkg.dir, 'path.txt'), 'electron');
    expect(electronBinary(pkg)).toBeNull();
    mkdirSync(join(pkg.dir, 'dist'));
    writeFileSync(join(pkg.dir, 'dist', 'electron'), '');
    expect(electronBinary(pkg)).toBe(join(pkg.dir, 'dist', 'electron'));
  });

  it('says which Electron to download and the exact command, with a mirror for machines without github.com', () => {
    const text = howToGetElectron({ dir: '/x', version: '45.6.1' });
    expect(text).toContain('web host');
    expect(text).toContain('Electron 45.6.1');
    expect(text).toContain('npx --no install-electron');
    expect(text).toMatch(/ELECTRON_MIRROR=\S+ npx --no install-electron/);
    expect(howToGetElectron(null)).toMatch(/electron package itself is missing: run `npm install`/);
  });
});
