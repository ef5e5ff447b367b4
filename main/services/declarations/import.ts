/**
 * The import pipeline: bytes in, declarations and rejects out, one result per
 * message. Format is detected from content. EDIFACT is streamed (chunks → tokens
 * → envelope → messages) so a large interchange never sits in memory as a whole
 * and progress can be shown; XML and JSON files are read whole (size-capped) and
 * parsed as one document (document-parse.ts: in a worker thread for the services).
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Declaration, DeclarationFormat, Reject } from '../../../preload/contract/schemas/declarations';
import { ChunkDecoder } from './chunk-decoder';
import { CusdecError } from './cusdec/cusdec-error';
import { readCusdec } from './cusdec/read-cusdec';
import { detectFormat } from './detect-format';
import { parseDocument, type DocumentParser } from './document-parse';
import { InterchangeReader, type EdifactMessage, type EnvelopeItem } from './edifact/interchange-reader';
import { TextSegment } from './edifact/segment';
import { EdifactTokenizer, type TokenSink } from './edifact/tokenizer';
import type { XmlMessageResult } from './wco/read-wco-xml';

export interface ImportResult {
  format: DeclarationFormat | null;
  declarations: Declaration[];
  rejects: Reject[];
}

/** What a message reader adds to an outcome (the profile that read it, why, its warnings, the raw message). */
export type MessageNote = Record<string, unknown>;

/** One message's outcome, in file order; lets a caller persist as it goes. */
export type MessageOutcome =
  | { kind: 'declaration'; declaration: Declaration; messageIndex: number; messageRef: string | null; note?: MessageNote }
  | { kind: 'reject'; reject: Reject; note?: MessageNote };

/**
 * Readers that replace the built-in ones (the message implementation profiles plug in here).
 * `cusdec` decides one enveloped message (throw CusdecError to reject it); `raw()` gives its text.
 * `wcoXml` reads a whole document as readWcoXml does (throw XmlImportError for an unusable one).
 */
export interface MessageReaders {
  cusdec(
    message: EdifactMessage,
    raw: () => string,
  ): { declaration: Declaration; note?: MessageNote } | { error: CusdecError; note?: MessageNote };
  wcoXml(xml: string): (XmlMessageResult & { note?: MessageNote })[];
}

export interface ImportOptions {
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Called for each message as soon as it is decided; awaited, so persistence applies back-pressure. */
  onMessage?: (outcome: MessageOutcome) => void | Promise<void>;
  /** Called once the format is detected, before any message. */
  onFormat?: (format: DeclarationFormat | null) => void;
  chunkBytes?: number;
  /** XML and JSON are parsed whole; refuse bigger files. */
  maxDocumentBytes?: number;
  readers?: MessageReaders;
  /** Parses a whole XML or JSON document (the services use a worker thread); default: in this thread with `readers`. */
  parseDocument?: DocumentParser;
}

export type ImportSource = string | { name: string; bytes: Uint8Array };

interface ByteSource {
  name: string;
  total: number;
  read(into: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

async function openSource(source: ImportSource): Promise<ByteSource> {
  if (typeof source !== 'string') {
    let at = 0;
    return {
      name: source.name,
      total: source.bytes.byteLength,
      async read(into) {
        const n = Math.min(into.byteLength, source.bytes.byteLength - at);
        into.set(source.bytes.subarray(at, at + n));
        at += n;
        return n;
      },
      async close() {},
    };
  }
  const handle = await open(source, 'r');
  const { size } = await handle.stat();
  return {
    name: basename(source),
    total: size,
    async read(into) {
      const { bytesRead } = await handle.read(into, 0, into.byteLength, null);
      return bytesRead;
    },
    close: () => handle.close(),
  };
}

const LEADING_BLANKS = /^[\uFEFF\s]+/;
/** detectFormat needs "UNA", "UNB" or "UNH"; one character tells XML or JSON. */
const FORMAT_HEAD_CHARS = 3;

export async function importFile(source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  const src = await openSource(source);
  const result: ImportResult = { format: null, declarations: [], rejects: [] };
  const emit = async (o: MessageOutcome) => {
    if (o.kind === 'declaration') result.declarations.push(o.declaration);
    else result.rejects.push(o.reject);
    await options.onMessage?.(o);
  };
  try {
    const chunk = new Uint8Array(options.chunkBytes ?? 1 << 20);
    const decoder = new ChunkDecoder();
    let bytesRead = 0;
    let n = await src.read(chunk);
    bytesRead += n;
    options.onProgress?.(bytesRead, src.total);
    let first = decoder.decode(chunk.subarray(0, n), n === 0);
    // The format shows in the first characters after any byte order mark and white space,
    // which small chunks (or a UTF-16 mark) may not have reached yet.
    while (n > 0 && first.replace(LEADING_BLANKS, '').length < FORMAT_HEAD_CHARS) {
      n = await src.read(chunk);
      bytesRead += n;
      options.onProgress?.(bytesRead, src.total);
      first += decoder.decode(chunk.subarray(0, n), n === 0);
    }
    result.format = detectFormat(first);
    options.onFormat?.(result.format);
    const reject = (partial: Partial<Reject> & { reason: string }): Reject => ({
      file: src.name,
      format: result.format,
      messageRef: null,
      messageIndex: null,
      segmentNumber: null,
      segmentTag: null,
      path: null,
      ...partial,
    });
    if (result.format === null) {
      await emit({
        kind: 'reject',
        reject: reject({
          reason: n === 0 ? 'the file is empty' : 'not a CUSDEC interchange, WCO DM XML or Clearway JSON document',
        }),
      });
      return result;
    }

    if (result.format === 'cusdec') {
      const tokenizer = new EdifactTokenizer();
      const envelope = new InterchangeReader();
      // Each message is mapped as soon as its UNT arrives, inside the tokenizer's loop, so
      // its segments die young; the outcomes are handed out (awaited) after each chunk.
      const completed: EnvelopeItem[] = [];
      const outcomes: MessageOutcome[] = [];
      const decide = (item: EnvelopeItem): MessageOutcome => {
        if (item.kind === 'error') return { kind: 'reject', reject: reject({ ...item.error }) };
        const m = item.message;
        if (options.readers) {
          const read = options.readers.cusdec(m, () => rawMessage(m, tokenizer.delimiters.segment));
          if ('declaration' in read)
            return {
              kind: 'declaration',
              declaration: read.declaration,
              messageIndex: m.index,
              messageRef: m.ref,
              ...(read.note ? { note: read.note } : {}),
            };
          const ce = read.error;
          const rejected = reject({
            messageRef: m.ref,
            messageIndex: m.index,
            segmentNumber: ce.segmentNumber,
            segmentTag: ce.segmentTag,
            reason: ce.message,
          });
          return { kind: 'reject', reject: rejected, ...(read.note ? { note: read.note } : {}) };
        }
        try {
          return { kind: 'declaration', declaration: readCusdec(m), messageIndex: m.index, messageRef: m.ref };
        } catch (e) {
          const ce = e instanceof CusdecError ? e : new CusdecError(1, 'UNH', (e as Error).message);
          return {
            kind: 'reject',
            reject: reject({
              messageRef: m.ref,
              messageIndex: m.index,
              segmentNumber: ce.segmentNumber,
              segmentTag: ce.segmentTag,
              reason: ce.message,
            }),
          };
        }
      };
      const sink: TokenSink = {
        push(token) {
          envelope.take(token, completed);
          if (completed.length === 0) return;
          for (const item of completed) outcomes.push(decide(item));
          completed.length = 0;
        },
      };
      const handOut = async () => {
        for (const o of outcomes) await emit(o);
        outcomes.length = 0;
      };
      tokenizer.feed(first, sink);
      await handOut();
      while (n > 0) {
        n = await src.read(chunk);
        bytesRead += n;
        options.onProgress?.(bytesRead, src.total);
        tokenizer.feed(decoder.decode(chunk.subarray(0, n), n === 0), sink);
        await handOut();
      }
      tokenizer.finish(sink);
      for (const item of envelope.finish()) outcomes.push(decide(item));
      await handOut();
      return result;
    }

    // XML and JSON: whole-document formats.
    const max = options.maxDocumentBytes ?? 64 * 1024 * 1024;
    if (src.total > max) {
      await emit({
        kind: 'reject',
        reject: reject({ reason: `the document is ${src.total} bytes; XML and JSON imports are limited to ${max}` }),
      });
      return result;
    }
    let textValue = first;
    while (n > 0) {
      n = await src.read(chunk);
      bytesRead += n;
      options.onProgress?.(bytesRead, src.total);
      textValue += decoder.decode(chunk.subarray(0, n), n === 0);
    }
    const parse: DocumentParser =
      options.parseDocument ?? ((format, text) => Promise.resolve(parseDocument(format, text, options.readers?.wcoXml)));
    const parsed = await parse(result.format, textValue);
    if (!parsed.ok) {
      await emit({ kind: 'reject', reject: reject({ path: parsed.path, reason: parsed.reason }) });
      return result;
    }
    for (const m of parsed.messages) {
      const note = m.note ? { note: m.note } : {};
      if (m.declaration)
        await emit({ kind: 'declaration', declaration: m.declaration, messageIndex: m.index, messageRef: m.ref, ...note });
      else
        await emit({
          kind: 'reject',
          reject: reject({ messageRef: m.ref, messageIndex: m.index, path: m.error!.path, reason: m.error!.reason }),
          ...note,
        });
    }
    return result;
  } finally {
    await src.close();
  }
}

/**
 * A message's text as sent, UNH to UNT, release characters kept, one segment a line (the same
 * whatever the chunking). When the file already has one segment a line, the message is one
 * slice of its chunk; otherwise its segments are joined.
 */
function rawMessage(m: EdifactMessage, terminator: string): string {
  const segs = m.segments;
  const first = segs[0];
  const last = segs[segs.length - 1];
  if (first instanceof TextSegment && last instanceof TextSegment && first.source === last.source && terminator.length === 1) {
    const src = first.source;
    const t = terminator.charCodeAt(0);
    let asLines = true;
    for (let i = 0; i + 1 < segs.length && asLines; i++) {
      const a = segs[i] as TextSegment;
      const b = segs[i + 1];
      asLines =
        b instanceof TextSegment &&
        b.source === src &&
        src.charCodeAt(a.end) === t &&
        src.charCodeAt(a.end + 1) === 10 &&
        b.start === a.end + 2;
    }
    if (asLines) return `${src.slice(first.start, last.end)}${terminator}\n`;
  }
  let out = '';
  for (const seg of segs) out += `${seg instanceof TextSegment ? seg.text : seg.tag}${terminator}\n`;
  return out;
}
