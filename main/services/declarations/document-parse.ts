/**
 * XML and JSON declarations are whole documents: parsing one builds its whole tree, which
 * for a 64 MiB file takes seconds and several hundred MiB. Done on the main thread that
 * would freeze every window and could take the process down with it, so the services
 * parse each document in a worker thread with its own heap limits (worker_threads
 * resourceLimits): a document that needs more is refused with the limit named, and the
 * main process goes on. The same reading runs inline for callers without threads to spare.
 */
import { Worker } from 'node:worker_threads';
import type { Declaration } from '../../../preload/contract/schemas/declarations';
import { resolveBundledWorker } from '../store/worker-path';
import type { MessageNote, MessageReaders } from './import';
import { readDeclarationJson } from './json/read-json';
import { profileReaders, type ProfileOptions } from './profiles/import-profiled';
import { readWcoXml, type XmlMessageResult } from './wco/read-wco-xml';
import { XmlImportError } from './wco/xml-import-error';

export type DocumentFormat = 'wco-xml' | 'json';

/** One message of a document: its declaration, or why it was rejected (path and reason). */
export interface ParsedMessage {
  index: number;
  ref: string | null;
  declaration?: Declaration;
  error?: { path: string; reason: string };
  note?: MessageNote;
}

/** A document's messages, or why none could be read (the whole document is one reject). */
export type ParsedDocument = { ok: true; messages: ParsedMessage[] } | { ok: false; path: string | null; reason: string };

export type DocumentParser = (format: DocumentFormat, text: string) => Promise<ParsedDocument>;

/** How much a document's parse may use. */
export interface DocumentParseLimits {
  /** Old-generation heap of the parsing worker, MiB: the parsed tree and the declarations live here. */
  heapMb: number;
  /** A parse still running after this long is stopped (a pathological document, not a big one). */
  timeoutMs: number;
  /**
   * Documents shorter than this (characters) are parsed in the calling thread: they parse in
   * less time than a worker takes to start, and cannot grow a tree that matters.
   */
  inlineBelowChars: number;
}

/** A 64 MiB document of realistic declarations parses well within 1 GiB; one needing more is refused. */
export const DEFAULT_PARSE_LIMITS: DocumentParseLimits = { heapMb: 1024, timeoutMs: 120_000, inlineBelowChars: 1 << 20 };

/** Reads a whole document in this thread. `wcoXml` replaces the strict XML reader (profiles). */
export function parseDocument(format: DocumentFormat, text: string, wcoXml?: MessageReaders['wcoXml']): ParsedDocument {
  if (format === 'wco-xml') {
    let messages: (XmlMessageResult & { note?: MessageNote })[];
    try {
      messages = wcoXml ? wcoXml(text) : readWcoXml(text);
    } catch (e) {
      const xe = e instanceof XmlImportError ? e : new XmlImportError('/', (e as Error).message);
      return { ok: false, path: xe.path, reason: `${xe.path}: ${xe.message}` };
    }
    return {
      ok: true,
      messages: messages.map((m) => ({
        index: m.index,
        ref: m.ref,
        ...(m.declaration ? { declaration: m.declaration } : {}),
        ...(m.error ? { error: { path: m.error.path, reason: `${m.error.path}: ${m.error.message}` } } : {}),
        ...(m.note ? { note: m.note } : {}),
      })),
    };
  }
  try {
    return { ok: true, messages: readDeclarationJson(text) };
  } catch (e) {
    return { ok: false, path: null, reason: (e as Error).message };
  }
}

/** What the worker is given: the document and, when profiles read it, their options (plain data). */
export interface DocumentJob {
  format: DocumentFormat;
  text: string;
  profiles: ProfileOptions | null;
}

/** The worker's side: one job in, one parsed document out. */
export function runDocumentJob(job: DocumentJob): ParsedDocument {
  return parseDocument(job.format, job.text, job.profiles ? profileReaders(job.profiles).wcoXml : undefined);
}

function here(): string {
  return typeof __dirname !== 'undefined' ? __dirname : process.cwd();
}

/**
 * A parser that reads each document in a fresh worker thread under `limits`; `file` names
 * the document in the error when a limit is hit. A fresh worker per document costs a few
 * tens of milliseconds (see the benchmark) and returns all the parse's memory at once.
 */
export function workerDocumentParser(
  file: string,
  profiles: ProfileOptions | null,
  limits: DocumentParseLimits = DEFAULT_PARSE_LIMITS,
): DocumentParser {
  return async (format, text) => {
    const job: DocumentJob = { format, text, profiles };
    if (text.length < limits.inlineBelowChars) return runDocumentJob(job);
    return new Promise<ParsedDocument>((resolve) => {
      const entry = resolveBundledWorker({
        what: 'document parse',
        built: 'document-worker.js',
        source: 'document-worker.ts',
        baseDir: here(),
      });
      const worker = new Worker(entry.file, {
        execArgv: entry.execArgv,
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
      });
      const what = format === 'wco-xml' ? 'XML' : 'JSON';
      let settled = false;
      const finish = (result: ParsedDocument) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      const timer = setTimeout(
        () =>
          finish({
            ok: false,
            path: null,
            reason: `${file}: parsing the ${what} document took longer than ${limits.timeoutMs / 1000} s, the limit for one declaration document; it was stopped`,
          }),
        limits.timeoutMs,
      );
      worker.once('message', (result: ParsedDocument) => finish(result));
      worker.once('error', (error: Error & { code?: string }) =>
        finish({
          ok: false,
          path: null,
          reason:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `${file}: parsing the ${what} document needs more than ${limits.heapMb} MiB, the memory limit for one declaration document; split it into smaller files`
              : `${file}: the ${what} document could not be parsed: ${error.message}`,
        }),
      );
      worker.once('exit', (code) =>
        finish({
          ok: false,
          path: null,
          reason: `${file}: the ${what} parser stopped (exit code ${code}) before giving a result`,
        }),
      );
    });
  };
}
