// `npm start`: the Electron app where its binary is installed; otherwise the same
// app and services through the loopback web host, opened in Chromium, after saying
// how to get Electron.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackage, howToGetElectron } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const pkg = electronPackage(root);
if (electronBinary(pkg)) {
  run(npx, ['electron-vite', 'preview']);
} else {
  console.log(howToGetElectron(pkg));
  // The same build as `npm run build`: the recognition models first, then the bundles.
  run(process.execPath, ['scripts/copy-models.mjs']);
  run(npx, ['electron-vite', 'build']);
  run(process.execPath, ['out/main/serve.js', '--open', ...process.argv.slice(2)]);
}
