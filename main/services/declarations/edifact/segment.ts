import type { Delimiters } from './delimiters';
import { SegmentLayout } from './segment-layout';
import { splitSegment } from './split-segment';

/** One EDIFACT segment: its tag and its data elements, each a list of components, release characters removed. */
export interface Segment {
  tag: string;
  /** Data elements after the tag; elements[i][j] is component j of element i+1. */
  elements: string[][];
  /** 1-based position of the segment in the file (UNA not counted). */
  ordinal: number;
}

/** Shared by every TextSegment: it lays out whichever segment is being read. */
const layout = new SegmentLayout();

/** The delimiters of the segments one tokenizer cuts, with the codes the layout pass compares. */
export class SegmentSyntax {
  readonly element: number;
  readonly component: number;

  constructor(readonly delimiters: Delimiters) {
    this.element = delimiters.element.charCodeAt(0);
    this.component = delimiters.component.charCodeAt(0);
  }
}

/**
 * A segment as the tokenizer hands it out: where it lies in the tokenizer's buffer,
 * split into elements only when someone asks for them. Most readers want a few
 * components, which `component()` cuts straight out of the buffer; building every
 * element and component array up front was most of the tokenizer's time and
 * garbage, and cutting out each segment's text (a copy for the many short ones)
 * a good part of the rest.
 */
export class TextSegment implements Segment {
  private split: string[][] | undefined;

  constructor(
    readonly tag: string,
    readonly ordinal: number,
    /** The text the segment lies in (the tokenizer's buffer when it was cut). */
    readonly source: string,
    /** source[start, end) is the segment, tag included, terminator and leading line breaks removed. */
    readonly start: number,
    readonly end: number,
    /** Whether the text holds a release character (then components are read through the full split). */
    readonly released: boolean,
    private readonly syntax: SegmentSyntax,
  ) {}

  /** The segment's text, tag included, terminator and leading line breaks removed. */
  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  get elements(): string[][] {
    return (this.split ??= splitSegment(this.text, this.syntax.delimiters).slice(1));
  }

  /** The components of data element `e` (1-based), or [] when absent. */
  components(e: number): string[] {
    if (this.released || this.split) return this.elements[e - 1] ?? [];
    const l = this.layout();
    const from = l.start(e, 0);
    if (from === -1) return [];
    return this.source.slice(from, l.elementEnd(e)).split(this.syntax.delimiters.component);
  }

  /** Component `c` (0-based) of data element `e` (1-based), or '' when absent. */
  component(e: number, c: number): string {
    if (this.released || this.split) return this.elements[e - 1]?.[c] ?? '';
    const l = this.layout();
    const from = l.start(e, c);
    return from === -1 ? '' : this.source.slice(from, l.end(e, c));
  }

  /** The non-empty components of element `e` joined by spaces, as `components(e).filter(Boolean).join(' ')`. */
  joined(e: number): string {
    if (this.released || this.split) return this.components(e).filter(Boolean).join(' ');
    const l = this.layout();
    const count = l.componentCount(e);
    // Free text is usually one component: then it is the element itself, with no arrays built.
    if (count === 1) return this.source.slice(l.start(e, 0), l.end(e, 0));
    let out = '';
    for (let c = 0; c < count; c++) {
      const from = l.start(e, c);
      const to = l.end(e, c);
      if (to > from) out = out ? `${out} ${this.source.slice(from, to)}` : this.source.slice(from, to);
    }
    return out;
  }

  /** Whether component `c` of element `e` is `value`: `component(e, c) === value` without cutting a string. */
  is(e: number, c: number, value: string): boolean {
    if (this.released || this.split) return this.component(e, c) === value;
    const l = this.layout();
    const from = l.start(e, c);
    if (from === -1) return value === '';
    const n = value.length;
    if (l.end(e, c) - from !== n) return false;
    // Qualifiers are a few characters: comparing them here beats a native call per comparison.
    for (let i = 0; i < n; i++) if (this.source.charCodeAt(from + i) !== value.charCodeAt(i)) return false;
    return true;
  }

  private layout(): SegmentLayout {
    return layout.of(this, this.source, this.start, this.end, this.syntax.element, this.syntax.component);
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

/** Whether component `c` of element `e` is `value`, without cutting a string out of the segment. */
export function componentIs(seg: Segment, e: number, c: number, value: string): boolean {
  if (seg instanceof TextSegment) return seg.is(e, c, value);
  return (seg.elements[e - 1]?.[c] ?? '') === value;
}

/** Whether component `c` of element `e` is one of `values`. */
export function componentIn(seg: Segment, e: number, c: number, values: readonly string[]): boolean {
  for (let i = 0; i < values.length; i++) if (componentIs(seg, e, c, values[i]!)) return true;
  return false;
}

/** The non-empty components of element `e` joined by spaces (names and free text split over components). */
export function joinedComponents(seg: Segment, e: number): string {
  if (seg instanceof TextSegment) return seg.joined(e);
  return (seg.elements[e - 1] ?? []).filter(Boolean).join(' ');
}
