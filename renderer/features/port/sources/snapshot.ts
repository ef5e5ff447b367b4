/**
 * Evidence snapshots: the current frame at full resolution as PNG, saved through
 * cw:evidence.saveSnapshot (in one message when small, else in chunks with
 * cw:evidence.uploadChunk, since the web host caps a message at 1 MiB).
 */
import type { SavedSnapshot } from '../../../../preload/contract/schemas/evidence';
import { clearway } from '../../../app/clearway';
import type { CameraSource } from './cameraSource';
import { frameSize } from './frameSize';

/** Base64 characters per message, under the contract's 900 000 limit. */
export const CHUNK_CHARS = 880_000;

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Draws the current frame into a new canvas of the frame's own size. */
export function captureFrame(source: Pick<CameraSource, 'element' | 'cameraId'>): HTMLCanvasElement {
  const size = frameSize(source);
  if (!size) throw new SnapshotError(`Camera ${source.cameraId} has no frame yet; wait until it is live`);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new SnapshotError('A 2D canvas context is not available');
  context.drawImage(source.element, 0, 0, size.width, size.height);
  return canvas;
}

export async function canvasToPngBase64(canvas: HTMLCanvasElement): Promise<string> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new SnapshotError('The frame could not be encoded as PNG');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Splits base64 into chunks of whole 4-character groups, so each decodes on its own. */
export function base64Chunks(base64: string, size = CHUNK_CHARS): string[] {
  const whole = size - (size % 4);
  const chunks: string[] = [];
  for (let i = 0; i < base64.length; i += whole) chunks.push(base64.slice(i, i + whole));
  return chunks;
}

/** Captures and saves the current frame of `source` as evidence; returns its hash and path. */
export async function saveSnapshot(
  source: Pick<CameraSource, 'element' | 'cameraId'>,
  takenAt: Date = new Date(),
): Promise<SavedSnapshot> {
  return saveFrame(captureFrame(source), source.cameraId, takenAt);
}

/** Saves a captured frame (see captureFrame) of camera `cameraId` as evidence. */
export async function saveFrame(canvas: HTMLCanvasElement, cameraId: string, takenAt: Date): Promise<SavedSnapshot> {
  const base64 = await canvasToPngBase64(canvas);
  const api = clearway();
  const input = { cameraId, takenAt: takenAt.toISOString() };
  if (base64.length <= CHUNK_CHARS) return api.invoke('cw:evidence.saveSnapshot', { ...input, pngBase64: base64 });
  const uploadId = crypto.randomUUID();
  const chunks = base64Chunks(base64);
  for (const [index, chunk] of chunks.entries()) await api.invoke('cw:evidence.uploadChunk', { uploadId, index, base64: chunk });
  return api.invoke('cw:evidence.saveSnapshot', { ...input, uploadId });
}

/** A small JPEG of a captured frame for the screen (the evidence itself is the full-size PNG). */
export function previewOf(canvas: HTMLCanvasElement, maxWidth = 480): string {
  const scale = Math.min(1, maxWidth / canvas.width);
  const small = document.createElement('canvas');
  small.width = Math.max(1, Math.round(canvas.width * scale));
  small.height = Math.max(1, Math.round(canvas.height * scale));
  small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
  return small.toDataURL('image/jpeg', 0.8);
}
