/**
 * Folders the queue uses under the data directory. The full layout:
 *
 *   <dataDir>/
 *     db/                  the store: <mode>.snapshot + journal (store/)
 *     logs/                structured logs (logging/)
 *     diagnostics/         exported diagnostics bundles (diagnostics/)
 *     inbox/               single-window drop: files here are imported as they arrive
 *       processed/         imported files, renamed <UTC stamp>_<name>
 *       rejected/          files with a rejected message or unreadable, plus <name>.error.txt
 *     outbox/              responses to declarants, one file per message:
 *                          <number>_<UTC stamp>_<decision>.cusres.edi and ….wco.xml
 *     training/inbox/, training/outbox/
 *                          the same for training mode, which never reads the live
 *                          single-window drop nor delivers responses to it
 */
import { join } from 'node:path';

export interface QueueFolders {
  inbox: string;
  processed: string;
  rejected: string;
  outbox: string;
}

export function queueFolders(dataDir: string, mode: 'live' | 'training' = 'live'): QueueFolders {
  const root = mode === 'live' ? dataDir : join(dataDir, 'training');
  const inbox = join(root, 'inbox');
  return { inbox, processed: join(inbox, 'processed'), rejected: join(inbox, 'rejected'), outbox: join(root, 'outbox') };
}

/** 20260302T081500Z: sortable, and safe in file names on every OS. */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Declaration numbers are [A-Z0-9…] in practice; anything else is replaced for the file system. */
export function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
}
