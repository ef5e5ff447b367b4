import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'main/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'clearway-training-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('training validate', { timeout: 120_000 }, () => {
  it('prints ok for good files and file:line:column field: message for bad ones, exit 1', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'schema: clearway.scenario/1\nid: Bad\n');
    const r = cli('training', 'validate', 'resources/scenarios/quiet-morning.yaml', bad);
    expect(r.stdout).toContain('resources/scenarios/quiet-morning.yaml: ok (scenario quiet-morning)');
    expect(r.stdout).toContain(`${bad}:2:5 id: must be lowercase letters, digits and dashes`);
    expect(r.stdout).toContain(`${bad}:1:1 title: is required`);
    expect(r.status).toBe(1);
  });

  it('exits 0 when every file is valid, and prints JSON with --json', () => {
    const r = cli('training', 'validate', '--json', 'resources/scenarios/targeting-exercise.yaml');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [{ file: 'resources/scenarios/targeting-exercise.yaml', errors: [], scenario: 'targeting-exercise' }],
    });
  });
});
