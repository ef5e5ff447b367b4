import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A file every resources folder has; finding it proves the folder is the right one. */
const MARKER = join('site', 'demo-site.json');

/**
 * The folder holding Clearway's shipped resources (demo site, media), when the host
 * did not say. The services' code may sit at main/services/ (source, tests), out/main/
 * or out/main/chunks/ (bundled), so rather than count levels we walk up from here
 * to the first `resources/` that has the demo site.
 */
export function findResourcesDir(start: string = here()): string {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, MARKER))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Clearway resources not found: no resources/${MARKER.replaceAll('\\', '/')} above ${resolve(start)}; pass resourcesDir to createServices`,
  );
}

function here(): string {
  return typeof __dirname !== 'undefined' ? __dirname : process.cwd();
}
