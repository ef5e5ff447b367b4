// `npm start`: the Electron app where its binary is installed; otherwise the same
// app and services through the loopback web host, opened in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function electronBinaryInstalled() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
  } catch {
    return false;
  }
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (electronBinaryInstalled()) {
  run(npx, ['electron-vite', 'preview']);
} else {
  console.log('Electron binary not installed: starting Clearway through the loopback web host in Chromium.');
  run(npx, ['electron-vite', 'build']);
  run(process.execPath, ['out/main/serve.js', '--open', ...process.argv.slice(2)]);
}
