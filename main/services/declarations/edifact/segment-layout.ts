/**
 * Where the elements and components of one segment start, found in one pass over
 * its characters. Positions are in the text the segment lies in (the tokenizer's
 * buffer), so the segment's own text never has to be cut out. A reader asks for several components of a segment before moving
 * on to the next, so one shared layout serves the segment being read (nothing is
 * allocated per segment) and is rebuilt when another segment is read.
 * Only for segment text without release characters: every delimiter is one.
 */
export class SegmentLayout {
  private owner: object | null = null;
  /** Elements in the segment, the tag counting as element 0. */
  private elementCount = 0;
  /** first[e]: position in `starts` of element e's first component; first[elementCount] is the component count. */
  private first = new Int32Array(64);
  /** starts[k]: where component k starts (all components of all elements in order); one past the last, the end + 1. */
  private starts = new Int32Array(64);

  /**
   * The layout of text[from, to) read for `owner` (rebuilt only when the owner changes);
   * `element` and `component` are the delimiters' character codes.
   */
  of(owner: object, text: string, from: number, to: number, element: number, component: number): this {
    if (owner === this.owner) return this;
    const n = to - from;
    // A segment of n characters has at most n + 1 components and elements.
    if (this.starts.length < n + 2) {
      this.starts = new Int32Array(2 * (n + 2));
      this.first = new Int32Array(2 * (n + 2));
    }
    const first = this.first;
    const starts = this.starts;
    let e = 0;
    let k = 1;
    first[0] = 0;
    starts[0] = from;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === component) starts[k++] = i + 1;
      else if (c === element) {
        first[++e] = k;
        starts[k++] = i + 1;
      }
    }
    first[e + 1] = k;
    starts[k] = to + 1;
    this.elementCount = e + 1;
    this.owner = owner;
    return this;
  }

  /** Where component `c` of element `e` starts, or -1 when the segment has no such component. */
  start(e: number, c: number): number {
    if (e >= this.elementCount) return -1;
    const k = this.first[e]! + c;
    return k < this.first[e + 1]! ? this.starts[k]! : -1;
  }

  /** Where component `c` of element `e` (which exists) ends: its delimiter, or the segment's end. */
  end(e: number, c: number): number {
    return this.starts[this.first[e]! + c + 1]! - 1;
  }

  /** Where element `e` (which exists) ends. */
  elementEnd(e: number): number {
    return this.starts[this.first[e + 1]!]! - 1;
  }

  /** How many components element `e` has (0 when the segment has no element `e`). */
  componentCount(e: number): number {
    return e < this.elementCount ? this.first[e + 1]! - this.first[e]! : 0;
  }
}
