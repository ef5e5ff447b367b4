import { clearway } from '../../app/clearway';

/** 384 KiB of bytes per chunk: about 512 KiB as base64, well under the web host's 1 MiB message limit. */
const CHUNK = 384 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends a file in chunks, then asks for intake with the SHA-256 computed here (intake refuses a damaged transfer). */
export async function uploadEvidence(caseId: string, file: File, onProgress?: (fraction: number) => void) {
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  const sha256 = await sha256Hex(buffer);
  const uploadId = crypto.randomUUID();
  for (let offset = 0, index = 0; offset < Math.max(bytes.length, 1); offset += CHUNK, index += 1) {
    await clearway().invoke('cw:evidence.uploadChunk', {
      uploadId,
      index,
      base64: toBase64(bytes.subarray(offset, offset + CHUNK)),
    });
    onProgress?.(Math.min(1, (offset + CHUNK) / Math.max(bytes.length, 1)));
  }
  return clearway().invoke('cw:evidence.add', {
    caseId,
    fileName: file.name,
    mediaType: file.type || 'application/octet-stream',
    uploadId,
    sha256,
  });
}

/** Reads a file back in chunks into a Blob. */
export async function readChunks(
  read: (offset: number) => Promise<{ base64: string; total: number; mediaType: string }>,
): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  let mediaType = 'application/octet-stream';
  for (;;) {
    const chunk = await read(offset);
    mediaType = chunk.mediaType;
    const bytes = Uint8Array.from(atob(chunk.base64), (c) => c.charCodeAt(0));
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= chunk.total) break;
  }
  return new Blob(parts as BlobPart[], { type: mediaType });
}
