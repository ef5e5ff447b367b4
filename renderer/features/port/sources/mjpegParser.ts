/**
 * Splits a multipart/x-mixed-replace byte stream (MJPEG over HTTP) into JPEG
 * images, whatever way the network chunks it: boundaries, headers and images may
 * be split anywhere. Parts with a Content-Length are cut by length; parts without
 * one end at the next boundary. Without a boundary (some cameras omit or garble
 * it), images are found by their JPEG start (FF D8) and end (FF D9) markers.
 * Pure: no DOM, no I/O.
 */
const CR = 0x0d;
const LF = 0x0a;
const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const encoder = new TextEncoder();

/** A part larger than this means the stream is not what we think; refuse to buffer more. */
export const MAX_PART_BYTES = 16 * 1024 * 1024;

export class MjpegStreamError extends Error {
  override name = 'MjpegStreamError';
}

/** `multipart/x-mixed-replace; boundary="frame"` → `frame` (without leading dashes), or null. */
export function boundaryFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /boundary\s*=\s*(?:"([^"]+)"|([^;,\s]+))/i.exec(contentType);
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return null;
  // Some cameras put the dashes of the delimiter into the parameter too.
  const bare = raw.replace(/^--/, '');
  return bare === '' ? null : bare;
}

type Phase = 'boundary' | 'headers' | 'body';

export class MjpegParser {
  #buf = new Uint8Array(64 * 1024);
  #len = 0;
  #phase: Phase = 'boundary';
  #contentLength: number | null = null;
  readonly #delimiter: Uint8Array | null;
  /** Where to resume searching, so a slow part is not rescanned from its start on every chunk. */
  #scanFrom = 0;

  constructor(boundary: string | null) {
    this.#delimiter = boundary === null ? null : encoder.encode(`--${boundary}`);
  }

  /** Feeds bytes; returns every image completed by them, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    this.#append(chunk);
    const images: Uint8Array[] = [];
    if (this.#delimiter) this.#parseMultipart(this.#delimiter, images);
    else this.#parseMarkers(images);
    if (this.#len > MAX_PART_BYTES)
      throw new MjpegStreamError(`An MJPEG part exceeds ${MAX_PART_BYTES} bytes; the stream is not multipart JPEG`);
    return images;
  }

  #parseMultipart(delimiter: Uint8Array, images: Uint8Array[]): void {
    let pos = 0;
    for (;;) {
      if (this.#phase === 'boundary') {
        const at = indexOf(this.#buf, this.#len, delimiter, Math.max(pos, this.#scanFrom));
        if (at < 0) {
          // Keep a tail that may hold the start of a split delimiter.
          this.#scanFrom = Math.max(pos, this.#len - delimiter.length + 1);
          break;
        }
        const eol = indexOf(this.#buf, this.#len, [LF], at + delimiter.length);
        if (eol < 0) {
          this.#scanFrom = at;
          break;
        }
        pos = eol + 1;
        this.#scanFrom = pos;
        this.#phase = 'headers';
      }
      if (this.#phase === 'headers') {
        const end = headerEnd(this.#buf, this.#len, pos);
        if (!end) {
          this.#scanFrom = pos;
          break;
        }
        this.#contentLength = contentLengthOf(decodeAscii(this.#buf.subarray(pos, end.headersEnd)));
        pos = end.bodyStart;
        this.#scanFrom = pos;
        this.#phase = 'body';
      }
      if (this.#phase === 'body') {
        if (this.#contentLength !== null) {
          if (this.#len - pos < this.#contentLength) break;
          images.push(this.#buf.slice(pos, pos + this.#contentLength));
          pos += this.#contentLength;
        } else {
          const at = indexOf(this.#buf, this.#len, delimiter, Math.max(pos, this.#scanFrom));
          if (at < 0) {
            this.#scanFrom = Math.max(pos, this.#len - delimiter.length + 1);
            break;
          }
          images.push(this.#buf.slice(pos, trimLineEnd(this.#buf, pos, at)));
          pos = at;
        }
        this.#scanFrom = pos;
        this.#phase = 'boundary';
      }
    }
    this.#consume(pos);
  }

  #parseMarkers(images: Uint8Array[]): void {
    let pos = 0;
    for (;;) {
      const start = indexOf(this.#buf, this.#len, SOI, pos);
      if (start < 0) {
        // Nothing useful before a possible split FF of the next SOI.
        pos = Math.max(pos, this.#len - 1);
        break;
      }
      const end = indexOf(this.#buf, this.#len, EOI, Math.max(start + 2, this.#scanFrom));
      if (end < 0) {
        pos = start;
        this.#scanFrom = Math.max(start + 2, this.#len - 1);
        break;
      }
      images.push(this.#buf.slice(start, end + 2));
      pos = end + 2;
      this.#scanFrom = pos;
    }
    this.#consume(pos);
  }

  #append(chunk: Uint8Array): void {
    if (this.#len + chunk.length > this.#buf.length) {
      const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.#len + chunk.length));
      grown.set(this.#buf.subarray(0, this.#len));
      this.#buf = grown;
    }
    this.#buf.set(chunk, this.#len);
    this.#len += chunk.length;
  }

  #consume(count: number): void {
    if (count <= 0) return;
    this.#buf.copyWithin(0, count, this.#len);
    this.#len -= count;
    this.#scanFrom = Math.max(0, this.#scanFrom - count);
  }
}

function indexOf(buf: Uint8Array, len: number, needle: ArrayLike<number>, from: number): number {
  const first = needle[0] ?? 0;
  const last = len - needle.length;
  for (let i = buf.indexOf(first, from); i !== -1 && i <= last; i = buf.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && buf[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** Headers end at an empty line: CRLF CRLF, or LF LF from lenient servers. */
function headerEnd(buf: Uint8Array, len: number, from: number): { headersEnd: number; bodyStart: number } | null {
  // An empty header block: the body starts right after the delimiter line.
  if (len - from >= 2 && buf[from] === CR && buf[from + 1] === LF) return { headersEnd: from, bodyStart: from + 2 };
  if (len - from >= 1 && buf[from] === LF) return { headersEnd: from, bodyStart: from + 1 };
  for (let i = from; i < len - 1; i++) {
    if (buf[i] !== LF) continue;
    if (buf[i + 1] === LF) return { headersEnd: i, bodyStart: i + 2 };
    if (buf[i + 1] === CR && i + 2 < len && buf[i + 2] === LF) return { headersEnd: i, bodyStart: i + 3 };
  }
  return null;
}

function trimLineEnd(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  if (e > start && buf[e - 1] === LF) e--;
  if (e > start && buf[e - 1] === CR) e--;
  return e;
}

function decodeAscii(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function contentLengthOf(headers: string): number | null {
  const match = /^content-length\s*:\s*(\d+)\s*$/im.exec(headers);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) && value <= MAX_PART_BYTES ? value : null;
}
