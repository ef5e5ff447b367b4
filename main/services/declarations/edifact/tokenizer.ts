/**
 * Incremental EDIFACT tokenizer: text goes in by chunks, complete segments come
 * out. It honours UNA, the release character (also when a chunk ends right after
 * it) and tolerates line breaks between segments. It never throws on data: a
 * malformed segment comes out as a TokenizerError item so the caller can reject
 * just the message it belongs to.
 */
import { DEFAULT_DELIMITERS, parseServiceStringAdvice, type Delimiters } from './delimiters';
import { TextSegment, type Segment } from './segment';

export interface TokenizerError {
  error: string;
  ordinal: number;
  /** Best guess at the tag of the malformed segment (first three characters). */
  tag: string;
}

export type Token = Segment | TokenizerError;

export function isTokenizerError(t: Token): t is TokenizerError {
  return 'error' in t;
}

const TAG = /^[A-Z][A-Z0-9]{2}$/;
const WHITESPACE = /^[\s\uFEFF]+/;

export class EdifactTokenizer {
  private buffer = '';
  private started = false;
  private ordinal = 0;
  delimiters: Delimiters = { ...DEFAULT_DELIMITERS };

  /** Feeds a chunk; returns the segments completed by it. */
  push(chunk: string): Token[] {
    this.buffer += chunk;
    const out: Token[] = [];
    if (!this.started) {
      const lead = WHITESPACE.exec(this.buffer);
      if (lead) this.buffer = this.buffer.slice(lead[0].length);
      if (this.buffer.length < 9 && 'UNA'.startsWith(this.buffer.slice(0, 3))) return out;
      this.started = true;
      if (this.buffer.startsWith('UNA')) {
        try {
          this.delimiters = parseServiceStringAdvice(this.buffer.slice(3, 9));
        } catch (e) {
          out.push({ error: (e as Error).message, ordinal: 0, tag: 'UNA' });
        }
        this.buffer = this.buffer.slice(9);
      }
    }
    this.drain(out);
    return out;
  }

  /** Ends the input; anything left that is not whitespace is an unterminated segment. */
  end(): Token[] {
    const out: Token[] = [];
    if (!this.started) {
      this.started = true;
      this.drain(out);
    }
    const rest = this.buffer.trim();
    this.buffer = '';
    if (rest) {
      this.ordinal++;
      out.push({ error: 'the last segment has no segment terminator (truncated file?)', ordinal: this.ordinal, tag: rest.slice(0, 3) });
    }
    return out;
  }

  private drain(out: Token[]): void {
    const { release, segment } = this.delimiters;
    const buf = this.buffer;
    let start = 0;
    let from = 0;
    // indexOf (native) finds terminators; one preceded by an odd run of release characters is data.
    for (let at = buf.indexOf(segment, from); at !== -1; at = buf.indexOf(segment, from)) {
      from = at + 1;
      if (release !== ' ' && isReleased(buf, at, start, release)) continue;
      this.emit(buf, start, at, out);
      start = at + 1;
    }
    // The partial segment (possibly ending in a release character) waits for the next chunk.
    this.buffer = buf.slice(start);
  }

  /** Emits the segment in buf[start, end): cut once, split into elements only when read. */
  private emit(buf: string, start: number, end: number, out: Token[]): void {
    // Line breaks between segments are common; a tag never starts with whitespace.
    if (buf.charCodeAt(start) <= 32) while (start < end && isLeadingSpace(buf.charCodeAt(start))) start++;
    if (start === end) return; // stray line breaks, or an empty segment ''
    this.ordinal++;
    const d = this.delimiters;
    const text = buf.slice(start, end);
    const released = d.release !== ' ' && text.includes(d.release);
    const tag = released ? (splitSegment(text, d)[0]?.[0] ?? '') : plainTag(text, d);
    if (!TAG.test(tag)) {
      out.push({ error: `"${text.slice(0, 20)}" does not start with a segment tag`, ordinal: this.ordinal, tag: text.slice(0, 3) });
      return;
    }
    out.push(new TextSegment(tag, this.ordinal, text, released, d, splitSegment));
  }
}

/** The first component of the first element of a segment text without release characters. */
function plainTag(text: string, d: Delimiters): string {
  // A tag is three characters; only look further when the text is not shaped like one.
  const fourth = text.charAt(3);
  if (fourth === d.element || fourth === d.component || text.length === 3) return text.slice(0, 3);
  let end = text.length;
  const el = text.indexOf(d.element);
  if (el !== -1) end = el;
  const co = text.indexOf(d.component);
  if (co !== -1 && co < end) end = co;
  return text.slice(0, end);
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
