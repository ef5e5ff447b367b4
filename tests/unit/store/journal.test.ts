import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeRecords,
  encodeRecord,
  JournalWriter,
  listSegments,
  RECORD_HEADER_BYTES,
} from '../../../main/services/store/journal';
import { decodeTransaction, encodeTransaction } from '../../../main/services/store/tx-codec';
import { tempDir } from './helpers';

describe('journal records', () => {
  it('round-trip any sequence of records', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (payloads) => {
        const file = Buffer.concat(payloads.map((p, i) => encodeRecord(i + 1, p)));
        const decoded = decodeRecords(file);
        expect(decoded.badBytes).toBe(0);
        expect(decoded.goodBytes).toBe(file.length);
        expect(decoded.records.map((r) => r.seq)).toEqual(payloads.map((_, i) => i + 1));
        decoded.records.forEach((r, i) => expect(Buffer.from(r.payload).equals(Buffer.from(payloads[i] ?? []))).toBe(true));
      }),
    );
  });

  it('stops at a torn tail cut at any byte, keeping every whole record before it', () => {
    const records = [1, 2, 3].map((seq) => encodeRecord(seq, Buffer.from(`payload number ${seq}`)));
    const file = Buffer.concat(records);
    const firstTwo = (records[0]?.length ?? 0) + (records[1]?.length ?? 0);
    for (let cut = firstTwo; cut < file.length; cut += 1) {
      const decoded = decodeRecords(file.subarray(0, cut));
      expect(decoded.records.map((r) => r.seq)).toEqual([1, 2]);
      expect(decoded.goodBytes).toBe(firstTwo);
      expect(decoded.badBytes).toBe(cut - firstTwo);
    }
  });

  it('rejects a record whose bytes were flipped (payload, seq or length)', () => {
    const good = encodeRecord(1, Buffer.from('first'));
    for (const offset of [0, 5, 9, RECORD_HEADER_BYTES + 2]) {
      const bad = encodeRecord(2, Buffer.from('second'));
      bad[offset] = (bad[offset] ?? 0) ^ 0x40;
      const decoded = decodeRecords(Buffer.concat([good, bad]));
      expect(decoded.records.map((r) => r.seq)).toEqual([1]);
      expect(decoded.badBytes).toBe(bad.length);
    }
  });

  it('treats a zero-filled tail as torn, not as records', () => {
    const decoded = decodeRecords(Buffer.concat([encodeRecord(1, Buffer.from('x')), Buffer.alloc(64)]));
    expect(decoded.records).toHaveLength(1);
    expect(decoded.badBytes).toBe(64);
  });
});

describe('transaction payload codec', () => {
  it('keeps blobs, named params and non-finite numbers exact', () => {
    const statements = [
      {
        sql: 'INSERT INTO t VALUES (?, ?, ?, ?, ?)',
        params: [1, 'text', null, new Uint8Array([0, 255, 7]), Number.POSITIVE_INFINITY],
      },
      { sql: 'UPDATE t SET a = :a', params: { ':a': new Uint8Array([9]) } },
      { sql: 'DELETE FROM t' },
    ];
    expect(decodeTransaction(encodeTransaction(statements))).toEqual(statements);
  });
});

describe('JournalWriter', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());

  it('appends durable records and can cut a failed one back off', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const writer = JournalWriter.create(t.dir, 'live', 1);
    writer.append(encodeRecord(1, Buffer.from('a')));
    const size = writer.size;
    writer.append(encodeRecord(2, Buffer.from('b')));
    writer.truncate(size);
    writer.close();
    const [segment] = listSegments(t.dir, 'live');
    expect(segment?.startSeq).toBe(1);
    expect(decodeRecords(readFileSync(segment?.path ?? '')).records.map((r) => r.seq)).toEqual([1]);
  });

  it('lists only its own store segments', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    JournalWriter.create(t.dir, 'live', 1).close();
    JournalWriter.create(t.dir, 'training', 1).close();
    JournalWriter.create(t.dir, 'live', 40).close();
    writeFileSync(join(t.dir, 'live.journal.oops'), '');
    appendFileSync(join(t.dir, 'live-2.journal.0000000000000001'), '');
    expect(listSegments(t.dir, 'live').map((s) => s.startSeq)).toEqual([1, 40]);
    expect(listSegments(t.dir, 'training').map((s) => s.startSeq)).toEqual([1]);
  });
});
