import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  parseEncodedHash,
  verifyPassword,
} from '../../../main/services/auth/password-hash';
import { TEST_SCRYPT } from '../services/fixtures';

describe('scrypt password hashes', () => {
  it('defaults to N = 2^17, r = 8, p = 1', () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ log2N: 17, r: 8, p: 1 });
  });

  it('encodes its parameters, a 16-byte salt and a 64-byte key', async () => {
    const encoded = await hashPassword('correct horse battery', TEST_SCRYPT);
    expect(encoded).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const parsed = parseEncodedHash(encoded)!;
    expect(parsed.params).toEqual(TEST_SCRYPT);
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.key).toHaveLength(64);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password', TEST_SCRYPT)).not.toBe(await hashPassword('same password', TEST_SCRYPT));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hashPassword('correct horse battery', TEST_SCRYPT);
    expect(await verifyPassword('correct horse battery', encoded)).toBe(true);
    expect(await verifyPassword('correct horse batterY', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, not the current default', async () => {
    const encoded = await hashPassword('口令也可以是中文的密码', { log2N: 11, r: 4, p: 2 });
    expect(encoded.startsWith('scrypt$11$4$2$')).toBe(true);
    expect(await verifyPassword('口令也可以是中文的密码', encoded)).toBe(true);
    expect(needsRehash(encoded)).toBe(true);
  });

  it('refuses tampered and malformed hashes without throwing', async () => {
    const encoded = await hashPassword('correct horse battery', TEST_SCRYPT);
    const parts = encoded.split('$');
    const flipped = Buffer.from(parts[5]!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const tampered = [...parts.slice(0, 5), flipped.toString('base64')].join('$');
    const otherCost = ['scrypt', '11', ...parts.slice(2)].join('$');
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 7).toString('base64'), parts[5]].join('$');
    for (const bad of [tampered, otherCost, otherSalt]) expect(await verifyPassword('correct horse battery', bad)).toBe(false);
    for (const malformed of ['', 'plain', 'bcrypt$10$x$y', 'scrypt$99$8$1$AAAA$BBBB', encoded.replace('scrypt$10', 'scrypt$x')]) {
      expect(await verifyPassword('correct horse battery', malformed)).toBe(false);
    }
  });

  it('really runs at the default cost (N = 2^17 needs maxmem above Node’s 32 MiB default)', async () => {
    const encoded = await hashPassword('correct horse battery');
    expect(encoded.startsWith('scrypt$17$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', encoded)).toBe(true);
    expect(needsRehash(encoded)).toBe(false);
  }, 20_000);
});
