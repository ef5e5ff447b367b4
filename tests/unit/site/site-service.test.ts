import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AppStatusMonitor } from '../../../main/services/app/app-status';
import { ManualClock } from '../../../main/services/clock';
import { ServiceError } from '../../../main/services/errors';
import type { Logger } from '../../../main/services/logging/logger';
import { migrations } from '../../../main/services/migrations';
import { EvidenceSnapshots } from '../../../main/services/evidence/evidence-snapshots';
import { SiteService } from '../../../main/services/site/site-service';
import type { User } from '../../../preload/contract/schemas/auth';
import type { AppStatus } from '../../../preload/contract/schemas/app';
import { auditActions } from '../services/fixtures';
import { openMemoryStore } from '../services/memory-store';

/** Tests edit parsed JSON freely to make each bad case. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON under test
type EditableJson = Record<string, any>;

const resourcesDir = join(__dirname, '..', '..', '..', 'resources');
const quietLogger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;
const supervisor: User = { id: 'u-sup', username: 'zhou', displayName: 'Zhou Qiang', role: 'supervisor' } as User;
const inspector: User = { id: 'u-insp', username: 'li', displayName: 'Li Na', role: 'inspector' } as User;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-site-'));
  dirs.push(dataDir);
  const store = await openMemoryStore(migrations);
  const clock = new ManualClock('2026-11-25T10:00:00.000Z');
  const site = new SiteService({ dataDir, resourcesDir, store, clock, logger: quietLogger });
  const evidence = new EvidenceSnapshots({ dataDir, store, clock, logger: quietLogger, site });
  return { dataDir, store, clock, site, evidence };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof ServiceError ? error.code : `thrown: ${String(error)}`),
  );
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A real RGB PNG; `noise` makes it incompressible so it can exceed one message. */
function png(width: number, height: number, noise = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const stride = width * 3 + 1;
  const raw = noise ? randomBytes(stride * height) : Buffer.alloc(stride * height, 0x40);
  // Filter type 0 at the start of each row.
  for (let row = 0; row < height; row++) raw[row * stride] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('SiteService', () => {
  it('serves the shipped demo site until one is saved', async () => {
    const { site } = await setup();
    const doc = await site.get();
    expect(doc).toMatchObject({ source: 'demo', savedAt: null, problems: [] });
    expect(doc.site.id).toBe('eastgate-demo');
  });

  it('saves atomically to <dataDir>/site.json, audits, tells listeners, and serves the saved site', async () => {
    const { store, dataDir, clock } = await setup();
    const changed: string[] = [];
    const site = new SiteService({
      dataDir,
      resourcesDir,
      store,
      clock,
      logger: quietLogger,
      onChanged: (d) => changed.push(d.source),
    });
    const edited = (await site.get()).site;
    edited.cameras[0] = { ...edited.cameras[0]!, yawDeg: 170, name: 'Lane 1 plate camera (moved)' };
    const doc = await site.save(supervisor, edited);
    expect(doc.source).toBe('saved');
    expect(doc.site.cameras[0]?.name).toBe('Lane 1 plate camera (moved)');
    expect(JSON.parse(readFileSync(join(dataDir, 'site.json'), 'utf8')).cameras[0].yawDeg).toBe(170);
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await auditActions(store)).toContain('site.save');
    expect(changed).toEqual(['saved']);
    const [row] = await store.query("SELECT actor_id, subject, detail FROM audit WHERE action = 'site.save'");
    expect(row).toMatchObject({ actor_id: 'u-sup', subject: 'eastgate-demo' });
  });

  it('refuses to save an invalid site with every problem named, and keeps the old file', async () => {
    const { site, dataDir } = await setup();
    const bad = structuredClone((await site.get()).site) as unknown as EditableJson;
    bad.cameras[3].fovDeg = 200;
    bad.markers[0].cameraId = 'cam-gone';
    const error = await site.save(supervisor, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('INVALID_ARGUMENT');
    expect((error as ServiceError).message).toContain('cameras[3].fovDeg: must be between 10 and 180');
    expect(existsSync(join(dataDir, 'site.json'))).toBe(false);
  });

  it('falls back to the demo site when the saved file is broken, and says why', async () => {
    const { site, dataDir } = await setup();
    writeFileSync(join(dataDir, 'site.json'), '{ "schemaVersion": 1, ');
    const broken = await site.get();
    expect(broken.source).toBe('demo');
    expect(broken.problems[0]?.message).toMatch(/is not valid JSON/);

    const invalid = JSON.parse(readFileSync(join(resourcesDir, 'site', 'demo-site.json'), 'utf8'));
    invalid.cameras[2].fovDeg = 1;
    writeFileSync(join(dataDir, 'site.json'), JSON.stringify(invalid));
    expect((await site.get()).problems).toEqual([{ path: 'cameras[2].fovDeg', message: 'must be between 10 and 180' }]);
  });

  it('reports a missing demo site as UNAVAILABLE with where it looked', async () => {
    const { store, clock, dataDir } = await setup();
    const site = new SiteService({ dataDir, resourcesDir: join(dataDir, 'nowhere'), store, clock, logger: quietLogger });
    const error = await site.get().catch((e: unknown) => e);
    expect((error as ServiceError).code).toBe('UNAVAILABLE');
    expect((error as ServiceError).message).toContain(join(dataDir, 'nowhere', 'site', 'demo-site.json'));
  });
});

describe('EvidenceSnapshots', () => {
  it('saves a PNG by its SHA-256 with a sidecar, audited', async () => {
    const { evidence, store, dataDir } = await setup();
    const image = png(64, 36);
    const saved = await evidence.save(inspector, {
      cameraId: 'cam-lane-1',
      takenAt: '2026-11-25T09:59:58.000Z',
      pngBase64: image.toString('base64'),
    });
    expect(saved).toMatchObject({ width: 64, height: 36, bytes: image.length });
    expect(saved.path).toBe(join(dataDir, 'evidence', `${saved.sha256}.png`));
    expect(readFileSync(saved.path).equals(image)).toBe(true);
    const sidecar = JSON.parse(readFileSync(join(dataDir, 'evidence', `${saved.sha256}.json`), 'utf8'));
    expect(sidecar).toMatchObject({
      sha256: saved.sha256,
      cameraId: 'cam-lane-1',
      cameraName: 'Lane 1 plate camera',
      takenAt: '2026-11-25T09:59:58.000Z',
      savedAt: '2026-11-25T10:00:00.000Z',
      savedBy: { id: 'u-insp', name: 'Li Na (li)' },
    });
    const [row] = await store.query("SELECT subject, detail FROM audit WHERE action = 'evidence.snapshot'");
    expect(row?.subject).toBe(saved.sha256);
  });

  it('assembles a large PNG sent in chunks', async () => {
    const { evidence } = await setup();
    const image = png(600, 600, true);
    const base64 = image.toString('base64');
    expect(base64.length).toBeGreaterThan(900_000);
    const uploadId = '0b6c1c52-4d7e-4a55-9a66-0d2f5f0e8a11';
    const parts = [base64.slice(0, 600_000), base64.slice(600_000, 1_200_000), base64.slice(1_200_000)];
    for (const [index, part] of parts.entries()) evidence.uploadChunk(inspector, uploadId, index, part);
    const saved = await evidence.save(inspector, { cameraId: 'cam-yard-mast', takenAt: '2026-11-25T09:59:00.000Z', uploadId });
    expect(saved.bytes).toBe(image.length);
    expect(readFileSync(saved.path).equals(image)).toBe(true);
    // An upload is used once.
    expect(
      await codeOf(evidence.save(inspector, { cameraId: 'cam-yard-mast', takenAt: '2026-11-25T09:59:00.000Z', uploadId })),
    ).toBe('NOT_FOUND');
  });

  it('refuses chunks out of order, other users’ uploads, non-PNG data and unknown cameras', async () => {
    const { evidence } = await setup();
    const uploadId = '5f0e8a11-4d7e-4a55-9a66-0d2f0b6c1c52';
    expect(() => evidence.uploadChunk(inspector, uploadId, 1, 'AAAA')).toThrow(/unknown or expired/);
    evidence.uploadChunk(inspector, uploadId, 0, 'AAAA');
    expect(() => evidence.uploadChunk(inspector, uploadId, 2, 'AAAA')).toThrow(/arrived out of order \(expected 1\)/);
    expect(() => evidence.uploadChunk(supervisor, uploadId, 1, 'AAAA')).toThrow(/unknown or expired/);
    expect(() => evidence.uploadChunk(inspector, uploadId, 1, 'not base64!')).toThrow(/not valid base64/);
    const notPng = Buffer.from('GIF89a plus some bytes to pass the length check').toString('base64');
    expect(
      await codeOf(evidence.save(inspector, { cameraId: 'cam-lane-1', takenAt: '2026-11-25T09:00:00.000Z', pngBase64: notPng })),
    ).toBe('INVALID_ARGUMENT');
    const image = png(8, 8).toString('base64');
    expect(
      await codeOf(evidence.save(inspector, { cameraId: 'cam-ghost', takenAt: '2026-11-25T09:00:00.000Z', pngBase64: image })),
    ).toBe('NOT_FOUND');
  });
});

describe('camera health in the app status', () => {
  it('sums the windows’ reports, emits on change, and forgets a silent window', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00.000Z');
    const emitted: AppStatus[] = [];
    const status = new AppStatusMonitor({ clock, hubUrl: () => '', onChanged: (s) => emitted.push(s) });
    expect((await status.get()).cameras).toEqual({ total: 0, live: 0, stalled: 0, failed: 0 });
    status.reportCameras('main', { total: 8, live: 7, stalled: 1, failed: 0 });
    status.reportCameras('wall', { total: 4, live: 3, stalled: 0, failed: 1 });
    await Promise.resolve();
    expect((await status.get()).cameras).toEqual({ total: 12, live: 10, stalled: 1, failed: 1 });
    expect(emitted.at(-1)?.cameras).toEqual({ total: 12, live: 10, stalled: 1, failed: 1 });
    clock.advance(20_000);
    status.reportCameras('main', { total: 8, live: 8, stalled: 0, failed: 0 });
    clock.advance(15_000);
    expect((await status.get()).cameras).toEqual({ total: 8, live: 8, stalled: 0, failed: 0 });
  });
});
