/**
 * Incremental EDIFACT tokenizer: text goes in by chunks, complete segments come
 * out. It honours UNA, the release character (also when a chunk ends right after
 * it) and tolerates line breaks between segments. It never throws on data: a
 * malformed segment comes out as a TokenizerError item so the caller can reject
 * just the message it belongs to.
 */
import { DEFAULT_DELIMITERS, parseServiceStringAdvice, type Delimiters } from './delimiters';
import { SegmentSyntax, TextSegment, type Segment } from './segment';
import { isTag, tagAt } from './segment-tags';
import { splitSegment } from './split-segment';

export { splitSegment };

export interface TokenizerError {
  error: string;
  ordinal: number;
  /** Best guess at the tag of the malformed segment (first three characters). */
  tag: string;
}

export type Token = Segment | TokenizerError;

/** Where `feed` puts tokens: an array, or anything that takes them one at a time. */
export interface TokenSink {
  push(token: Token): void;
}

export function isTokenizerError(t: Token): t is TokenizerError {
  // Asked once per segment: the class check spares the `in` lookup along the prototype chain.
  return !(t instanceof TextSegment) && 'error' in t;
}

const WHITESPACE = /^[\s\uFEFF]+/;

/**
 * The longest segment taken, in characters. The longest CUSDEC segments (FTX with five
 * 512-character texts) stay under 3 000; a file whose terminator is missing or wrong would
 * otherwise be held whole in memory as one ever-growing partial segment.
 */
export const MAX_SEGMENT_CHARS = 64 * 1024;

export class EdifactTokenizer {
  private buffer = '';
  private started = false;
  private ordinal = 0;
  /** After an over-long segment: the rest of it is dropped up to its terminator. */
  private skipping = false;
  constructor(private readonly maxSegmentChars: number = MAX_SEGMENT_CHARS) {}
  delimiters: Delimiters = { ...DEFAULT_DELIMITERS };
  /** Shared by the segments cut with the current delimiters; rebuilt when a UNA changes them. */
  private syntax = new SegmentSyntax(this.delimiters);

  /** Feeds a chunk; returns the segments completed by it. */
  push(chunk: string): Token[] {
    const out: Token[] = [];
    this.feed(chunk, out);
    return out;
  }

  /**
   * Feeds a chunk; hands each completed segment to `sink` as soon as it is cut, so
   * a caller that processes segments one by one never holds a chunk's worth of them
   * (they then die young, which is most of what garbage collection costs here).
   */
  feed(chunk: string, sink: TokenSink): void {
    if (this.started) {
      this.feedStarted(chunk, sink);
      return;
    }
    this.buffer += chunk;
    const lead = WHITESPACE.exec(this.buffer);
    if (lead) this.buffer = this.buffer.slice(lead[0].length);
    if (this.buffer.length < 9 && 'UNA'.startsWith(this.buffer.slice(0, 3))) return;
    this.started = true;
    if (this.buffer.startsWith('UNA')) {
      try {
        this.delimiters = parseServiceStringAdvice(this.buffer.slice(3, 9));
      } catch (e) {
        sink.push({ error: (e as Error).message, ordinal: 0, tag: 'UNA' });
      }
      this.buffer = this.buffer.slice(9);
    }
    this.drain(sink);
  }

  /** Ends the input; anything left that is not whitespace is an unterminated segment. */
  end(): Token[] {
    const out: Token[] = [];
    this.finish(out);
    return out;
  }

  /** `end()` for a sink. */
  finish(sink: TokenSink): void {
    if (!this.started) {
      this.started = true;
      this.drain(sink);
    }
    const rest = this.buffer.trim();
    this.buffer = '';
    if (rest) {
      this.ordinal++;
      sink.push({
        error: 'the last segment has no segment terminator (truncated file?)',
        ordinal: this.ordinal,
        tag: rest.slice(0, 3),
      });
    }
  }

  /**
   * Feeds a chunk once the start (whitespace, UNA) is behind. Joining the previous chunk's partial
   * segment to the whole chunk would copy the chunk (or leave a rope that every read of
   * its segments has to go through); only the segment straddling the boundary is joined,
   * and the rest is cut from the chunk itself.
   */
  private feedStarted(chunk: string, sink: TokenSink): void {
    if (this.skipping) {
      const end = this.unreleasedTerminator(chunk);
      if (end === -1) return;
      this.skipping = false;
      chunk = chunk.slice(end + 1);
    }
    if (this.buffer === '') {
      this.buffer = this.cut(chunk, 0, sink);
      this.limitPartial(sink);
      return;
    }
    const first = chunk.indexOf(this.delimiters.segment);
    if (first === -1) {
      this.buffer += chunk; // no terminator: no segment can end in this chunk
      this.limitPartial(sink);
      return;
    }
    this.buffer = this.cut(this.buffer + chunk.slice(0, first + 1), 0, sink);
    if (this.buffer === '') {
      this.buffer = this.cut(chunk, first + 1, sink);
      return;
    }
    // That terminator was released: the partial segment goes on, so cut the joined text as a whole.
    this.buffer += chunk.slice(first + 1);
    this.drain(sink);
  }

  private drain(sink: TokenSink): void {
    this.buffer = this.cut(this.buffer, 0, sink);
    this.limitPartial(sink);
  }

  /** A partial segment already over the limit is refused now, not when (if ever) its terminator comes. */
  private limitPartial(sink: TokenSink): void {
    if (this.buffer.length <= this.maxSegmentChars) return;
    this.ordinal++;
    sink.push(this.tooLong(this.buffer.trimStart().slice(0, 3)));
    this.buffer = '';
    this.skipping = true;
  }

  private tooLong(tag: string): TokenizerError {
    return {
      error: `segment ${this.ordinal} is longer than ${this.maxSegmentChars} characters, the limit for one EDIFACT segment (is its segment terminator "${this.delimiters.segment}" missing?)`,
      ordinal: this.ordinal,
      tag,
    };
  }

  /** Index of the first segment terminator in `text` not preceded by an odd run of release characters, or -1. */
  private unreleasedTerminator(text: string): number {
    const { release, segment } = this.delimiters;
    for (let at = text.indexOf(segment); at !== -1; at = text.indexOf(segment, at + 1))
      if (release === ' ' || !isReleased(text, at, 0, release)) return at;
    return -1;
  }

  /** Emits the segments of buf from `start` on; returns what is left (a partial segment, possibly ending in a release character). */
  private cut(buf: string, start: number, sink: TokenSink): string {
    const { release, segment } = this.delimiters;
    if (this.syntax.delimiters !== this.delimiters) this.syntax = new SegmentSyntax(this.delimiters);
    const releases = release !== ' ';
    let from = start;
    // Where the next release character is: one native search ahead instead of one per segment.
    let nextRelease = releases ? buf.indexOf(release, start) : -1;
    // indexOf (native) finds terminators; one preceded by an odd run of release characters is data.
    for (let at = buf.indexOf(segment, from); at !== -1; at = buf.indexOf(segment, from)) {
      from = at + 1;
      const released = nextRelease !== -1 && nextRelease < at;
      if (released && isReleased(buf, at, start, release)) continue;
      this.emit(buf, start, at, released, sink);
      start = at + 1;
      if (released) nextRelease = buf.indexOf(release, start);
    }
    // The partial segment (possibly ending in a release character) waits for the next chunk.
    return buf.slice(start);
  }

  /**
   * Emits the segment in buf[start, end): it stays in the buffer, split into elements only when read.
   * `released` says a release character occurs somewhere before `end` (maybe in an earlier segment).
   */
  private emit(buf: string, start: number, end: number, released: boolean, sink: TokenSink): void {
    // Line breaks between segments are common; a tag never starts with whitespace.
    if (buf.charCodeAt(start) <= 32) while (start < end && isLeadingSpace(buf.charCodeAt(start))) start++;
    if (start === end) return; // stray line breaks, or an empty segment ''
    this.ordinal++;
    if (end - start > this.maxSegmentChars) {
      sink.push(this.tooLong(buf.slice(start, start + 3)));
      return;
    }
    const d = this.delimiters;
    if (released) {
      const first = buf.indexOf(d.release, start);
      released = first !== -1 && first < end;
    }
    const tag = released ? releasedTag(buf.slice(start, end), d) : plainTag(buf, start, end, this.syntax);
    if (tag === null) {
      sink.push({
        error: `"${buf.slice(start, Math.min(end, start + 20))}" does not start with a segment tag`,
        ordinal: this.ordinal,
        tag: buf.slice(start, Math.min(end, start + 3)),
      });
      return;
    }
    sink.push(new TextSegment(tag, this.ordinal, buf, start, end, released, this.syntax));
  }
}

/** The tag of a segment text with release characters, or null when it does not start with one. */
function releasedTag(text: string, d: Delimiters): string | null {
  const tag = splitSegment(text, d)[0]?.[0] ?? '';
  return isTag(tag) ? tag : null;
}

/**
 * The tag of buf[start, end), a segment without release characters, or null when it
 * does not start with one. A tag is three characters followed by a delimiter or the end.
 */
function plainTag(buf: string, start: number, end: number, syntax: SegmentSyntax): string | null {
  if (end - start < 3) return null;
  if (end - start > 3) {
    const fourth = buf.charCodeAt(start + 3);
    if (fourth !== syntax.element && fourth !== syntax.component) return null;
  }
  return tagAt(buf, start);
}

/** What /^[\s\uFEFF]+/ strips: the characters JavaScript's \s matches, and the byte order mark. */
function isLeadingSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isReleased(buf: string, at: number, floor: number, release: string): boolean {
  let n = 0;
  for (let i = at - 1; i >= floor && buf[i] === release; i--) n++;
  return n % 2 === 1;
}
