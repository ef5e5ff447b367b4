import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delimiters } from '../../../main/services/declarations/edifact/delimiters';
import { writeCusdecInterchange } from '../../../main/services/declarations/cusdec/write-cusdec';
import { generateDeclarations } from '../../../main/services/declarations/demo-generator';
import { importFile } from '../../../main/services/declarations/import';
import { writeWcoDocument } from '../../../main/services/declarations/wco/write-wco-xml';

const now = new Date('2026-11-25T12:00:00.000Z');
const options = { sender: 'TEST', recipient: 'CNSZX001', controlRef: 'RT1', preparedAt: now.toISOString() };
const encode = (s: string) => new TextEncoder().encode(s);

describe('generator → CUSDEC → importer', () => {
  it('gives back the same declarations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 64 }),
        async (seed, count, chunk) => {
          const declarations = generateDeclarations({ count, seed, now });
          const edi = writeCusdecInterchange(declarations, options);
          const r = await importFile({ name: 'rt.edi', bytes: encode(edi) }, { chunkBytes: chunk * 97 });
          expect(r.rejects).toEqual([]);
          expect(r.declarations).toEqual(declarations);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('round-trips with other service characters and no line breaks', async () => {
    const delimiters: Delimiters = { component: '|', element: '^', decimal: ',', release: '!', reserved: ' ', segment: '~' };
    const declarations = generateDeclarations({ count: 5, seed: 99, now });
    const edi = writeCusdecInterchange(declarations, { ...options, delimiters, newlines: false });
    const r = await importFile({ name: 'rt.edi', bytes: encode(edi) });
    expect(r.rejects).toEqual([]);
    expect(r.declarations).toEqual(declarations);
  });

  it('never crashes on mutated input: every message is a declaration or a clear reject', async () => {
    const base = writeCusdecInterchange(generateDeclarations({ count: 3, seed: 5, now }), options);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.constantFrom("'", '+', ':', '?', 'X', '9', '', '\n', 'UNH+')), {
          minLength: 1,
          maxLength: 6,
        }),
        async (edits) => {
          let text = base;
          for (const [at, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + 1);
          const r = await importFile({ name: 'm.edi', bytes: encode(text) });
          expect(r.declarations.length + r.rejects.length).toBeGreaterThan(0);
          for (const x of r.rejects) expect(x.reason.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never crashes on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('', "UNA:+.? '", 'UNB+', '<', '{', '['),
        async (bytes, prefix) => {
          const all = new Uint8Array([...encode(prefix), ...bytes]);
          const r = await importFile({ name: 'fuzz', bytes: all });
          expect(Array.isArray(r.declarations) && Array.isArray(r.rejects)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('generator → WCO XML → importer', () => {
  it('gives back the same declarations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), async (seed, count) => {
        const declarations = generateDeclarations({ count, seed, now });
        const r = await importFile({ name: 'rt.xml', bytes: encode(writeWcoDocument(declarations)) });
        expect(r.rejects).toEqual([]);
        expect(r.declarations).toEqual(declarations);
      }),
      { numRuns: 25 },
    );
  });
});
