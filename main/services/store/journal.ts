import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { PRIVATE_FILE_MODE } from '../file-modes';
import { fsyncDirSync } from './fs-sync';

/**
 * The write-ahead journal. Every committed transaction becomes one record:
 *
 *   u32 payloadLength | u32 crc32(length bytes + seq bytes + payload) | u64 seq | payload
 *
 * (little endian). The checksum covers the length too, so a torn or zero-filled tail
 * is recognised instead of being read as a huge or empty record. Records carry a
 * sequence number so replay can skip those already inside a snapshot: that is what
 * makes the window between "snapshot renamed" and "old journal deleted" harmless.
 *
 * The journal is split into segments `<name>.journal.<first seq, 16 digits>`; a new
 * segment starts at every snapshot, so whole segments can be deleted once no snapshot
 * we may fall back to needs them.
 */

export const RECORD_HEADER_BYTES = 16;
/** A single transaction larger than this is refused; it also bounds what a corrupt length can claim. */
export const MAX_PAYLOAD_BYTES = 512 * 1024 * 1024;

export interface JournalRecord {
  seq: number;
  payload: Uint8Array;
  /** Bytes the whole record takes in the file. */
  size: number;
}

export interface DecodedJournal {
  records: JournalRecord[];
  /** Length of the valid prefix. */
  goodBytes: number;
  /** Bytes after the valid prefix (a torn or corrupt tail); 0 when the file is clean. */
  badBytes: number;
}

function checksum(record: Uint8Array, payloadEnd: number): number {
  return crc32(record.subarray(8, payloadEnd), crc32(record.subarray(0, 4))) >>> 0;
}

export function encodeRecord(seq: number, payload: Uint8Array): Buffer {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`journal seq must be a positive integer, got ${seq}`);
  if (payload.byteLength > MAX_PAYLOAD_BYTES)
    throw new Error(`transaction too large for the journal (${payload.byteLength} bytes)`);
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.byteLength);
  record.writeUInt32LE(payload.byteLength, 0);
  record.writeBigUInt64LE(BigInt(seq), 8);
  record.set(payload, RECORD_HEADER_BYTES);
  record.writeUInt32LE(checksum(record, record.length), 4);
  return record;
}

/** Reads records until the end or the first record that is incomplete or fails its checksum. */
export function decodeRecords(data: Uint8Array): DecodedJournal {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const records: JournalRecord[] = [];
  let offset = 0;
  while (offset + RECORD_HEADER_BYTES <= view.length) {
    const length = view.readUInt32LE(offset);
    const end = offset + RECORD_HEADER_BYTES + length;
    if (length > MAX_PAYLOAD_BYTES || end > view.length) break;
    const record = view.subarray(offset, end);
    if (checksum(record, record.length) !== view.readUInt32LE(offset + 4)) break;
    const seq = Number(view.readBigUInt64LE(offset + 8));
    if (seq < 1) break;
    records.push({ seq, payload: record.subarray(RECORD_HEADER_BYTES), size: record.length });
    offset = end;
  }
  return { records, goodBytes: offset, badBytes: view.length - offset };
}

export interface Segment {
  path: string;
  startSeq: number;
}

const SEGMENT_DIGITS = 16;

export function segmentPath(dir: string, name: string, startSeq: number): string {
  return join(dir, `${name}.journal.${String(startSeq).padStart(SEGMENT_DIGITS, '0')}`);
}

/** This store's segments, oldest first. The strict pattern keeps stores with other names out. */
export function listSegments(dir: string, name: string): Segment[] {
  const prefix = `${name}.journal.`;
  const digits = new RegExp(`^\\d{${SEGMENT_DIGITS}}$`);
  return readdirSync(dir)
    .filter((file) => file.startsWith(prefix) && digits.test(file.slice(prefix.length)))
    .map((file) => ({ path: join(dir, file), startSeq: Number(file.slice(prefix.length)) }))
    .sort((a, b) => a.startSeq - b.startSeq);
}

/**
 * Appends records to one segment, each made durable (fdatasync) before append() returns.
 * Sync I/O on purpose: the worker handles one request at a time and the caller's
 * promise must not resolve before the bytes are on disk.
 */
export class JournalWriter {
  private fd: number;
  private bytes: number;
  /** Set when a failed append could not be cut back: appending after garbage would hide later records from replay. */
  private brokenBy: Error | null = null;

  private constructor(
    readonly path: string,
    readonly startSeq: number,
    fd: number,
  ) {
    this.fd = fd;
    this.bytes = fstatSync(fd).size;
  }

  /** Opens an existing segment for appending (its valid length is `validBytes`; anything after is cut). */
  static openExisting(segment: Segment, validBytes: number): JournalWriter {
    const fd = openSync(segment.path, 'r+');
    if (fstatSync(fd).size !== validBytes) {
      ftruncateSync(fd, validBytes);
      fdatasyncSync(fd);
    }
    return new JournalWriter(segment.path, segment.startSeq, fd);
  }

  /** Creates the segment whose first record will be `startSeq`, durable in its directory. */
  static create(dir: string, name: string, startSeq: number): JournalWriter {
    const path = segmentPath(dir, name, startSeq);
    const fd = openSync(path, 'a+', PRIVATE_FILE_MODE);
    const writer = new JournalWriter(path, startSeq, fd);
    if (writer.size !== 0) {
      writer.close();
      throw new Error(`journal segment ${path} already holds data; refusing to append a new sequence to it`);
    }
    fsyncDirSync(dir);
    return writer;
  }

  get size(): number {
    return this.bytes;
  }

  /** Writes and syncs one record; on failure the segment is cut back so no partial record stays. */
  append(record: Uint8Array): void {
    if (this.brokenBy) throw new Error(`journal segment ${this.path} is unusable: ${this.brokenBy.message}`);
    const before = this.bytes;
    try {
      let written = 0;
      while (written < record.byteLength) {
        written += writeSync(this.fd, record, written, record.byteLength - written, before + written);
      }
      fdatasyncSync(this.fd);
      this.bytes = before + record.byteLength;
    } catch (error) {
      this.truncate(before);
      throw error;
    }
  }

  get broken(): Error | null {
    return this.brokenBy;
  }

  /** Cuts the segment back to `bytes` (used when a journaled transaction then fails to commit). */
  truncate(bytes: number): void {
    try {
      ftruncateSync(this.fd, bytes);
      fdatasyncSync(this.fd);
      this.bytes = bytes;
    } catch (error) {
      this.brokenBy = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
