/**
 * Incremental EDIFACT tokenizer: text goes in by chunks, complete segments come
 * out. It honours UNA, the release character (also when a chunk ends right after
 * it) and tolerates line breaks between segments. It never throws on data: a
 * malformed segment comes out as a TokenizerError item so the caller can reject
 * just the message it belongs to.
 */
import { DEFAULT_DELIMITERS, parseServiceStringAdvice, type Delimiters } from './delimiters';
import { TextSegment, type Segment } from './segment';
import { isTag, tagAt } from './segment-tags';

export interface TokenizerError {
  error: string;
  ordinal: number;
  /** Best guess at the tag of the malformed segment (first three characters). */
  tag: string;
}

export type Token = Segment | TokenizerError;

interface TagEnds {
  element: number;
  component: number;
}

/** Where `feed` puts tokens: an array, or anything that takes them one at a time. */
export interface TokenSink {
  push(token: Token): void;
}

export function isTokenizerError(t: Token): t is TokenizerError {
  return 'error' in t;
}

const WHITESPACE = /^[\s\uFEFF]+/;

export class EdifactTokenizer {
  private buffer = '';
  private started = false;
  private ordinal = 0;
  delimiters: Delimiters = { ...DEFAULT_DELIMITERS };
  /** The character codes that may follow a tag, read once per chunk rather than per segment. */
  private tagEnds: TagEnds = { element: 0, component: 0 };

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
    this.buffer += chunk;
    if (!this.started) {
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
      sink.push({ error: 'the last segment has no segment terminator (truncated file?)', ordinal: this.ordinal, tag: rest.slice(0, 3) });
    }
  }

  private drain(sink: TokenSink): void {
    const { release, segment } = this.delimiters;
    this.tagEnds = { element: this.delimiters.element.charCodeAt(0), component: this.delimiters.component.charCodeAt(0) };
    const buf = this.buffer;
    const releases = release !== ' ';
    let start = 0;
    let from = 0;
    // Where the next release character is: one native search ahead instead of one per segment.
    let nextRelease = releases ? buf.indexOf(release) : -1;
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
    this.buffer = buf.slice(start);
  }

  /**
   * Emits the segment in buf[start, end): cut once, split into elements only when read.
   * `released` says a release character occurs somewhere before `end` (maybe in an earlier segment).
   */
  private emit(buf: string, start: number, end: number, released: boolean, sink: TokenSink): void {
    // Line breaks between segments are common; a tag never starts with whitespace.
    if (buf.charCodeAt(start) <= 32) while (start < end && isLeadingSpace(buf.charCodeAt(start))) start++;
    if (start === end) return; // stray line breaks, or an empty segment ''
    this.ordinal++;
    const d = this.delimiters;
    if (released) {
      const first = buf.indexOf(d.release, start);
      released = first !== -1 && first < end;
    }
    const tag = released ? releasedTag(buf.slice(start, end), d) : plainTag(buf, start, end, this.tagEnds);
    if (tag === null) {
      sink.push({ error: `"${buf.slice(start, Math.min(end, start + 20))}" does not start with a segment tag`, ordinal: this.ordinal, tag: buf.slice(start, Math.min(end, start + 3)) });
      return;
    }
    sink.push(new TextSegment(tag, this.ordinal, buf.slice(start, end), released, d, splitSegment));
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
function plainTag(buf: string, start: number, end: number, tagEnds: TagEnds): string | null {
  if (end - start < 3) return null;
  if (end - start > 3) {
    const fourth = buf.charCodeAt(start + 3);
    if (fourth !== tagEnds.element && fourth !== tagEnds.component) return null;
  }
  return tagAt(buf, start);
}

/** What /^[\s\uFEFF]+/ strips: the characters JavaScript's \s matches, and the byte order mark. */
function isLeadingSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isReleased(buf: string, at: number, floor: number, release: string): boolean {
  let n = 0;
  for (let i = at - 1; i >= floor && buf[i] === release; i--) n++;
  return n % 2 === 1;
}

/** Splits one segment's text (terminator removed) into elements and components, resolving release characters. */
export function splitSegment(text: string, d: Delimiters): string[][] {
  // Fast path: most segments contain no release character, and native split is much faster.
  if (d.release === ' ' || !text.includes(d.release)) {
    const elements = text.split(d.element) as unknown as string[][];
    for (let i = 0; i < elements.length; i++) elements[i] = (elements[i] as unknown as string).split(d.component);
    return elements;
  }
  const rel = d.release.charCodeAt(0);
  const el = d.element.charCodeAt(0);
  const co = d.component.charCodeAt(0);
  const elements: string[][] = [];
  let components: string[] = [];
  let current = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === rel) {
      current += text.slice(runStart, i) + text.charAt(i + 1);
      i++;
      runStart = i + 1;
    } else if (c === el || c === co) {
      components.push(current + text.slice(runStart, i));
      current = '';
      runStart = i + 1;
      if (c === el) {
        elements.push(components);
        components = [];
      }
    }
  }
  components.push(current + text.slice(runStart));
  elements.push(components);
  return elements;
}
