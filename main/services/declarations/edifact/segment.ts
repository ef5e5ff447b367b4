/** One EDIFACT segment: its tag and its data elements, each a list of components, release characters removed. */
export interface Segment {
  tag: string;
  /** Data elements after the tag; elements[i][j] is component j of element i+1. */
  elements: string[][];
  /** 1-based position of the segment in the file (UNA not counted). */
  ordinal: number;
}

/** Component `c` (0-based) of data element `e` (1-based, as in the directories), or '' when absent. */
export function component(seg: Segment, e: number, c = 0): string {
  return seg.elements[e - 1]?.[c] ?? '';
}
