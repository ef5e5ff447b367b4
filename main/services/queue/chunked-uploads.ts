/**
 * Reassembles files the web host receives in chunks (its WebSocket messages are
 * capped at 1 MiB). Chunks must arrive in order for one upload id and one user;
 * abandoned uploads are dropped after a while so memory cannot pile up.
 */
import { UPLOAD_MAX_BYTES, type UploadChunkInput } from '../../../preload/contract/schemas/queue';
import { ServiceError } from '../errors';

const ABANDONED_AFTER_MS = 10 * 60_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface Upload {
  userId: string;
  name: string;
  chunks: Buffer[];
  bytes: number;
  next: number;
  touchedAt: number;
}

export class ChunkedUploads {
  readonly #uploads = new Map<string, Upload>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds a chunk; returns the whole file on the last one, else null. */
  accept(userId: string, chunk: UploadChunkInput): { receivedBytes: number; file: { name: string; bytes: Uint8Array } | null } {
    this.sweep();
    if (chunk.base64.length % 4 !== 0 || !BASE64.test(chunk.base64)) {
      throw new ServiceError('INVALID_ARGUMENT', `chunk ${chunk.index} of ${chunk.name} is not valid base64`);
    }
    let upload = this.#uploads.get(chunk.uploadId);
    if (chunk.index === 0) {
      if (upload) throw new ServiceError('CONFLICT', `upload ${chunk.uploadId} has already started: use a new upload id`);
      upload = { userId, name: chunk.name, chunks: [], bytes: 0, next: 0, touchedAt: this.now() };
      this.#uploads.set(chunk.uploadId, upload);
    }
    if (!upload || upload.userId !== userId) {
      throw new ServiceError('NOT_FOUND', `upload ${chunk.uploadId} is unknown or expired: send the file again from chunk 0`);
    }
    if (chunk.name !== upload.name)
      throw new ServiceError('INVALID_ARGUMENT', `upload ${chunk.uploadId} is for ${upload.name}, not ${chunk.name}`);
    if (chunk.index !== upload.next) {
      this.#uploads.delete(chunk.uploadId);
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `chunk ${chunk.index} of ${chunk.name} arrived out of order (expected ${upload.next}): send the file again`,
      );
    }
    const data = Buffer.from(chunk.base64, 'base64');
    upload.bytes += data.byteLength;
    if (upload.bytes > UPLOAD_MAX_BYTES) {
      this.#uploads.delete(chunk.uploadId);
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `${chunk.name} is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MiB: put it in the inbox folder instead`,
      );
    }
    upload.chunks.push(data);
    upload.next++;
    upload.touchedAt = this.now();
    if (!chunk.last) return { receivedBytes: upload.bytes, file: null };
    this.#uploads.delete(chunk.uploadId);
    return { receivedBytes: upload.bytes, file: { name: upload.name, bytes: new Uint8Array(Buffer.concat(upload.chunks)) } };
  }

  get open(): number {
    return this.#uploads.size;
  }

  private sweep(): void {
    const cutoff = this.now() - ABANDONED_AFTER_MS;
    for (const [id, upload] of this.#uploads) if (upload.touchedAt < cutoff) this.#uploads.delete(id);
  }
}
