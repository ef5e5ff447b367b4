import type { Delimiters } from './delimiters';

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
