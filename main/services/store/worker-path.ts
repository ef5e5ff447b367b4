import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the store worker's code is. The built main bundle has `store-worker.js` beside
 * it (electron-vite entry 'store-worker'); under tests and tsx only the source exists,
 * and the worker needs tsx's loader to run it. `--require tsx/cjs` rather than
 * `--import tsx`: Node 20 does not apply `--import` hooks to a worker's entry file,
 * while the CommonJS hook works on Node 20 and 22 alike.
 */

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

const TSX_ARGV = ['--require', 'tsx/cjs'];

function here(): string {
  return typeof __dirname !== 'undefined' ? __dirname : process.cwd();
}

export function resolveWorkerEntry(override?: string, baseDir: string = here()): WorkerEntry {
  if (override) return { file: override, execArgv: override.endsWith('.ts') ? TSX_ARGV : [] };
  return resolveBuiltOrSource('store-worker.js', join(baseDir, 'worker.ts'), baseDir);
}

/**
 * A worker entry: `builtName` beside the built main bundle (or one level up from a
 * chunk), else the TypeScript source run through tsx's loader.
 */
export function resolveBuiltOrSource(builtName: string, source: string, baseDir: string = here()): WorkerEntry {
  // The bundler may move this code into out/main/chunks/, one level below the entry files.
  const builtCandidates = [join(baseDir, builtName), join(baseDir, '..', builtName)];
  const built = builtCandidates.find((file) => existsSync(file));
  if (built) return { file: built, execArgv: [] };
  if (existsSync(source)) return { file: source, execArgv: TSX_ARGV };
  throw new Error(
    `${builtName.replace(/-worker\.js$/, '')} worker not found: looked for ${builtCandidates.join(', ')} and ${source}`,
  );
}
