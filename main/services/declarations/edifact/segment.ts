import type { Delimiters } from './delimiters';

/** One EDIFACT segment: its tag and its data elements, each a list of components, release characters removed. */
export interface Segment {
  tag: string;
  /** Data elements after the tag; elements[i][j] is component j of element i+1. */
  elements: string[][];
  /** 1-based position of the segment in the file (UNA not counted). */
  ordinal: number;
}

/**
 * A segment as the tokenizer hands it out: its text is split into elements only
 * when someone asks for them. Most readers want a few components, which
 * `component()` cuts straight out of the text; building every element and
 * component array up front was most of the tokenizer's time and garbage.
 */
export class TextSegment implements Segment {
  private split: string[][] | undefined;

  constructor(
    readonly tag: string,
    readonly ordinal: number,
    /** The segment's text, tag included, terminator and leading line breaks removed. */
    readonly text: string,
    /** Whether the text holds a release character (then components are read through the full split). */
    readonly released: boolean,
    private readonly delimiters: Delimiters,
    private readonly splitter: (text: string, d: Delimiters) => string[][],
  ) {}

  get elements(): string[][] {
    return (this.split ??= this.splitter(this.text, this.delimiters).slice(1));
  }

  /** The components of data element `e` (1-based), or [] when absent. */
  components(e: number): string[] {
    if (this.released || this.split) return this.elements[e - 1] ?? [];
    const from = this.elementStart(e);
    if (from === -1) return [];
    const end = this.text.indexOf(this.delimiters.element, from);
    return this.text.slice(from, end === -1 ? this.text.length : end).split(this.delimiters.component);
  }

  /** Component `c` (0-based) of data element `e` (1-based), or '' when absent. */
  component(e: number, c: number): string {
    if (this.released || this.split) return this.elements[e - 1]?.[c] ?? '';
    let i = this.elementStart(e);
    if (i === -1) return '';
    // Segments are short: a character loop beats repeated native searches here.
    const text = this.text;
    const n = text.length;
    const el = this.delimiters.element.charCodeAt(0);
    const co = this.delimiters.component.charCodeAt(0);
    for (let k = 0; k < c; i++) {
      if (i >= n) return '';
      const ch = text.charCodeAt(i);
      if (ch === el) return '';
      if (ch === co) k++;
    }
    const from = i;
    for (; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === el || ch === co) break;
    }
    return text.slice(from, i);
  }

  /** Index of the first character of element `e`, or -1 when the segment has fewer elements. */
  private elementStart(e: number): number {
    const text = this.text;
    const n = text.length;
    const el = this.delimiters.element.charCodeAt(0);
    let i = 0;
    for (let k = 0; k < e; i++) {
      if (i >= n) return -1;
      if (text.charCodeAt(i) === el) k++;
    }
    return i;
  }
}

/** The components of data element `e` (1-based, as in the directories), or [] when absent. */
export function components(seg: Segment, e: number): string[] {
  if (seg instanceof TextSegment) return seg.components(e);
  return seg.elements[e - 1] ?? [];
}

/** Component `c` (0-based) of data element `e` (1-based, as in the directories), or '' when absent. */
export function component(seg: Segment, e: number, c = 0): string {
  if (seg instanceof TextSegment) return seg.component(e, c);
  return seg.elements[e - 1]?.[c] ?? '';
}
