import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELIMITERS,
  escapeEdifact,
  parseServiceStringAdvice,
} from '../../../main/services/declarations/edifact/delimiters';
import {
  EdifactTokenizer,
  isTokenizerError,
  splitSegment,
  type Token,
} from '../../../main/services/declarations/edifact/tokenizer';

function tokenize(chunks: string[]): Token[] {
  const t = new EdifactTokenizer();
  return [...chunks.flatMap((c) => t.push(c)), ...t.end()];
}

/** What a token reads as (segments point into the buffer they were cut from, which depends on the chunking). */
function view(tokens: Token[]): unknown[] {
  return tokens.map((t) => (isTokenizerError(t) ? t : { tag: t.tag, ordinal: t.ordinal, elements: t.elements }));
}

describe('EDIFACT tokenizer', () => {
  const text = "UNA:+.? 'UNB+UNOC:3+A+B+261125:1000+R1'\r\nFTX+AAA+++It?'s 5?+5?:10 ?? done'UNZ+0+R1'";

  it('resolves release characters and ignores line breaks', () => {
    const tokens = tokenize([text]);
    expect(tokens.map((s) => (isTokenizerError(s) ? 'ERR' : s.tag))).toEqual(['UNB', 'FTX', 'UNZ']);
    const ftx = tokens[1]!;
    expect(!isTokenizerError(ftx) && ftx.elements[3]).toEqual(["It's 5+5:10 ? done"]);
  });

  it('gives the same segments however the input is chunked', () => {
    const whole = tokenize([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(view(tokenize([text.slice(0, cut), text.slice(cut)]))).toEqual(view(whole));
    }
  });

  it('gives the same segments when a segment spans three chunks or a chunk ends in a release character', () => {
    // Only the segment across a chunk boundary is joined: check every pair of cut points.
    const whole = view(tokenize([text]));
    for (let a = 1; a < text.length; a++) {
      for (let b = a; b < text.length; b++) {
        expect(view(tokenize([text.slice(0, a), text.slice(a, b), text.slice(b)]))).toEqual(whole);
      }
    }
  });

  it('reads other service characters from UNA', () => {
    const tokens = tokenize(['UNA|^,! ~UNB^UNOC|3~FTX^AAA^^^a!^b!~c!|d~']);
    const ftx = tokens[1]!;
    expect(!isTokenizerError(ftx) && ftx.elements[3]).toEqual(['a^b~c|d']);
  });

  it('reports an unterminated last segment instead of dropping it', () => {
    const tokens = tokenize(["UNB+UNOC:3'UNZ+0+R1"]);
    expect(isTokenizerError(tokens[1]!)).toBe(true);
  });

  it('reports a segment without a tag', () => {
    const tokens = tokenize(["UNB+UNOC:3'12+x'"]);
    expect(tokens[1] && isTokenizerError(tokens[1])).toBe(true);
  });

  it('refuses a UNA with clashing service characters', () => {
    expect(() => parseServiceStringAdvice("++.? '")).toThrow(/distinct/);
  });

  it('escapes what it writes so splitting gives the value back', () => {
    const value = "O'Brien + Sons: 50% ?";
    const seg = `FTX+${escapeEdifact(value)}`;
    expect(splitSegment(seg, DEFAULT_DELIMITERS)[1]).toEqual([value]);
  });
});
