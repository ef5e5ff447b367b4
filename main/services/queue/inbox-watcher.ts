/**
 * The single-window drop folder (<dataDir>/inbox, see data-dir.ts). Files are
 * picked up by fs.watch and by a scan at start (files dropped while the app was
 * closed). A file is imported only once its size has stopped changing, because
 * a sender may still be writing it; names ending in .part/.tmp or starting
 * with a dot are ignored for the same reason. Afterwards the file moves to
 * processed/, or to rejected/ with a <name>.error.txt sidecar listing every
 * rejected message (messages that were fine are imported either way: one
 * transaction per message).
 */
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportFileResult } from '../../../preload/contract/schemas/queue';
import { fileStamp, type QueueFolders } from './data-dir';

export interface InboxOptions {
  folders: QueueFolders;
  importFile: (path: string) => Promise<ImportFileResult>;
  onDone: (file: string, outcome: { result: ImportFileResult | null; movedTo: string; error: string | null }) => void;
  now?: () => Date;
  /** How long a file's size must stay the same before it is read. */
  stableMs?: number;
}

const IGNORED = /^\.|\.(part|tmp|crdownload)$/i;

export class InboxWatcher {
  #watcher: FSWatcher | null = null;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #chain: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(private readonly o: InboxOptions) {}

  async start(): Promise<void> {
    const { inbox, processed, rejected } = this.o.folders;
    await Promise.all([mkdir(processed, { recursive: true }), mkdir(rejected, { recursive: true })]);
    this.#watcher = watch(inbox, (_event, name) => {
      if (name) this.consider(name.toString());
    });
    this.#watcher.on('error', () => {
      /* the folder vanished; the next start recreates it */
    });
    for (const name of await readdir(inbox)) this.consider(name);
  }

  /** Stops watching and waits for the file being imported, if any. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#watcher?.close();
    this.#watcher = null;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.#chain;
  }

  /** Resolves once everything seen so far has been handled (tests, shutdown). */
  idle(): Promise<void> {
    return this.#chain;
  }

  private consider(name: string, previous: { size: number; mtimeMs: number } | null = null): void {
    if (this.#stopped || IGNORED.test(name) || (previous === null && this.#timers.has(name))) return;
    const timer = setTimeout(() => {
      this.#timers.delete(name);
      void this.check(name, previous);
    }, this.o.stableMs ?? 500);
    this.#timers.set(name, timer);
  }

  private async check(name: string, previous: { size: number; mtimeMs: number } | null): Promise<void> {
    const path = join(this.o.folders.inbox, name);
    const info = await stat(path).catch(() => null);
    if (!info || !info.isFile() || this.#stopped) return; // moved away, a folder, or shutting down
    const now = { size: info.size, mtimeMs: info.mtimeMs };
    if (!previous || previous.size !== now.size || previous.mtimeMs !== now.mtimeMs) {
      this.consider(name, now);
      return;
    }
    this.#chain = this.#chain.then(() => this.process(name, path));
  }

  private async process(name: string, path: string): Promise<void> {
    if (!(await stat(path).catch(() => null))) return;
    let result: ImportFileResult | null = null;
    let error: string | null = null;
    try {
      result = await this.o.importFile(path);
      if (result.format === null || result.rejected > 0) {
        error = result.rejects
          .map((r) => {
            const where = [
              r.messageRef && `message ${r.messageRef}`,
              r.segmentNumber !== null && `segment ${r.segmentNumber}${r.segmentTag ? ` (${r.segmentTag})` : ''}`,
              r.path,
            ]
              .filter(Boolean)
              .join(', ');
            return `${r.file}${where ? `, ${where}` : ''}: ${r.reason}`;
          })
          .join('\n');
        if (result.rejected > result.rejects.length)
          error += `\n… and ${result.rejected - result.rejects.length} more rejected messages`;
      }
    } catch (e) {
      error = `${name} could not be read: ${(e as Error).message}`;
    }
    const stamp = fileStamp((this.o.now ?? (() => new Date()))());
    const folder = error === null ? this.o.folders.processed : this.o.folders.rejected;
    const movedTo = join(folder, `${stamp}_${name}`);
    try {
      await rename(path, movedTo);
      if (error !== null) await writeFile(`${movedTo}.error.txt`, `${error}\n`, 'utf8');
    } catch (e) {
      error = `${error ?? ''}${error ? '\n' : ''}could not move ${name} out of the inbox: ${(e as Error).message}`;
    }
    this.o.onDone(name, { result, movedTo, error });
  }
}
