import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const servicesDir = resolve(__dirname, '../../../main/services');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

// Static imports, dynamic imports and require() of 'electron' or any 'electron/…' subpath.
const electronImport = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;

describe('main/services is host-neutral', () => {
  it('has source files to check', () => {
    expect(sourceFiles(servicesDir).length).toBeGreaterThan(0);
  });

  it('never imports electron (the web host and tests run the same services under plain Node)', () => {
    const offenders = sourceFiles(servicesDir).filter((file) => electronImport.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check recognises the forms it forbids', () => {
    for (const line of [
      "import { app } from 'electron';",
      'const e = require("electron")',
      "await import('electron/main')",
      "import 'electron';",
    ]) {
      expect(electronImport.test(line), line).toBe(true);
    }
    expect(electronImport.test("import Store from 'electron-store';")).toBe(false);
  });
});
