import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findResourcesDir } from '../../../main/services/resources-dir';

describe('default resources folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'cw-resources-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is found from the bundle chunks folder as well as from the sources', () => {
    mkdirSync(join(root, 'resources', 'site'), { recursive: true });
    writeFileSync(join(root, 'resources', 'site', 'demo-site.json'), '{}');
    const chunks = join(root, 'out', 'main', 'chunks');
    mkdirSync(chunks, { recursive: true });
    expect(findResourcesDir(chunks)).toBe(join(root, 'resources'));
    expect(findResourcesDir(join(root, 'out', 'main'))).toBe(join(root, 'resources'));
    expect(findResourcesDir()).toBe(resolve(__dirname, '..', '..', '..', 'resources'));
  });

  it('says where it looked when there is none', () => {
    const bare = mkdtempSync(join(tmpdir(), 'cw-no-resources-'));
    try {
      // A resources/ without the demo site is not the shipped folder.
      mkdirSync(join(bare, 'resources'));
      expect(() => findResourcesDir(bare)).toThrow(/demo-site\.json.*pass resourcesDir/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
