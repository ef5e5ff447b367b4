import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HubTokenFile } from '../../../main/services/sync/hub-token-file';

describe('hub device token file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-token-'));
    dirs.push(dir);
    return dir;
  };

  it('keeps the token and its hub origin in <dataDir>/keys/hub-token, readable by the owner only, and removes it on null', () => {
    const dir = tempDir();
    const file = new HubTokenFile(dir);
    expect(file.read()).toBeNull();
    file.write({ token: 'cwd_abcdefghijklmnopqrstuvwxyz', origin: 'https://hub.example:8620' });
    expect(file.path).toBe(join(dir, 'keys', 'hub-token'));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(new HubTokenFile(dir).read()).toEqual({ token: 'cwd_abcdefghijklmnopqrstuvwxyz', origin: 'https://hub.example:8620' });
    file.write({ token: 'cwd_second_token_value_0123456789', origin: 'https://other.example' });
    expect(file.read()?.token).toBe('cwd_second_token_value_0123456789');
    file.write(null);
    expect(file.read()).toBeNull();
  });

  it('reads a token stored before tokens were bound as unbound (origin "")', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, 'keys', 'hub-token'), 'cwd_legacy_token_0123456789abcdef\n');
    expect(new HubTokenFile(dir).read()).toEqual({ token: 'cwd_legacy_token_0123456789abcdef', origin: '' });
  });
});
