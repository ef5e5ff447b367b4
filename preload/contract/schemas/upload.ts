import { z } from 'zod';

/**
 * The one chunked-upload schema: files larger than one web-host message (1 MiB)
 * arrive as base64 chunks in order. Evidence uses it as is (cw:evidence.uploadChunk,
 * then cw:evidence.add or cw:evidence.saveSnapshot names the upload); declaration
 * imports add the file name and an end marker (cw:queue.uploadChunk).
 */
export const UPLOAD_CHUNK_BASE64_MAX = 900_000;

/** Chosen by the sender, e.g. crypto.randomUUID(); one per file. */
export const UploadId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8-64 letters, digits or dashes (a UUID fits)');

export const UploadChunkInput = z.object({
  uploadId: UploadId,
  /** 0, 1, 2… in order; chunk 0 (re)starts the upload. */
  index: z.number().int().min(0).max(100_000),
  base64: z.string().max(UPLOAD_CHUNK_BASE64_MAX, `must be at most ${UPLOAD_CHUNK_BASE64_MAX} characters per chunk`),
});
export type UploadChunkInput = z.infer<typeof UploadChunkInput>;

/** Bytes received so far for the upload. */
export const UploadChunkOutput = z.object({ bytes: z.number().int().min(0) });

/** One slice of a stored file read back in order (evidence, case reports). */
export const FileChunk = z.object({
  base64: z.string(),
  offset: z.number().int(),
  total: z.number().int(),
  mediaType: z.string(),
});
