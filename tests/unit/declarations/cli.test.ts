import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from './fixtures';

const root = join(fixture('x'), '../../../..');
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'main/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'clearway-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Each spawn pays for npx + tsx start-up (seconds on a shared two-core machine).
describe('clearway CLI', { timeout: 120_000 }, () => {
  it('prints each declaration and exits 0 when everything imported', () => {
    const r = cli('import', fixture('valid-interchange.edi'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('DEC2026000001');
    expect(r.stdout).toContain('declarant:      CN4403960001');
    expect(r.stdout).toContain('HS codes:       080610, 081010, 0806200000');
    expect(r.stdout).toContain('gross mass:     22000 kg');
    expect(r.stdout).toContain('customs value:  47250.75 USD');
    expect(r.stdout).toContain('containers:     CSQU3054383, MSKU6011672');
    expect(r.stdout).toContain('vehicle plate:  粤B·12345');
  });

  it('prints the rejected message and exits 1', () => {
    const r = cli('import', fixture('bad-unt-count.edi'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/REJECTED bad-unt-count\.edi, message #2 \(A2\), segment 17 UNT: UNT says 18/);
  });

  it('prints machine-readable JSON with --json', () => {
    const r = cli('import', fixture('wco-good.xml'), '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.declarations[0].functionalReferenceId).toBe('DEC2026X0001');
    expect(out.rejects).toEqual([]);
  });

  it('says which profile read each message; --profile names one, --office assigns the office', () => {
    const r = cli(
      'import',
      fixture('profiles/cn-single-window.edi'),
      '--profile',
      'cn-single-window',
      '--office',
      'CNSZX001',
      '--data-dir',
      tmp,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  profile:        cn-single-window (named for this import)');
    expect(r.stdout).toContain('  procedure:      0615');
    expect(r.stdout).toContain('  warning:        no customs office in the message: office CNSZX001 assigned on receipt');
    expect(r.stdout).toContain('5 imported, 0 rejected (cusdec)');
    expect(cli('import', fixture('profiles/cn-single-window.edi'), '--profile', 'nope', '--data-dir', tmp).status).toBe(2);
  });

  it('exits 2 on usage errors', () => {
    expect(cli().status).toBe(2);
    expect(cli('import').status).toBe(2);
    expect(cli('import', join(tmp, 'missing.edi')).status).toBe(2);
    expect(cli('import', fixture('good.json'), '--bogus').status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('demo', 'cusdec', '--count', 'x', '--out', join(tmp, 'a.edi')).status).toBe(2);
  });

  it('writes a deterministic demo CUSDEC file that imports cleanly', () => {
    const a = join(tmp, 'a.edi');
    const b = join(tmp, 'b.edi');
    expect(cli('demo', 'cusdec', '--count', '4', '--seed', '9', '--now', '2026-11-25T12:00:00Z', '--out', a).status).toBe(0);
    expect(cli('demo', 'cusdec', '--count', '4', '--seed', '9', '--now', '2026-11-25T12:00:00Z', '--out', b).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const r = cli('import', a, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).declarations).toHaveLength(4);
  });
});
