/**
 * Camera frames saved as evidence: <dataDir>/evidence/<sha256>.png with a JSON
 * sidecar (camera, time taken, who saved it, hash). Files are named by their
 * SHA-256 so the same frame saved twice is one file, and the cases service can
 * later link them into a case by hash. Every save is audited.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { User } from '../../../preload/contract/schemas/auth';
import type { SavedSnapshot, SnapshotInput } from '../../../preload/contract/schemas/evidence';
import { auditStatement } from '../audit/audit-log';
import { actorOf } from '../auth/accounts';
import type { Clock } from '../clock';
import { ServiceError } from '../errors';
import type { UploadBuffer } from '../upload-buffer';
import { evidenceUploadBuffer } from './evidence-uploads';
import type { Logger } from '../logging/logger';
import type { Store } from '../store/types';
import { writeFileAtomic } from '../store/fs-sync';
import { pngDimensions } from '../site/png-info';
import type { SiteService } from '../site/site-service';

/** A 4K frame as PNG stays well under this. */
export const MAX_SNAPSHOT_BYTES = 48 * 1024 * 1024;

export interface EvidenceSnapshotsOptions {
  dataDir: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  site: SiteService;
  /** The evidence uploads buffer shared with case files (cw:evidence.uploadChunk); one of its own when absent. */
  uploads?: UploadBuffer;
}

export class EvidenceSnapshots {
  readonly #uploads: UploadBuffer;

  constructor(private readonly options: EvidenceSnapshotsOptions) {
    this.#uploads = options.uploads ?? evidenceUploadBuffer(() => options.clock.now().getTime());
  }

  get dir(): string {
    return join(this.options.dataDir, 'evidence');
  }

  /** Chunks arrive in order (0, 1, 2…); returns the bytes received so far. */
  uploadChunk(user: User, uploadId: string, index: number, base64: string): { bytes: number } {
    return { bytes: this.#uploads.append(user.id, uploadId, index, base64) };
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
      auditStatement({
        at: savedAt,
        actor,
        action: 'evidence.snapshot',
        subject: sha256,
        detail: { cameraId: camera.id, takenAt: input.takenAt, bytes: png.length },
      }),
    ]);
    this.options.logger.info({ sha256, cameraId: camera.id, bytes: png.length }, 'snapshot saved');
    return { sha256, path, bytes: png.length, width: size.width, height: size.height };
  }

  #takeBytes(user: User, input: SnapshotInput): Buffer {
    if (input.pngBase64 !== undefined) return decodeBase64(input.pngBase64, 'pngBase64');
    const png = this.#uploads.take(user.id, input.uploadId ?? '');
    if (png.length > MAX_SNAPSHOT_BYTES)
      throw new ServiceError(
        'INVALID_ARGUMENT',
        `Snapshot upload ${input.uploadId ?? ''} exceeds ${MAX_SNAPSHOT_BYTES} bytes; save a smaller frame.`,
      );
    return png;
  }
}

function decodeBase64(text: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0)
    throw new ServiceError('INVALID_ARGUMENT', `${what} is not base64.`);
  return Buffer.from(text, 'base64');
}
