import type pg from 'pg';
import { firstRow, HubError } from './hub-error';

export interface BlobProgress {
  /** Bytes the hub holds for this hash. */
  offset: number;
  complete: boolean;
}

export async function blobProgress(pool: pg.Pool, sha256: string): Promise<BlobProgress | null> {
  const done = await pool.query<{ size: string }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
  if (done.rows[0]) return { offset: Number(done.rows[0].size), complete: true };
  const partial = await pool.query<{ have: string }>('SELECT length(data) AS have FROM blob_uploads WHERE sha256 = $1', [sha256]);
  return partial.rows[0] ? { offset: Number(partial.rows[0].have), complete: false } : null;
}

/**
 * Appends `chunk` at `offset` of the upload of `sha256` (total `length`). A
 * chunk at the wrong offset is refused with the offset the hub expects, so a
 * resumed or duplicated upload never corrupts the blob. On the last byte the
 * SHA-256 is checked inside PostgreSQL; a mismatch discards the upload.
 */
export async function appendBlob(
  pool: pg.Pool,
  deviceId: string,
  sha256: string,
  offset: number,
  length: number,
  chunk: Buffer,
  maxBlobBytes: number,
): Promise<BlobProgress> {
  if (length > maxBlobBytes)
    throw new HubError(
      413,
      'blob_too_large',
      `Blob ${sha256} of ${length} bytes exceeds the hub's limit of ${maxBlobBytes} bytes.`,
    );
  if (offset + chunk.length > length)
    throw new HubError(
      400,
      'chunk_past_end',
      `Chunk at ${offset} of ${chunk.length} bytes runs past the declared length ${length} of blob ${sha256}.`,
    );
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const done = await db.query<{ size: string }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
    if (done.rows[0]) {
      await db.query('COMMIT');
      return { offset: Number(done.rows[0].size), complete: true };
    }
    await db.query('INSERT INTO blob_uploads (sha256, total_size, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [
      sha256,
      length,
      Buffer.alloc(0),
    ]);
    const upload = firstRow(
      (
        await db.query<{ total_size: string; have: string }>(
          'SELECT total_size, length(data) AS have FROM blob_uploads WHERE sha256 = $1 FOR UPDATE',
          [sha256],
        )
      ).rows,
      'blob upload',
    );
    const have = Number(upload.have);
    if (Number(upload.total_size) !== length)
      throw new HubError(
        409,
        'length_mismatch',
        `Blob ${sha256} is being uploaded with length ${upload.total_size}, not ${length}.`,
        { expectedLength: Number(upload.total_size) },
      );
    if (offset !== have)
      throw new HubError(409, 'offset_mismatch', `The hub holds ${have} bytes of blob ${sha256}; send from offset ${have}.`, {
        expectedOffset: have,
      });
    await db.query('UPDATE blob_uploads SET data = data || $2, updated_at = now() WHERE sha256 = $1', [sha256, chunk]);
    const now = have + chunk.length;
    if (now < length) {
      await db.query('COMMIT');
      return { offset: now, complete: false };
    }
    const digest = (
      await db.query<{ digest: string }>("SELECT encode(sha256(data), 'hex') AS digest FROM blob_uploads WHERE sha256 = $1", [
        sha256,
      ])
    ).rows[0]?.digest;
    if (digest !== sha256) {
      await db.query('DELETE FROM blob_uploads WHERE sha256 = $1', [sha256]);
      await db.query('COMMIT'); // the bad upload is discarded, so the next try starts clean
      throw new HubError(
        422,
        'hash_mismatch',
        `The uploaded bytes hash to ${digest}, not ${sha256}; the upload was discarded. Re-read the file and upload it again.`,
      );
    }
    await db.query(
      'INSERT INTO blobs (sha256, size, data, uploaded_by) SELECT sha256, total_size, data, $2 FROM blob_uploads WHERE sha256 = $1',
      [sha256, deviceId],
    );
    await db.query('DELETE FROM blob_uploads WHERE sha256 = $1', [sha256]);
    await db.query('COMMIT');
    return { offset: length, complete: true };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

export async function readBlob(pool: pg.Pool, sha256: string): Promise<Buffer | null> {
  const row = await pool.query<{ data: Buffer }>('SELECT data FROM blobs WHERE sha256 = $1', [sha256]);
  return row.rows[0]?.data ?? null;
}
