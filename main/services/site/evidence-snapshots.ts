/**
 * Camera frames saved as evidence: <dataDir>/evidence/<sha256>.png with a JSON
 * sidecar (camera, time taken, who saved it, hash). Files are named by their
 * SHA-256 so the same frame saved twice is one file, and the cases service can
 * later link them into a case by hash. Every save is audited.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { User } from '../../../preload/schemas/auth';
import type { SavedSnapshot, SnapshotInput } from '../../../preload/schemas/site';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { Logger } from '../logging/logger';
import type { Store } from '../store/types';
import { writeFileAtomic } from './atomic-write';
import { pngDimensions } from './png-info';
import type { SiteService } from './site-service';

/** A 4K frame as PNG stays well under this. */
export const MAX_SNAPSHOT_BYTES = 48 * 1024 * 1024;
/** Uploads not finished within this time are dropped. */
const UPLOAD_TTL_MS = 10 * 60_000;

interface PendingUpload {
  ownerId: string;
  chunks: Buffer[];
  bytes: number;
  startedAt: number;
}

export interface EvidenceSnapshotsOptions {
  dataDir: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  site: SiteService;
}

export class EvidenceSnapshots {
  readonly #uploads = new Map<string, PendingUpload>();

  constructor(private readonly options: EvidenceSnapshotsOptions) {}

  get dir(): string {
    return join(this.options.dataDir, 'evidence');
  }

  /** Chunks arrive in order (0, 1, 2…); returns the bytes received so far. */
  uploadChunk(user: User, uploadId: string, index: number, base64: string): { bytes: number } {
    this.#expireUploads();
    const now = this.options.clock.now().getTime();
    let upload = this.#uploads.get(uploadId);
    if (index === 0 && !upload) {
      upload = { ownerId: user.id, chunks: [], bytes: 0, startedAt: now };
      this.#uploads.set(uploadId, upload);
    }
    if (!upload || upload.ownerId !== user.id) throw new ServiceError('NOT_FOUND', `Upload ${uploadId} is unknown or expired; start again with chunk 0.`);
    if (index !== upload.chunks.length) throw new ServiceError('FAILED_PRECONDITION', `Upload ${uploadId} expected chunk ${upload.chunks.length}, got ${index}; send the chunks in order.`);
    const chunk = decodeBase64(base64, `chunk ${index} of upload ${uploadId}`);
    if (upload.bytes + chunk.length > MAX_SNAPSHOT_BYTES) {
      this.#uploads.delete(uploadId);
      throw new ServiceError('INVALID_ARGUMENT', `Snapshot upload ${uploadId} exceeds ${MAX_SNAPSHOT_BYTES} bytes; save a smaller frame.`);
    }
    upload.chunks.push(chunk);
    upload.bytes += chunk.length;
    return { bytes: upload.bytes };
  }

  async save(user: User, input: SnapshotInput): Promise<SavedSnapshot> {
    const camera = await this.options.site.camera(input.cameraId);
    if (!camera) throw new ServiceError('NOT_FOUND', `No camera "${input.cameraId}" in the site in use; reload the port view.`);

    const png = this.#takeBytes(user, input);
    const size = pngDimensions(png);
    if (!size) throw new ServiceError('INVALID_ARGUMENT', `The snapshot of camera "${input.cameraId}" is not a PNG image.`);

    const sha256 = createHash('sha256').update(png).digest('hex');
    const path = join(this.dir, `${sha256}.png`);
    const savedAt = this.options.clock.now();
    const actor = actorOf(user);
    const sidecar = {
      sha256,
      cameraId: camera.id,
      cameraName: camera.name,
      takenAt: input.takenAt,
      savedAt: savedAt.toISOString(),
      savedBy: actor,
      bytes: png.length,
      width: size.width,
      height: size.height,
      mediaType: 'image/png',
    };
    await writeFileAtomic(path, png);
    await writeFileAtomic(join(this.dir, `${sha256}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
    await this.options.store.transaction([
      auditStatement({ at: savedAt, actor, action: 'evidence.snapshot', subject: sha256, detail: { cameraId: camera.id, takenAt: input.takenAt, bytes: png.length } }),
    ]);
    this.options.logger.info({ sha256, cameraId: camera.id, bytes: png.length }, 'snapshot saved');
    return { sha256, path, bytes: png.length, width: size.width, height: size.height };
  }

  #takeBytes(user: User, input: SnapshotInput): Buffer {
    if (input.pngBase64 !== undefined) return decodeBase64(input.pngBase64, 'pngBase64');
    const uploadId = input.uploadId ?? '';
    const upload = this.#uploads.get(uploadId);
    if (!upload || upload.ownerId !== user.id) throw new ServiceError('NOT_FOUND', `Upload ${uploadId} is unknown or expired; send its chunks again.`);
    this.#uploads.delete(uploadId);
    return Buffer.concat(upload.chunks);
  }

  #expireUploads(): void {
    const now = this.options.clock.now().getTime();
    for (const [id, upload] of this.#uploads) if (now - upload.startedAt > UPLOAD_TTL_MS) this.#uploads.delete(id);
  }
}

function decodeBase64(text: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new ServiceError('INVALID_ARGUMENT', `${what} is not base64.`);
  return Buffer.from(text, 'base64');
}
