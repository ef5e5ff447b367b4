/**
 * Where the OCR models are on disk. `resources/models/manifest.json` names each
 * file with its size and SHA-256; the build copies the files beside it from their
 * npm package (scripts/copy-models.mjs), and the packaged app ships that folder as
 * an extra resource. Nothing is downloaded at run time.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type ModelRole = 'detection' | 'recognition' | 'dictionary';

export interface ModelManifest {
  package: string;
  packageVersion: string;
  license: string;
  files: Record<ModelRole, { file: string; bytes: number; sha256: string }>;
}

export type OcrModelFiles = Record<ModelRole, string>;

export function readModelManifest(modelsDir: string): ModelManifest {
  return JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8')) as ModelManifest;
}

/**
 * The model paths for the manifest in `modelsDir`, each looked for there and then in
 * `fallbackDirs` in order (tests and scripts pass the npm package's folder). A file
 * whose size differs from the manifest's is treated as absent.
 */
export function locateModelFiles(modelsDir: string, fallbackDirs: readonly string[] = []): OcrModelFiles {
  const manifest = readModelManifest(modelsDir);
  const found = {} as OcrModelFiles;
  for (const role of ['detection', 'recognition', 'dictionary'] as const) {
    const entry = manifest.files[role];
    const path = [modelsDir, ...fallbackDirs]
      .map((dir) => join(dir, entry.file))
      .find((p) => existsSync(p) && statSync(p).size === entry.bytes);
    if (path === undefined) {
      throw new Error(
        `the ${role} model ${entry.file} is not in ${modelsDir}; run \`node scripts/copy-models.mjs\` (npm run build does)`,
      );
    }
    found[role] = path;
  }
  return found;
}

/**
 * The recogniser's alphabet: the dictionary's lines, then a space (PaddleOCR's
 * `use_space_char`). Class 0 of the model is the CTC blank, class i is entry i - 1.
 */
export function readAlphabet(dictionaryPath: string): string[] {
  const lines = readFileSync(dictionaryPath, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return [...lines.map((l) => l.replace(/\r$/, '')), ' '];
}
