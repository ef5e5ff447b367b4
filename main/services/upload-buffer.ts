import { ServiceError } from './errors';
import { UploadBudget } from './upload-budget';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface UploadBufferOptions {
  now: () => number;
  /** The largest whole file this buffer takes. */
  maxBytes: number;
  /** What to tell the sender of a larger file, e.g. where to put it instead. */
  tooLargeAdvice: string;
  /** An upload left without a chunk this long is dropped, so memory cannot pile up. */
  idleMs: number;
  /** The per-user and workstation-wide limits this buffer's uploads count against (shared by imports and evidence). */
  budget?: UploadBudget;
  /** Tells this buffer's uploads apart from another's in the shared budget, e.g. 'evidence'. */
  kind?: string;
}

interface Upload {
  ownerId: string;
  name: string | null;
  chunks: Buffer[];
  bytes: number;
  touchedAt: number;
}

/**
 * Files too large for one message (the web host takes 1 MiB per message) arrive as
 * base64 chunks in order: chunk 0 (re)starts an upload, the rest follow, and the
 * caller takes the whole when the last one is in. An upload belongs to the user who
 * started it; a chunk out of order drops it (the sender starts again), and idle
 * uploads expire. Declaration imports and evidence intake both use it, counting against
 * one UploadBudget (uploads per user, uploads and bytes on the workstation).
 */
export class UploadBuffer {
  readonly #uploads = new Map<string, Upload>();
  readonly #budget: UploadBudget;

  constructor(private readonly options: UploadBufferOptions) {
    this.#budget = options.budget ?? new UploadBudget();
  }

  /** Adds one chunk; returns the bytes received so far. `name` is the file's, when the sender gives one. */
  append(ownerId: string, uploadId: string, index: number, base64: string, name: string | null = null): number {
    this.#expire();
    const what = name ?? `upload ${uploadId}`;
    if (base64.length % 4 !== 0 || !BASE64.test(base64))
      throw new ServiceError('INVALID_ARGUMENT', `chunk ${index} of ${what} is not valid base64`);
    let upload = this.#uploads.get(uploadId);
    if (index === 0) {
      if (upload && upload.ownerId !== ownerId)
        throw new ServiceError('CONFLICT', `upload ${uploadId} belongs to another user: use a new upload id`);
      this.#drop(uploadId);
      this.#budget.open(this.#key(uploadId), ownerId, what);
      upload = { ownerId, name, chunks: [], bytes: 0, touchedAt: this.options.now() };
      this.#uploads.set(uploadId, upload);
    }
    if (!upload || upload.ownerId !== ownerId)
      throw new ServiceError('NOT_FOUND', `${what} is unknown or expired: send it again from chunk 0`);
    if (name !== upload.name)
      throw new ServiceError('INVALID_ARGUMENT', `upload ${uploadId} is for ${upload.name ?? 'another file'}, not ${what}`);
    if (index !== upload.chunks.length) {
      this.#drop(uploadId);
      throw new ServiceError(
        'FAILED_PRECONDITION',
        `chunk ${index} of ${what} arrived out of order (expected ${upload.chunks.length}): send it again from chunk 0`,
      );
    }
    const data = Buffer.from(base64, 'base64');
    if (upload.bytes + data.byteLength > this.options.maxBytes) {
      this.#drop(uploadId);
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `${what} is larger than ${this.options.maxBytes / 1024 / 1024} MiB: ${this.options.tooLargeAdvice}`,
      );
    }
    try {
      this.#budget.grow(this.#key(uploadId), data.byteLength, what);
    } catch (error) {
      this.#drop(uploadId);
      throw error;
    }
    upload.chunks.push(data);
    upload.bytes += data.byteLength;
    upload.touchedAt = this.options.now();
    return upload.bytes;
  }

  /** The whole file of a finished upload, which leaves the buffer. */
  take(ownerId: string, uploadId: string): Buffer {
    const upload = this.#uploads.get(uploadId);
    if (!upload || upload.ownerId !== ownerId)
      throw new ServiceError('NOT_FOUND', `upload ${uploadId} is unknown or expired: send the file again`);
    this.#drop(uploadId);
    return Buffer.concat(upload.chunks);
  }

  /** Uploads under way. */
  get open(): number {
    return this.#uploads.size;
  }

  #expire(): void {
    const cutoff = this.options.now() - this.options.idleMs;
    for (const [id, upload] of this.#uploads) if (upload.touchedAt < cutoff) this.#drop(id);
  }

  #drop(uploadId: string): void {
    this.#uploads.delete(uploadId);
    this.#budget.close(this.#key(uploadId));
  }

  #key(uploadId: string): string {
    return `${this.options.kind ?? 'upload'}:${uploadId}`;
  }
}
