import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../file-modes';
import { fsyncDir } from './fs-sync';

/**
 * Snapshot files: a 64-byte header followed by the sqlite image from db.export().
 *
 *   0  "CWSNAP01"            8 bytes magic
 *   8  u32 format version     (1)
 *   12 u32 header size        (64)
 *   16 u64 last journal seq   included in this image
 *   24 u64 image length
 *   32 sha256(header[0..32] + image)
 *
 * The hash covers the seq and length as well, so a damaged header cannot make replay
 * skip or repeat journal records. Two generations are kept (`.snapshot` and
 * `.snapshot.prev`): when the newest one is damaged, the previous one plus the
 * journal segments since it rebuild everything that was committed.
 */

export const SNAPSHOT_HEADER_BYTES = 64;
const MAGIC = Buffer.from('CWSNAP01', 'latin1');
const FORMAT_VERSION = 1;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Hash in slices so a background snapshot of a big database does not stall commits for long. */
const HASH_SLICE_BYTES = 8 * 1024 * 1024;

export interface SnapshotPaths {
  latest: string;
  previous: string;
  temp: string;
}

export function snapshotPaths(dir: string, name: string): SnapshotPaths {
  const latest = join(dir, `${name}.snapshot`);
  return { latest, previous: `${latest}.prev`, temp: `${latest}.tmp` };
}

function headerPrefix(seq: number, imageLength: number): Buffer {
  const prefix = Buffer.alloc(32);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(FORMAT_VERSION, 8);
  prefix.writeUInt32LE(SNAPSHOT_HEADER_BYTES, 12);
  prefix.writeBigUInt64LE(BigInt(seq), 16);
  prefix.writeBigUInt64LE(BigInt(imageLength), 24);
  return prefix;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function digest(prefix: Uint8Array, image: Uint8Array, yieldBetweenSlices: boolean): Promise<Buffer> {
  const hash = createHash('sha256').update(prefix);
  for (let offset = 0; offset < image.byteLength; offset += HASH_SLICE_BYTES) {
    hash.update(image.subarray(offset, offset + HASH_SLICE_BYTES));
    if (yieldBetweenSlices) await yieldToEventLoop();
  }
  return hash.digest();
}

export async function encodeSnapshotHeader(seq: number, image: Uint8Array, yieldBetweenSlices = true): Promise<Buffer> {
  const prefix = headerPrefix(seq, image.byteLength);
  return Buffer.concat([prefix, await digest(prefix, image, yieldBetweenSlices)]);
}

/**
 * Writes a snapshot durably: temp file → fsync → (latest becomes previous) → rename →
 * fsync the directory. Returns whether an older latest snapshot became the previous one.
 */
export async function writeSnapshot(
  paths: SnapshotPaths,
  dir: string,
  seq: number,
  image: Uint8Array,
): Promise<{ rotated: boolean }> {
  const header = await encodeSnapshotHeader(seq, image);
  const handle = await open(paths.temp, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.writev([header, image]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const rotated = existsSync(paths.latest);
  if (rotated) await rename(paths.latest, paths.previous);
  await rename(paths.temp, paths.latest);
  await fsyncDir(dir);
  return { rotated };
}

export type SnapshotRead = { ok: true; seq: number; image: Uint8Array } | { ok: false; reason: string };

/** Reads and fully verifies a snapshot (magic, sizes, sha256, sqlite header). */
export async function readSnapshot(path: string): Promise<SnapshotRead> {
  const file = readFileSync(path);
  if (file.length < SNAPSHOT_HEADER_BYTES) return { ok: false, reason: 'file shorter than the snapshot header' };
  if (!file.subarray(0, 8).equals(MAGIC)) return { ok: false, reason: 'bad magic' };
  if (file.readUInt32LE(8) !== FORMAT_VERSION || file.readUInt32LE(12) !== SNAPSHOT_HEADER_BYTES) {
    return { ok: false, reason: 'unknown snapshot format version' };
  }
  const seq = Number(file.readBigUInt64LE(16));
  const length = Number(file.readBigUInt64LE(24));
  if (length !== file.length - SNAPSHOT_HEADER_BYTES)
    return { ok: false, reason: `image length ${length} does not match file size` };
  const image = file.subarray(SNAPSHOT_HEADER_BYTES);
  const expected = await digest(file.subarray(0, 32), image, false);
  if (!expected.equals(file.subarray(32, 64))) return { ok: false, reason: 'checksum mismatch' };
  if (length > 0 && !image.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC))
    return { ok: false, reason: 'not a sqlite image' };
  return { ok: true, seq, image };
}

/** The seq in a snapshot's header without verifying the image (used for journal retention only). */
export function peekSnapshotSeq(path: string): number | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
    if (readSync(fd, header, 0, header.length, 0) !== header.length || !header.subarray(0, 8).equals(MAGIC)) return null;
    return Number(header.readBigUInt64LE(16));
  } finally {
    closeSync(fd);
  }
}

/** Moves a damaged snapshot out of the way (kept for diagnosis) and returns where it went. */
export function moveAside(path: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 1; existsSync(target); n += 1) target = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, target);
  return target;
}

export function removeStaleTemp(paths: SnapshotPaths): void {
  rmSync(paths.temp, { force: true });
}
