import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceError } from '../errors';

/**
 * Reads a camera snapshot saved by the port view (main/services/site:
 * <dataDir>/evidence/<sha256>.png with a JSON sidecar) so it can join a case's
 * content-addressed evidence.
 */
export async function readSnapshot(
  dataDir: string,
  sha256: string,
): Promise<{ bytes: Buffer; fileName: string; cameraLabel: string | null }> {
  const base = join(dataDir, 'evidence', sha256);
  const bytes = await readFile(`${base}.png`).catch(() => {
    throw new ServiceError('NOT_FOUND', `No camera snapshot ${sha256} on this workstation; save it from the port view first`);
  });
  let cameraLabel: string | null = null;
  let takenAt: string | null = null;
  try {
    const sidecar = JSON.parse(await readFile(`${base}.json`, 'utf8')) as {
      cameraName?: unknown;
      cameraId?: unknown;
      takenAt?: unknown;
    };
    cameraLabel =
      typeof sidecar.cameraName === 'string'
        ? sidecar.cameraName
        : typeof sidecar.cameraId === 'string'
          ? sidecar.cameraId
          : null;
    takenAt = typeof sidecar.takenAt === 'string' ? sidecar.takenAt : null;
  } catch {
    // The sidecar only adds labels; the hash check on the bytes is what counts.
  }
  const stamp = takenAt ? takenAt.replace(/[:.]/g, '-') : sha256.slice(0, 12);
  return { bytes, fileName: `snapshot-${stamp}.png`, cameraLabel };
}
