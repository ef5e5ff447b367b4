import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_BYTES = 32;

export function auditKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'audit-hmac.key');
}

export interface AuditKey {
  key: Buffer;
  path: string;
  /** True when this call created the key (first start of this installation). */
  created: boolean;
}

/**
 * The per-installation HMAC key: 32 random bytes, hex, in <dataDir>/keys/audit-hmac.key
 * with 0600 permissions. Created once; a file (not a db row) so that restoring or
 * replaying the database cannot also restore a key an attacker chose.
 */
export function loadOrCreateAuditKey(dataDir: string): AuditKey {
  const path = auditKeyPath(dataDir);
  if (!existsSync(path)) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    try {
      // 'wx': two processes starting at once cannot both write a key.
      writeFileSync(path, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      return { key: readAuditKey(path), path, created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return { key: readAuditKey(path), path, created: false };
}

/** Reads an existing key; throws naming the file when it is missing or malformed. */
export function readAuditKey(path: string): Buffer {
  if (!existsSync(path))
    throw new Error(`The audit HMAC key ${path} does not exist; the chain's signatures cannot be checked without it`);
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`The audit HMAC key ${path} is malformed: expected 64 hex characters`);
  return Buffer.from(text, 'hex');
}
