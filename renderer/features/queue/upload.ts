import type { ImportFileResult } from '../../../preload/contract/schemas/queue';
import { UPLOAD_CHUNK_BYTES, UPLOAD_MAX_BYTES } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';

function toBase64(bytes: Uint8Array): string {
  // String.fromCharCode on slices: spreading 512 KiB at once would overflow the call stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function uploadId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `u-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Sends one file to the services in ordered chunks (the web host caps a message
 * at 1 MiB); the last chunk imports it. `onSent` reports bytes sent, while the
 * import itself reports through the importProgress event.
 */
export async function uploadFile(file: File, onSent: (sent: number, total: number) => void): Promise<ImportFileResult> {
  if (file.size > UPLOAD_MAX_BYTES) {
    throw new Error(
      `${file.name} is ${Math.round(file.size / 1048576)} MiB; the upload limit is ${UPLOAD_MAX_BYTES / 1048576} MiB. Put it in the inbox folder instead.`,
    );
  }
  const id = uploadId();
  const chunks = Math.max(1, Math.ceil(file.size / UPLOAD_CHUNK_BYTES));
  for (let index = 0; index < chunks; index++) {
    const start = index * UPLOAD_CHUNK_BYTES;
    const bytes = new Uint8Array(await file.slice(start, start + UPLOAD_CHUNK_BYTES).arrayBuffer());
    const last = index === chunks - 1;
    const out = await clearway().invoke('cw:queue.uploadChunk', {
      uploadId: id,
      name: file.name,
      index,
      last,
      base64: toBase64(bytes),
    });
    onSent(Math.min(file.size, start + bytes.length), file.size);
    if (last) {
      if (!out.result) throw new Error(`${file.name}: the services accepted the last chunk but returned no import result`);
      return out.result;
    }
  }
  throw new Error(`${file.name}: nothing was sent`);
}
