/**
 * The import's limits, each hit on purpose: the longest EDIFACT segment, and the memory
 * an XML or JSON document may take to parse in its worker thread. Each refusal names
 * the limit and the file; the main thread keeps running while a document parses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerDocumentParser } from '../../../main/services/declarations/document-parse';
import { MAX_SEGMENT_CHARS } from '../../../main/services/declarations/edifact/tokenizer';
import { importFile } from '../../../main/services/declarations/import';
import { importWithProfiles } from '../../../main/services/declarations/profiles/import-profiled';
import { declaration } from '../queue/fixtures';
import { fixture } from './fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

function interchange(messages: string[]): string {
  return ["UNA:+.? '", "UNB+UNOC:3+SENDER+RECEIVER+260302:0830+REF1'", ...messages, `UNZ+${messages.length}+REF1'`].join('\n');
}

describe('the longest EDIFACT segment', () => {
  const good = readFileSync(fixture('valid-interchange.edi'), 'latin1');

  it('refuses a segment longer than the limit, naming the limit and the file, and reads the messages after it', async () => {
    const longText = 'X'.repeat(MAX_SEGMENT_CHARS + 10);
    const bad = ["UNH+M1+CUSDEC:D:96B:UN'", `FTX+AAA+++${longText}'`, "UNT+3+M1'"].join('\n');
    const base = await importFile({ name: 'base.edi', bytes: bytes(good) });
    const text = good.replace(/UNZ\+(\d+)\+/, (_m, n: string) => `${bad}\nUNZ+${Number(n) + 1}+`);
    const r = await importFile({ name: 'long-ftx.edi', bytes: bytes(text) }, { chunkBytes: 4096 });
    expect(r.declarations.map((d) => d.functionalReferenceId)).toEqual(base.declarations.map((d) => d.functionalReferenceId));
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ file: 'long-ftx.edi', messageRef: 'M1', segmentTag: 'FTX' });
    expect(r.rejects[0]!.reason).toContain(`longer than ${MAX_SEGMENT_CHARS} characters, the limit for one EDIFACT segment`);
  });

  it('stops holding a file whose segment terminator never comes', async () => {
    // 4 MiB with no terminator: without the limit the tokenizer would buffer all of it as one segment.
    const text = `UNB+UNOC:3+S+R+260302:0830+R1'UNH+M1+CUSDEC:D:96B:UN'FTX+AAA+++${'Y'.repeat(4 << 20)}`;
    const r = await importFile({ name: 'no-terminator.edi', bytes: bytes(text) }, { chunkBytes: 1 << 16 });
    expect(r.declarations).toEqual([]);
    expect(r.rejects[0]).toMatchObject({ file: 'no-terminator.edi', segmentTag: 'FTX' });
    expect(r.rejects[0]!.reason).toContain('the limit for one EDIFACT segment');
    expect(r.rejects[0]!.reason).toContain('is its segment terminator "\'" missing?');
  });

  it('takes segments up to the limit', async () => {
    const text = interchange(["UNH+M1+CUSDEC:D:96B:UN'", `FTX+AAA+++${'Z'.repeat(MAX_SEGMENT_CHARS - 20)}'`, "UNT+3+M1'"]);
    const r = await importFile({ name: 'ok.edi', bytes: bytes(text) });
    expect(r.rejects.every((x) => !x.reason.includes('limit for one EDIFACT segment'))).toBe(true);
  });
});

describe('XML and JSON documents parse in a worker thread', { timeout: 120_000 }, () => {
  it('reads a document in the worker exactly as in this thread (profiles, notes and all)', async () => {
    const xml = readFileSync(fixture('wco-good.xml'));
    const source = { name: 'wco-good.xml', bytes: new Uint8Array(xml) };
    const receivedAt = '2026-03-02T08:30:00.000Z';
    const inline = await importWithProfiles(source, { receivedAt });
    const inWorker = await importWithProfiles(source, {
      receivedAt,
      documentLimits: { heapMb: 256, timeoutMs: 60_000, inlineBelowChars: 0 },
    });
    expect(inline.declarations.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(inline);
  });

  it('refuses a JSON document that needs more than the memory limit, naming the limit and the file, while this thread runs on', async () => {
    const one = JSON.stringify(declaration('LIMIT-0'));
    const count = Math.ceil((24 << 20) / one.length);
    const text = `[${Array.from({ length: count }, (_, i) => one.replace('LIMIT-0', `LIMIT-${i}`)).join(',')}]`;
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 10);
    const parse = workerDocumentParser('huge.json', null, { heapMb: 24, timeoutMs: 60_000, inlineBelowChars: 0 });
    const result = await parse('json', text).finally(() => clearInterval(timer));
    expect(result).toEqual({
      ok: false,
      path: null,
      reason:
        'huge.json: parsing the JSON document needs more than 24 MiB, the memory limit for one declaration document; split it into smaller files',
    });
    // The main thread kept its timers going while the worker parsed (and ran out of memory).
    expect(ticks).toBeGreaterThan(5);
    expect(longestGap).toBeLessThan(1000);
  });

  it('turns the refusal into a reject of the file in an import', async () => {
    const one = JSON.stringify(declaration('BIG-0'));
    const text = `[${Array.from({ length: Math.ceil((8 << 20) / one.length) }, () => one).join(',')}]`;
    const r = await importWithProfiles(
      { name: 'big.json', bytes: bytes(text) },
      { documentLimits: { heapMb: 8, timeoutMs: 60_000, inlineBelowChars: 0 } },
    );
    expect(r.declarations).toEqual([]);
    expect(r.rejects).toEqual([
      expect.objectContaining({
        file: 'big.json',
        reason: expect.stringContaining('needs more than 8 MiB, the memory limit for one declaration document') as string,
      }),
    ]);
  });
});
