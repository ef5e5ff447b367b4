import type { Statement } from '../store/types';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Statements that queue a content-addressed blob (an evidence file) for upload
 * to the hub. Put them in the same transaction that records the evidence; the
 * engine uploads each blob once, resumably, and reads its bytes through the
 * `blobs` source given to the engine (`read(sha256)`). Queuing the same hash
 * twice is harmless.
 */
export function blobUploadStatements(blob: { sha256: string; size: number; at: Date }): Statement[] {
  if (!SHA256_HEX.test(blob.sha256))
    throw new Error(`sync blob ${JSON.stringify(blob.sha256)}: sha256 must be 64 lowercase hex digits.`);
  if (!Number.isSafeInteger(blob.size) || blob.size < 0)
    throw new Error(`sync blob ${blob.sha256}: size must be a non-negative integer, got ${blob.size}.`);
  return [
    {
      sql: 'INSERT INTO sync_blob_queue (sha256, size, queued_at) VALUES (:sha, :size, :at) ON CONFLICT (sha256) DO NOTHING',
      params: { ':sha': blob.sha256, ':size': blob.size, ':at': blob.at.toISOString() },
    },
  ];
}
