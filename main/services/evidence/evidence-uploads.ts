import { UploadBuffer } from '../upload-buffer';
import type { UploadBudget } from '../upload-budget';

/** One evidence file may be up to this size (photos, scanned PDFs, short clips). */
export const MAX_EVIDENCE_BYTES = 200 * 1024 * 1024;

/** Case files and camera snapshots arrive through one buffer; an idle upload is dropped after 15 minutes. */
export function evidenceUploadBuffer(now: () => number, budget?: UploadBudget): UploadBuffer {
  return new UploadBuffer({
    ...(budget ? { budget } : {}),
    kind: 'evidence',
    now,
    maxBytes: MAX_EVIDENCE_BYTES,
    tooLargeAdvice: 'evidence files must be smaller',
    idleMs: 15 * 60_000,
  });
}
