import { create } from 'zustand';
import type { ImportFileResult, ImportProgress } from '../../../preload/contract/schemas/queue';
import { clearway } from '../../app/clearway';
import { uploadFile } from './upload';

/**
 * Imports from the file dialog (Electron's, in the main process) or uploads (the browser's file
 * input, a drop): progress while they run, then a summary with the rejects.
 */
interface ImportStore {
  running: boolean;
  /** The file being sent/imported now. */
  file: string | null;
  sentBytes: number;
  progress: ImportProgress | null;
  totalBytes: number;
  results: ImportFileResult[];
  failures: { file: string; message: string }[];
  summaryOpen: boolean;
  importFiles(files: File[]): Promise<void>;
  /** Electron: the main process shows its file dialog and imports what is picked there. */
  importFromDialog(): Promise<void>;
  onProgress(p: ImportProgress): void;
  closeSummary(): void;
}

export const useImport = create<ImportStore>((set, get) => ({
  running: false,
  file: null,
  sentBytes: 0,
  progress: null,
  totalBytes: 0,
  results: [],
  failures: [],
  summaryOpen: false,
  async importFiles(files) {
    if (get().running || files.length === 0) return;
    set({ running: true, results: [], failures: [], summaryOpen: false, progress: null });
    for (const file of files) {
      set({ file: file.name, sentBytes: 0, totalBytes: file.size, progress: null });
      try {
        const result = await uploadFile(file, (sentBytes) => set({ sentBytes }));
        set((s) => ({ results: [...s.results, result] }));
      } catch (e) {
        set((s) => ({ failures: [...s.failures, { file: file.name, message: e instanceof Error ? e.message : String(e) }] }));
      }
    }
    set({ running: false, file: null, summaryOpen: true });
  },
  async importFromDialog() {
    if (get().running) return;
    set({
      running: true,
      results: [],
      failures: [],
      summaryOpen: false,
      progress: null,
      file: null,
      sentBytes: 0,
      totalBytes: 0,
    });
    try {
      const out = await clearway().invoke('cw:queue.importFromDialog');
      set({ running: false, results: out.files, summaryOpen: !out.cancelled });
    } catch (e) {
      set({
        running: false,
        failures: [{ file: get().progress?.file ?? '', message: e instanceof Error ? e.message : String(e) }],
        summaryOpen: true,
      });
    }
  },
  onProgress(progress) {
    if (get().running) set({ progress });
  },
  closeSummary: () => set({ summaryOpen: false }),
}));

/** 0–100: sending counts for the first half, the import (bytes parsed) for the second. */
export function importPercent(s: Pick<ImportStore, 'sentBytes' | 'totalBytes' | 'progress'>): number {
  const total = Math.max(1, s.totalBytes);
  const sent = Math.min(1, s.sentBytes / total);
  const parsed = s.progress && s.progress.totalBytes > 0 ? Math.min(1, s.progress.bytesRead / s.progress.totalBytes) : 0;
  return Math.round(sent * 50 + parsed * 50);
}
