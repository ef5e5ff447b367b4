import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a worker thread's code is. The built main bundle has `<name>.js` beside it (an
 * electron-vite entry); under tests and tsx only the source exists, and the worker needs
 * tsx's loader to run it. `--require tsx/cjs` rather than `--import tsx`: Node 20 does
 * not apply `--import` hooks to a worker's entry file, while the CommonJS hook works on
 * Node 20 and 22 alike.
 */

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

const TSX_ARGV = ['--require', 'tsx/cjs'];

function here(): string {
  return typeof __dirname !== 'undefined' ? __dirname : process.cwd();
}

/**
 * A worker's entry: `built` (e.g. 'store-worker.js') beside the bundle, else `source` in
 * `baseDir` run through tsx. `baseDir` is the calling module's folder.
 */
export function resolveBundledWorker(options: { what: string; built: string; source: string; baseDir: string }): WorkerEntry {
  const { built, source, baseDir } = options;
  // The bundler may move this code into out/main/chunks/, one level below the entry files.
  const builtCandidates = [join(baseDir, built), join(baseDir, '..', built)];
  const found = builtCandidates.find((file) => existsSync(file));
  if (found) return { file: found, execArgv: [] };
  const sourceFile = join(baseDir, source);
  if (existsSync(sourceFile)) return { file: sourceFile, execArgv: TSX_ARGV };
  throw new Error(`${options.what} worker not found: looked for ${builtCandidates.join(', ')} and ${sourceFile}`);
}

export function resolveWorkerEntry(override?: string, baseDir: string = here()): WorkerEntry {
  if (override) return { file: override, execArgv: override.endsWith('.ts') ? TSX_ARGV : [] };
  return resolveBundledWorker({ what: 'store', built: 'store-worker.js', source: 'worker.ts', baseDir });
}
