// Where `npm start` finds the Electron binary, and what it tells the officer when
// there is none. Since Electron 45 the npm package downloads nothing at install: the
// binary (about 100 MB from github.com) comes with `npx --no install-electron`, so
// `npm install` works on a machine that reaches only the npm registry.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed `electron` package's folder and version, or null when the package is absent. */
export function electronPackage(root) {
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve('electron/package.json');
    return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
  } catch {
    return null;
  }
}

/** The Electron executable, found as the package does (path.txt under dist/), without starting its download. */
export function electronBinary(pkg) {
  if (!pkg) return null;
  const pathFile = join(pkg.dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(pkg.dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** What `npm start` prints when it falls back to the web host: why, and exactly how to get Electron. */
export function howToGetElectron(pkg) {
  const lines = [
    'Clearway: the Electron binary is not installed, so Clearway opens in Chromium through the loopback web host.',
    pkg
      ? `  To use the desktop app, download Electron ${pkg.version} once (about 100 MB from github.com):`
      : '  The electron package itself is missing: run `npm install` (it needs only the npm registry), then:',
    '    npx --no install-electron',
    '  Without access to github.com, name a mirror of its Electron releases (the download is checked against',
    "  the package's own checksums, so a mirror cannot change it):",
    '    ELECTRON_MIRROR=https://your-mirror.example/electron/ npx --no install-electron',
    '  Then run `npm start` again.',
  ];
  return lines.join('\n');
}
