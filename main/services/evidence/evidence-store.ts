import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type BlobCheck = { state: 'ok'; found: string } | { state: 'mismatch'; found: string } | { state: 'missing'; found: null };

/**
 * Content-addressed evidence files: <dataDir>/evidence/sha256/<aa>/<hash>.
 * A file's name is its SHA-256 at intake, so the same photo added twice is one
 * file, and re-hashing the bytes at any later time shows whether they changed.
 */
export class EvidenceStore {
  constructor(readonly dataDir: string) {}

  get root(): string {
    return join(this.dataDir, 'evidence', 'sha256');
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Evidence hash ${JSON.stringify(sha256)} is not 64 lowercase hex digits`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (fsynced, atomic rename) unless a file with that hash is already there. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; path: string; bytes: number }> {
    const sha256 = sha256Hex(bytes);
    const path = this.pathOf(sha256);
    const existing = await this.check(sha256);
    if (existing.state === 'ok') return { sha256, path, bytes: bytes.length };
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // A stored file that no longer matches its name is replaced only by correct bytes.
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { sha256, path, bytes: bytes.length };
  }

  /** Re-hashes the stored file (streamed, so large videos do not sit in memory). */
  async check(sha256: string): Promise<BlobCheck> {
    const path = this.pathOf(sha256);
    try {
      await stat(path);
    } catch {
      return { state: 'missing', found: null };
    }
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    const found = hash.digest('hex');
    return found === sha256 ? { state: 'ok', found } : { state: 'mismatch', found };
  }

  /** Reads up to `length` bytes from `offset`. */
  async read(sha256: string, offset: number, length: number): Promise<{ bytes: Buffer; total: number }> {
    const handle = await open(this.pathOf(sha256), 'r');
    try {
      const total = (await handle.stat()).size;
      const size = Math.max(0, Math.min(length, total - offset));
      const buffer = Buffer.alloc(size);
      if (size > 0) await handle.read(buffer, 0, size, offset);
      return { bytes: buffer, total };
    } finally {
      await handle.close();
    }
  }
}
