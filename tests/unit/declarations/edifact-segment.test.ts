import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELIMITERS,
  parseServiceStringAdvice,
  type Delimiters,
} from '../../../main/services/declarations/edifact/delimiters';
import { component, components, type Segment } from '../../../main/services/declarations/edifact/segment';
import {
  EdifactTokenizer,
  isTokenizerError,
  splitSegment,
  type Token,
} from '../../../main/services/declarations/edifact/tokenizer';

/** The eager reading the lazy segments must agree with: split everything, then index. */
const TAG = /^[A-Z][A-Z0-9]{2}$/;
function eager(text: string, d: Delimiters): { tag: string; elements: string[][] } | { error: string; tag: string } {
  const raw = text.charCodeAt(0) > 32 ? text : text.replace(/^[\s\uFEFF]+/, '');
  const parts = splitSegment(raw, d);
  const tag = parts[0]?.[0] ?? '';
  return TAG.test(tag)
    ? { tag, elements: parts.slice(1) }
    : { error: `"${raw.slice(0, 20)}" does not start with a segment tag`, tag: raw.slice(0, 3) };
}

function tokenize(text: string): { tokens: Token[]; d: Delimiters } {
  const t = new EdifactTokenizer();
  const tokens = [...t.push(text), ...t.end()];
  return { tokens, d: t.delimiters };
}

// Segment bodies drawn from the characters that matter: delimiters, release, line breaks, other spaces, letters.
const piece = fc.constantFrom(
  '+',
  ':',
  '?',
  ' ',
  '\n',
  '\u00a0',
  '\u3000',
  '\ufeff',
  'A',
  'B',
  'Z',
  '1',
  '9',
  'x',
  '粤',
  "?'",
  '??',
);
const body = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const tagged = fc
  .tuple(fc.constantFrom('', '\n', '\r\n ', ' \u00a0'), fc.constantFrom('CST', 'NAD', 'LOC', 'UN', 'A1B', 'abc', ''), body)
  .map(([lead, tag, rest]) => lead + tag + rest);

describe('lazy EDIFACT segments', () => {
  it('read every element and component exactly as the full split does', () => {
    fc.assert(
      fc.property(fc.array(tagged, { minLength: 1, maxLength: 8 }), (segments) => {
        const { tokens } = tokenize(`UNB+UNOC:3'${segments.join("'")}'`);
        const d = DEFAULT_DELIMITERS;
        const expected = [eager('UNB+UNOC:3', d)];
        // The same segment boundaries the tokenizer finds: terminators not released by an odd run of '?'.
        const text = `${segments.join("'")}'`;
        let start = 0;
        for (let i = 0; i < text.length; i++) {
          if (text[i] !== "'") continue;
          let n = 0;
          for (let j = i - 1; j >= start && text[j] === '?'; j--) n++;
          if (n % 2 === 1) continue;
          const s = text.slice(start, i);
          if (s.replace(/^[\s\uFEFF]+/, '') !== '' || (s.charCodeAt(0) > 32 && s !== '')) expected.push(eager(s, d));
          start = i + 1;
        }
        // What follows the last unreleased terminator never ended: the tokenizer reports it.
        const rest = text.slice(start).trim();
        if (rest) expected.push({ error: 'no segment terminator', tag: rest.slice(0, 3) });
        expect(tokens.length).toBe(expected.length);
        tokens.forEach((token, k) => {
          const want = expected[k]!;
          expect(token.tag).toBe(want.tag);
          if ('error' in want) return expect(isTokenizerError(token)).toBe(true);
          expect(isTokenizerError(token)).toBe(false);
          const seg = token as Segment;
          for (let e = 1; e <= want.elements.length + 1; e++) {
            expect(components(seg, e)).toEqual(want.elements[e - 1] ?? []);
            for (let c = 0; c <= (want.elements[e - 1]?.length ?? 0); c++)
              expect(component(seg, e, c)).toBe(want.elements[e - 1]?.[c] ?? '');
          }
          expect(seg.elements).toEqual(want.elements);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('read components under other service characters', () => {
    const t = new EdifactTokenizer();
    const d = parseServiceStringAdvice('|^,! ~');
    const tokens = [...t.push('UNA|^,! ~UNB^UNOC|3~NAD^EX^ID1||ZZZ^^Name One|Two~FTX^AAA^^^a!^b~'), ...t.end()] as Segment[];
    expect(t.delimiters).toEqual(d);
    expect(component(tokens[1]!, 2, 2)).toBe('ZZZ');
    expect(components(tokens[1]!, 4)).toEqual(['Name One', 'Two']);
    expect(component(tokens[2]!, 4)).toBe('a^b');
    expect(component(tokens[2]!, 9, 0)).toBe('');
  });
});
