/**
 * Reading evidence: every read of the file itself is a custody entry, whatever the caller
 * says it is for, and no chunk can be read without one; lists show thumbnails the services
 * make, which read no file on the page's behalf and leave custody as it was.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/services';
import { ServiceError } from '../../../main/services/errors';
import { makeThumbnail, THUMBNAIL_EDGE } from '../../../main/services/evidence/evidence-thumbnails';
import type { EvidenceItem } from '../../../preload/contract/schemas/evidence';
import { callChannel, startTempServices } from '../services/temp-services';

/** A 600×400 PNG: left half red, right half blue. */
function photo(): Buffer {
  const png = new PNG({ width: 600, height: 400 });
  for (let y = 0; y < 400; y++)
    for (let x = 0; x < 600; x++) {
      const i = (y * 600 + x) * 4;
      png.data[i] = x < 300 ? 220 : 10;
      png.data[i + 1] = 20;
      png.data[i + 2] = x < 300 ? 10 : 220;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

let services: Services;
let dataDir: string;
let cleanup: () => Promise<void>;
let caseId: string;
let image: EvidenceItem;
let text: EvidenceItem;
const call = <C extends Parameters<typeof callChannel>[1]>(channel: C, input?: unknown) => callChannel(services, channel, input);

async function add(fileName: string, mediaType: string, bytes: Buffer, uploadId: string): Promise<EvidenceItem> {
  await call('cw:evidence.uploadChunk', { uploadId, index: 0, base64: bytes.toString('base64') });
  return call('cw:evidence.add', { caseId, fileName, mediaType, uploadId });
}
const viewed = async (item: EvidenceItem) =>
  (await call('cw:cases.get', { id: caseId })).custody.filter((k) => k.evidenceId === item.id && k.action === 'viewed');

beforeAll(async () => {
  ({ services, dataDir, cleanup } = await startTempServices('cw-evidence-reads'));
  await call('cw:auth.setup', {
    username: 'supervisor.zhou',
    displayName: 'Zhou Qiang',
    password: 'correct horse battery',
    office: 'Yangshan Port',
    demo: false,
  });
  caseId = (await call('cw:cases.open', { title: 'Seal tampering', subject: { kind: 'container', ref: 'MSCU4821907' } })).id;
  image = await add('seal.png', 'image/png', photo(), 'upload-photo-1');
  text = await add('note.txt', 'text/plain', Buffer.from('seal number SL778812'), 'upload-note-1');
}, 120_000);
afterAll(async () => cleanup());

describe('evidence reads', { timeout: 60_000 }, () => {
  it('makes a small JPEG thumbnail in the services, without a custody entry, and caches it owner-only', async () => {
    const thumb = await call('cw:evidence.thumbnail', { caseId, evidenceId: image.id });
    expect(thumb).toMatchObject({ mediaType: 'image/jpeg', width: THUMBNAIL_EDGE, height: 160 });
    const decoded = jpeg.decode(Buffer.from(thumb!.base64, 'base64'), { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([240, 160]);
    // Left stays red, right stays blue: the picture is the picture, scaled.
    const at = (x: number, y: number) => Array.from(decoded.data.subarray((y * 240 + x) * 4, (y * 240 + x) * 4 + 3));
    expect(at(30, 80)[0]).toBeGreaterThan(180);
    expect(at(210, 80)[2]).toBeGreaterThan(180);
    expect(await viewed(image)).toEqual([]);
    expect(await call('cw:evidence.thumbnail', { caseId, evidenceId: image.id })).toEqual(thumb);
    const cached = join(dataDir, 'evidence', 'thumbnails', `${image.sha256}-${THUMBNAIL_EDGE}.jpg`);
    if (process.platform !== 'win32') expect(statSync(cached).mode & 0o777).toBe(0o600);
    expect(await call('cw:evidence.thumbnail', { caseId, evidenceId: text.id })).toBeNull();
  });

  it('records every read of the file in its chain of custody, whatever purpose the caller names', async () => {
    await call('cw:evidence.read', { caseId, evidenceId: image.id });
    // The field that once let a caller skip the entry is no longer part of the contract.
    await call('cw:evidence.read', { caseId, evidenceId: image.id, purpose: 'thumbnail' });
    const entries = await viewed(image);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ reason: 'file read', by: { name: 'Zhou Qiang' } });
  });

  it('refuses a chunk past offset 0 unless a recorded read is under way', async () => {
    const error = await call('cw:evidence.read', { caseId: caseId, evidenceId: text.id, offset: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((error as ServiceError).message).toContain('note.txt is read from offset 0');
    expect(await viewed(text)).toEqual([]);
    const first = await call('cw:evidence.read', { caseId, evidenceId: text.id });
    const rest = await call('cw:evidence.read', { caseId, evidenceId: text.id, offset: 4 });
    expect(Buffer.from(rest.base64, 'base64').toString()).toBe(Buffer.from(first.base64, 'base64').toString().slice(4));
    expect(await viewed(text)).toHaveLength(1);
  });

  it('declines to decode what is not a PNG or JPEG, or would decode to too many pixels', () => {
    expect(makeThumbnail(Buffer.from('not an image'))).toBeNull();
    const huge = PNG.sync.write(new PNG({ width: 1, height: 1 }));
    // Claim 100 000 × 100 000 in the header: refused before any decoding.
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(makeThumbnail(huge)).toBeNull();
  });
});
