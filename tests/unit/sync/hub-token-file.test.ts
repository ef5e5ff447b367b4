import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HubTokenFile } from '../../../main/services/sync/hub-token-file';

describe('hub device token file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps the token in <dataDir>/keys/hub-token, readable by the owner only, and removes it on empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-token-'));
    dirs.push(dir);
    const file = new HubTokenFile(dir);
    expect(file.read()).toBe('');
    file.write('cwd_abcdefghijklmnopqrstuvwxyz');
    expect(file.path).toBe(join(dir, 'keys', 'hub-token'));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(new HubTokenFile(dir).read()).toBe('cwd_abcdefghijklmnopqrstuvwxyz');
    file.write('cwd_second_token_value_0123456789');
    expect(file.read()).toBe('cwd_second_token_value_0123456789');
    file.write('');
    expect(file.read()).toBe('');
  });
});
