import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ChunkDecoder, unfinishedUtf8Tail } from '../../../main/services/declarations/chunk-decoder';
import { importFile } from '../../../main/services/declarations/import';
import { fixture } from './fixtures';

const bytes = (...values: number[]) => Uint8Array.from(values);

/** Where the chunks start and end when `input` is cut at `cuts`. */
function edgesOf(input: Uint8Array, cuts: number[]): number[] {
  return [...new Set([0, ...cuts.map((c) => c % (input.length + 1)), input.length])].sort((a, b) => a - b);
}

/** Decodes `input` in chunks cut at `cuts`, the way the importer reads a file. */
function decodeInChunks(input: Uint8Array, cuts: number[]): { text: string; latin: boolean } {
  const decoder = new ChunkDecoder();
  const edges = edgesOf(input, cuts);
  let text = '';
  for (let i = 1; i < edges.length; i++) text += decoder.decode(input.subarray(edges[i - 1], edges[i]), i === edges.length - 1);
  return { text, latin: decoder.fellBackToLatin };
}

/** Windows-1252 by its table: 0x80–0x9F are the typographic characters, the rest is ISO 8859-1. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const windows1252 = (input: Uint8Array) =>
  String.fromCharCode(...input).replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);

describe('chunk decoder', () => {
  it('reads Windows-1252 typographic characters in the last chunk as in every other', () => {
    const input = bytes(0x80, 0x93, 0x41, 0x94, 0xff);
    const decoder = new ChunkDecoder();
    expect(decoder.decode(input, true)).toBe('€“A”ÿ');
    expect(windows1252(input)).toBe('€“A”ÿ');
  });

  it('finds the unfinished UTF-8 sequence at the end of a chunk', () => {
    expect(unfinishedUtf8Tail(bytes(0x41, 0xe4, 0xb8))).toEqual(bytes(0xe4, 0xb8));
    expect(unfinishedUtf8Tail(bytes(0x41, 0xe4, 0xb8, 0xad))).toEqual(bytes());
    expect(unfinishedUtf8Tail(bytes(0xf0, 0x9f, 0x98))).toEqual(bytes(0xf0, 0x9f, 0x98));
    expect(unfinishedUtf8Tail(bytes(0xc3))).toEqual(bytes(0xc3));
    expect(unfinishedUtf8Tail(bytes(0x41, 0x42))).toEqual(bytes());
  });

  it('keeps the bytes held back at a chunk edge when a later chunk turns out not to be UTF-8', () => {
    // "中" (E4 B8 AD) cut after its first byte, then a Latin-1 "é" (E9) that is not UTF-8.
    const input = bytes(0x41, 0xe4, 0xb8, 0xad, 0x42, 0xe9, 0x43);
    const decoder = new ChunkDecoder();
    const text = decoder.decode(input.subarray(0, 2)) + decoder.decode(input.subarray(2, 7), true);
    expect(decoder.fellBackToLatin).toBe(true);
    // Every byte is in the text: the held-back E4 is read as Windows-1252 "ä" with the rest.
    expect(text).toBe('A\u00e4\u00b8\u00adB\u00e9C');
  });

  it('property: wherever the chunks are cut, UTF-8 reads as one decode does, and no byte is lost on a fallback', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        (s, cuts, latinByte) => {
          const utf8 = new TextEncoder().encode(s);
          if (!latinByte) {
            expect(decodeInChunks(utf8, cuts)).toEqual({ text: s, latin: false });
            return;
          }
          const input = Uint8Array.from([...utf8, 0xff, 0x41]);
          const { text, latin } = decodeInChunks(input, cuts);
          expect(latin).toBe(true);
          // UTF-8 up to the chunk that holds the 0xFF, less the bytes held back from it; Windows-1252 from there on.
          const failing = Math.max(...edgesOf(input, cuts).filter((edge) => edge <= utf8.length));
          const switchAt = failing - unfinishedUtf8Tail(input.subarray(0, failing)).length;
          expect(text).toBe(new TextDecoder().decode(input.subarray(0, switchAt)) + windows1252(input.subarray(switchAt)));
        },
      ),
    );
  });

  it('reads a file with a UTF-16 byte order mark as UTF-16, little or big endian, at any chunk size', async () => {
    const xml = readFileSync(fixture('wco-good.xml'), 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const expected = await importFile({ name: 'wco.xml', bytes: new TextEncoder().encode(xml) });
    expect(expected.declarations.length).toBeGreaterThan(0);
    const le = Buffer.from(`\uFEFF${xml}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be])
      for (const chunkBytes of [1, 7, 1 << 20]) {
        const result = await importFile({ name: 'wco.xml', bytes }, { chunkBytes });
        expect({ format: result.format, declarations: result.declarations, rejects: result.rejects }).toEqual({
          format: 'wco-xml',
          declarations: expected.declarations,
          rejects: [],
        });
      }
  });

  it('tells the format of a file that starts with a byte order mark and blank lines even when read a byte at a time', async () => {
    const text = `\uFEFF\r\n\r\n${readFileSync(fixture('valid-interchange.edi'), 'utf8')}`;
    const bytes = new TextEncoder().encode(text);
    const whole = await importFile({ name: 'bom.edi', bytes });
    expect(whole.format).toBe('cusdec');
    expect(whole.declarations.length).toBeGreaterThan(0);
    expect(await importFile({ name: 'bom.edi', bytes }, { chunkBytes: 1 })).toEqual(whole);
  });
});
