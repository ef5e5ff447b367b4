import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, UploadChunkInput } from '../../../preload/contract/schemas/queue';
import { UPLOAD_CHUNK_BASE64_MAX } from '../../../preload/contract/schemas/upload';
import { queueUploadBuffer } from '../../../main/services/queue/queue-service';
import { declaration, OFFICER, setup, SUPERVISOR, type Fixture } from './fixtures';

let f: Fixture;
beforeEach(async () => {
  f = await setup();
});
afterEach(async () => f.close());

function chunks(bytes: Buffer, size: number, uploadId = 'upload-0001', name = 'drop.json'): UploadChunkInput[] {
  const out: UploadChunkInput[] = [];
  for (let i = 0, index = 0; i < bytes.length; i += size, index++) {
    out.push({ uploadId, name, index, last: i + size >= bytes.length, base64: bytes.subarray(i, i + size).toString('base64') });
  }
  return out;
}

describe('chunked upload', () => {
  it('reassembles ordered chunks and imports the file on the last one', async () => {
    const bytes = Buffer.from(JSON.stringify([declaration('UP-1'), declaration('UP-2', { hs: '080510' })]));
    const parts = chunks(bytes, 300);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(UploadChunkInput.safeParse(p).success).toBe(true);
    for (const part of parts.slice(0, -1)) expect((await f.queue.uploadChunk(OFFICER, part)).result).toBeNull();
    const { receivedBytes, result } = await f.queue.uploadChunk(OFFICER, parts.at(-1)!);
    expect(receivedBytes).toBe(bytes.length);
    expect(result).toMatchObject({ file: 'drop.json', imported: 2, numbers: ['UP-1', 'UP-2'] });
    expect(f.queue.uploads.open).toBe(0);
  });

  it('takes a full-size chunk of the sender and refuses a larger one with the shared message', () => {
    const full = chunks(Buffer.alloc(UPLOAD_CHUNK_BYTES, 67), UPLOAD_CHUNK_BYTES)[0]!;
    expect(UploadChunkInput.safeParse(full).success).toBe(true);
    const tooBig = UploadChunkInput.safeParse({ ...full, base64: 'A'.repeat(UPLOAD_CHUNK_BASE64_MAX + 4) });
    expect(tooBig.error?.issues[0]).toMatchObject({
      path: ['base64'],
      message: `must be at most ${UPLOAD_CHUNK_BASE64_MAX} characters per chunk`,
    });
  });

  it('refuses out-of-order chunks, other users and bad base64', () => {
    const uploads = queueUploadBuffer(Date.now);
    const accept = (userId: string, c: UploadChunkInput) => uploads.append(userId, c.uploadId, c.index, c.base64, c.name);
    const parts = chunks(Buffer.alloc(1000, 65), 100);
    accept(OFFICER.id, parts[0]!);
    expect(() => accept(SUPERVISOR.id, parts[1]!)).toThrow(/unknown or expired/);
    expect(() => accept(OFFICER.id, parts[2]!)).toThrow(/chunk 2 of drop.json arrived out of order \(expected 1\)/);
    // The broken upload is gone: the client starts again.
    expect(() => accept(OFFICER.id, parts[1]!)).toThrow(/unknown or expired/);
    expect(() => accept(OFFICER.id, { ...parts[0]!, uploadId: 'upload-0002', base64: 'not base64!' })).toThrow(
      /not valid base64/,
    );
  });

  it('drops abandoned uploads after ten minutes', () => {
    let now = 0;
    const uploads = queueUploadBuffer(() => now);
    const accept = (userId: string, c: UploadChunkInput) => uploads.append(userId, c.uploadId, c.index, c.base64, c.name);
    const parts = chunks(Buffer.alloc(300, 66), 100);
    accept(OFFICER.id, parts[0]!);
    now += 11 * 60_000;
    expect(() => accept(OFFICER.id, parts[1]!)).toThrow(/unknown or expired/);
  });
});
