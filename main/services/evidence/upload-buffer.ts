import { ServiceError } from '../errors';

/** One evidence file may be up to this size (photos, scanned PDFs, short clips). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;
const UPLOAD_TTL_MS = 15 * 60_000;

interface Upload {
  ownerId: string;
  chunks: Buffer[];
  bytes: number;
  touchedAt: number;
}

/**
 * Files arrive in chunks (the web host takes 1 MiB per message): chunk 0 starts
 * an upload, the rest follow in order, and the intake call takes the whole.
 * Uploads belong to the user who started them and expire when left idle.
 */
export class UploadBuffer {
  readonly #uploads = new Map<string, Upload>();

  constructor(private readonly now: () => number) {}

  append(ownerId: string, uploadId: string, index: number, base64: string): number {
    this.#expire();
    let upload = this.#uploads.get(uploadId);
    if (index === 0) {
      upload = { ownerId, chunks: [], bytes: 0, touchedAt: this.now() };
      this.#uploads.set(uploadId, upload);
    }
    if (!upload || upload.ownerId !== ownerId)
      throw new ServiceError('NOT_FOUND', `Upload ${uploadId} is unknown or expired; send it again from chunk 0`);
    if (index !== upload.chunks.length)
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `Upload ${uploadId} expected chunk ${upload.chunks.length}, got ${index}; send the chunks in order`,
      );
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0)
      throw new ServiceError('INVALID_ARGUMENT', `Chunk ${index} of upload ${uploadId} is not base64`);
    const chunk = Buffer.from(base64, 'base64');
    if (upload.bytes + chunk.length > MAX_EVIDENCE_BYTES) {
      this.#uploads.delete(uploadId);
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `Upload ${uploadId} is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB; evidence files must be smaller`,
      );
    }
    upload.chunks.push(chunk);
    upload.bytes += chunk.length;
    upload.touchedAt = this.now();
    return upload.bytes;
  }

  take(ownerId: string, uploadId: string): Buffer {
    const upload = this.#uploads.get(uploadId);
    if (!upload || upload.ownerId !== ownerId)
      throw new ServiceError('NOT_FOUND', `Upload ${uploadId} is unknown or expired; send the file again`);
    this.#uploads.delete(uploadId);
    return Buffer.concat(upload.chunks);
  }

  #expire(): void {
    const now = this.now();
    for (const [id, upload] of this.#uploads) if (now - upload.touchedAt > UPLOAD_TTL_MS) this.#uploads.delete(id);
  }
}
