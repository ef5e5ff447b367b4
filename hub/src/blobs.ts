import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { firstRow, HubError } from './hub-error';

export interface BlobProgress {
  /** Bytes the hub holds for this hash (of this device's upload, or the whole blob once complete). */
  offset: number;
  complete: boolean;
}

/** How long an upload nobody adds to is kept before it is dropped. */
export const DEFAULT_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export async function blobProgress(pool: pg.Pool, deviceId: string, sha256: string): Promise<BlobProgress | null> {
  const done = await pool.query<{ size: string }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
  if (done.rows[0]) return { offset: Number(done.rows[0].size), complete: true };
  const partial = await pool.query<{ received: string }>(
    'SELECT received FROM blob_uploads WHERE sha256 = $1 AND device_id = $2 AND expires_at > now()',
    [sha256, deviceId],
  );
  return partial.rows[0] ? { offset: Number(partial.rows[0].received), complete: false } : null;
}

export interface AppendOptions {
  maxBlobBytes: number;
  uploadTtlMs: number;
}

/**
 * Appends `chunk` at `offset` to this device's upload of `sha256` (total
 * `length`), as one chunk row. A chunk at the wrong offset is refused with the
 * offset the hub expects, so a resumed or duplicated upload never corrupts the
 * blob. The upload belongs to the device: another device's upload of the same
 * hash, whatever length it claimed, never stands in the way, and this device
 * sending another length starts its own upload afresh. On the last byte the
 * chunks are hashed; a mismatch discards the upload.
 */
export async function appendBlob(
  pool: pg.Pool,
  deviceId: string,
  sha256: string,
  offset: number,
  length: number,
  chunk: Buffer,
  options: AppendOptions,
): Promise<BlobProgress> {
  if (length > options.maxBlobBytes)
    throw new HubError(
      413,
      'blob_too_large',
      `Blob ${sha256} of ${length} bytes exceeds the hub's limit of ${options.maxBlobBytes} bytes.`,
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
    // Expired uploads of any device go first: nobody resumes them, and they hold rows.
    await db.query('DELETE FROM blob_uploads WHERE expires_at <= now()');
    const done = await db.query<{ size: string }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
    if (done.rows[0]) {
      await db.query('DELETE FROM blob_uploads WHERE sha256 = $1 AND device_id = $2', [sha256, deviceId]);
      await db.query('COMMIT');
      return { offset: Number(done.rows[0].size), complete: true };
    }
    const expires = `now() + make_interval(secs => $4::double precision / 1000)`;
    await db.query(
      `INSERT INTO blob_uploads (sha256, device_id, total_size, expires_at) VALUES ($1, $2, $3, ${expires})
       ON CONFLICT (sha256, device_id) DO NOTHING`,
      [sha256, deviceId, length, options.uploadTtlMs],
    );
    let upload = firstRow(
      (
        await db.query<{ total_size: string; received: string }>(
          'SELECT total_size, received FROM blob_uploads WHERE sha256 = $1 AND device_id = $2 FOR UPDATE',
          [sha256, deviceId],
        )
      ).rows,
      'blob upload',
    );
    if (Number(upload.total_size) !== length) {
      // This device now says another length: its earlier attempt was wrong (or of other bytes). Start over.
      await db.query(
        `UPDATE blob_uploads SET total_size = $3, received = 0, expires_at = ${expires} WHERE sha256 = $1 AND device_id = $2`,
        [sha256, deviceId, length, options.uploadTtlMs],
      );
      await db.query('DELETE FROM blob_upload_chunks WHERE sha256 = $1 AND device_id = $2', [sha256, deviceId]);
      upload = { total_size: String(length), received: '0' };
    }
    const have = Number(upload.received);
    if (offset !== have) {
      await db.query('COMMIT'); // keeps a restart above: the device resumes from 0
      throw new HubError(409, 'offset_mismatch', `The hub holds ${have} bytes of blob ${sha256}; send from offset ${have}.`, {
        expectedOffset: have,
      });
    }
    if (chunk.length > 0)
      await db.query('INSERT INTO blob_upload_chunks (sha256, device_id, "offset", data) VALUES ($1, $2, $3, $4)', [
        sha256,
        deviceId,
        offset,
        chunk,
      ]);
    const now = have + chunk.length;
    await db.query(`UPDATE blob_uploads SET received = $3, expires_at = ${expires} WHERE sha256 = $1 AND device_id = $2`, [
      sha256,
      deviceId,
      now,
      options.uploadTtlMs,
    ]);
    if (now < length) {
      await db.query('COMMIT');
      return { offset: now, complete: false };
    }
    const digest = await hashChunks(db, 'blob_upload_chunks', 'sha256 = $1 AND device_id = $2', [sha256, deviceId]);
    if (digest !== sha256) {
      await db.query('DELETE FROM blob_uploads WHERE sha256 = $1 AND device_id = $2', [sha256, deviceId]);
      await db.query('COMMIT'); // the bad upload is discarded, so the next try starts clean
      throw new HubError(
        422,
        'hash_mismatch',
        `The uploaded bytes hash to ${digest}, not ${sha256}; the upload was discarded. Re-read the file and upload it again.`,
      );
    }
    await db.query('INSERT INTO blobs (sha256, size, uploaded_by) VALUES ($1, $2, $3)', [sha256, length, deviceId]);
    await db.query(
      `INSERT INTO blob_chunks (sha256, "offset", data)
       SELECT sha256, "offset", data FROM blob_upload_chunks WHERE sha256 = $1 AND device_id = $2`,
      [sha256, deviceId],
    );
    await db.query('DELETE FROM blob_uploads WHERE sha256 = $1', [sha256]); // every device's partial copy is moot now
    await db.query('COMMIT');
    return { offset: length, complete: true };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    // Two devices finishing the same blob at once: the other one won, which is just as good.
    if ((error as { code?: string }).code === '23505') return { offset: length, complete: true };
    throw error;
  } finally {
    db.release();
  }
}

/** SHA-256 of chunk rows in offset order, read one row at a time (a blob never sits whole in memory). */
async function hashChunks(db: pg.PoolClient, table: string, where: string, params: unknown[]): Promise<string> {
  const hash = createHash('sha256');
  for (let after = -1; ;) {
    const row = (
      await db.query<{ offset: string; data: Buffer }>(
        `SELECT "offset", data FROM ${table} WHERE ${where} AND "offset" > $${params.length + 1} ORDER BY "offset" LIMIT 1`,
        [...params, after],
      )
    ).rows[0];
    if (!row) return hash.digest('hex');
    hash.update(row.data);
    after = Number(row.offset);
  }
}

/** A complete blob as a stream of its chunk rows (one query per chunk), or null if the hub has none. */
export async function readBlob(pool: pg.Pool, sha256: string): Promise<{ size: number; stream: Readable } | null> {
  const blob = (await pool.query<{ size: string }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
  if (!blob) return null;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let after = -1; ;) {
      const row = (
        await pool.query<{ offset: string; data: Buffer }>(
          'SELECT "offset", data FROM blob_chunks WHERE sha256 = $1 AND "offset" > $2 ORDER BY "offset" LIMIT 1',
          [sha256, after],
        )
      ).rows[0];
      if (!row) return;
      yield row.data;
      after = Number(row.offset);
    }
  }
  return { size: Number(blob.size), stream: Readable.from(chunks()) };
}
