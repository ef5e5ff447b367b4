/**
 * Camera sources in the real Port screen's camera wall, in Chromium with a fake
 * camera fed from a generated .y4m (left half pure green): the webcam source shows
 * that picture, a WebM url source plays, and an MJPEG source from a local test
 * server goes live, is marked stalled when the server dies, and recovers by itself
 * within 15 s of the server coming back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumArgs } from '../support/chromium';
import { writeY4m } from '../support/y4m';
import { expect, test } from './fixtures';
import { completeSetup, goTo } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'clearway-port-sources-'));
const fakeCamera = writeY4m(join(work, 'fake-camera.y4m'));

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs(),
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCamera}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
});

/** JPEG frames made once with ffmpeg: a test pattern with a frame counter. */
function jpegFrames(): Buffer[] {
  const dir = join(work, 'jpeg');
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x180:rate=10',
    '-frames:v',
    '10',
    '-q:v',
    '5',
    join(dir, 'f%02d.jpg'),
  ]);
  return readdirSync(dir)
    .sort()
    .map((file) => readFileSync(join(dir, file)));
}

/** An HLS rendition of a demo feed (H.264 baseline, 1 s segments), made once with ffmpeg. */
function hlsRendition(): string {
  const dir = join(work, 'hls');
  execFileSync('mkdir', ['-p', dir]);
  const input = join(__dirname, '..', '..', 'resources', 'site', 'public', 'media', 'cam-lane-2.webm');
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    input,
    '-t',
    '6',
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-preset',
    'veryfast',
    '-g',
    '15',
    '-an',
    '-f',
    'hls',
    '-hls_time',
    '1',
    '-hls_playlist_type',
    'vod',
    join(dir, 'lane2.m3u8'),
  ]);
  return dir;
}

/**
 * A camera bridge: MJPEG (multipart/x-mixed-replace at 10 fps) at /stream.mjpeg and HLS
 * files under /hls/, CORS open; can be killed and brought back on the same port.
 */
class MjpegCamera {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setInterval>>();
  port = 0;

  constructor(
    private readonly frames: Buffer[],
    private readonly hlsDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/stream.mjpeg`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const hls = /^\/hls\/([\w.-]+)$/.exec(req.url ?? '');
      if (!hls?.[1]) return this.#stream(res);
      const type = hls[1].endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t';
      try {
        const body = readFileSync(join(this.hlsDir, hls[1]));
        res.writeHead(200, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' }).end(body);
      } catch {
        res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      }
    });
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async kill(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers.clear();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((done) => (this.#server ? this.#server.close(() => done()) : done()));
    this.#server = null;
  }

  #stream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'multipart/x-mixed-replace; boundary=cwframe',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
    });
    let n = 0;
    const timer = setInterval(() => {
      const frame = this.frames[n++ % this.frames.length] as Buffer;
      res.write(`--cwframe\r\nContent-Type: image/jpeg\r\nContent-Length: ${frame.length}\r\n\r\n`);
      res.write(frame);
      res.write('\r\n');
    }, 100);
    this.#timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      this.#timers.delete(timer);
    });
  }
}

/** Calls a contract channel over the web host's documented WebSocket protocol, from the page, importing nothing. */
async function call(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ([channel, input]) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://${(globalThis as unknown as { location: { host: string } }).location.host}/ws`);
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, channel, input }));
        socket.onmessage = (message) => {
          const data = JSON.parse(String(message.data)) as {
            id?: number;
            envelope?: { ok: boolean; value?: unknown; error?: unknown };
          };
          if (data.id !== 1 || !data.envelope) return;
          socket.close();
          if (data.envelope.ok) resolve(data.envelope.value);
          else reject(new Error(JSON.stringify(data.envelope.error)));
        };
        socket.onerror = () => reject(new Error('WebSocket failed'));
      }),
    [channel, input] as const,
  );
}

function testSite(mjpegUrl: string, hlsUrl: string) {
  const camera = (id: string, name: string, source: unknown, x: number) => ({
    id,
    name,
    kind: 'fixed',
    position: [x, 6, 0],
    yawDeg: 180,
    pitchDeg: -20,
    fovDeg: 50,
    source,
  });
  return {
    schemaVersion: 1,
    id: 'sources-test',
    name: 'Sources test site',
    origin: { latitude: 44.17, longitude: 80.48 },
    gates: [
      {
        id: 'gate',
        name: 'Gate',
        position: [0, 0, 0],
        lanes: [{ id: 'lane-1', name: 'Lane 1', kind: 'inbound', start: [0, 0, 20], end: [0, 0, -20] }],
      },
    ],
    cameras: [
      camera('cam-webcam', 'Desk camera', { type: 'webcam' }, -10),
      camera('cam-file', 'Lane 1 recording', { type: 'url', url: 'media/cam-lane-1.webm' }, 0),
      camera('cam-mjpeg', 'Yard MJPEG camera', { type: 'mjpeg', url: mjpegUrl }, 10),
      camera('cam-hls', 'Lane 2 over HLS', { type: 'hls', url: hlsUrl }, 20),
    ],
    cameraGroups: [{ id: 'all', name: 'All', layout: '2x2', cameraIds: ['cam-webcam', 'cam-file', 'cam-mjpeg', 'cam-hls'] }],
  };
}

const tile = (page: Page, cameraId: string) => page.locator(`[data-testid="wall-tile"][data-camera="${cameraId}"]`);
const healthOf = (page: Page, cameraId: string) => tile(page, cameraId).getByTestId('camera-health');

/** The RGB of a point of a camera tile's media (video or canvas), read through a canvas. */
async function pixelOf(page: Page, cameraId: string, fx: number, fy: number): Promise<[number, number, number]> {
  // Runs in the page; written against `globalThis` so this file needs no DOM typings.
  return page.evaluate(
    ([cameraId, fx, fy]) => {
      type Media = { videoWidth?: number; videoHeight?: number; width: number; height: number };
      type Context = {
        drawImage(media: unknown, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
      };
      type Canvas = { width: number; height: number; getContext(kind: '2d', options: object): Context | null };
      const doc = (
        globalThis as unknown as { document: { querySelector(q: string): Media | null; createElement(tag: 'canvas'): Canvas } }
      ).document;
      const selector = `[data-testid="wall-tile"][data-camera="${cameraId}"]`;
      const media = doc.querySelector(`${selector} video, ${selector} canvas`);
      if (!media) throw new Error(`no media in tile ${cameraId}`);
      const width = media.videoWidth ?? media.width;
      const height = media.videoHeight ?? media.height;
      const canvas = doc.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context || width === 0) throw new Error(`tile ${cameraId} has no frame`);
      context.drawImage(media, 0, 0);
      const data = context.getImageData(Math.floor(width * fx), Math.floor(height * fy), 1, 1).data;
      return [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0] as [number, number, number];
    },
    [cameraId, fx, fy] as const,
  );
}

test('webcam, file, HLS and MJPEG sources play on the camera wall; a dead MJPEG server stalls and recovers', async ({
  app: page,
  host,
}) => {
  test.setTimeout(240_000);
  const camera = new MjpegCamera(jpegFrames(), hlsRendition());
  await camera.start();
  try {
    await completeSetup(page, 'zh-CN');
    await call(page, 'cw:settings.update', { cameraEnabled: true, cameraOrigins: [`http://127.0.0.1:${camera.port}`] });
    writeFileSync(
      join(host.dataDir, 'site.json'),
      JSON.stringify(testSite(camera.url, `http://127.0.0.1:${camera.port}/hls/lane2.m3u8`)),
    );
    // The CSP follows the camera settings from the next page load on.
    await page.reload();
    await goTo(page, 'port');
    await page
      .getByTestId('port-view-switch')
      .getByText(/墙|wall/i)
      .click();
    await expect(page.getByTestId('wall-tile')).toHaveCount(4);

    // The webcam shows the y4m's picture: its left half is pure green.
    await expect(healthOf(page, 'cam-webcam')).toHaveAttribute('data-state', 'live');
    const [r, g, b] = await pixelOf(page, 'cam-webcam', 0.25, 0.5);
    expect(g, `webcam pixel ${r},${g},${b}`).toBeGreaterThan(200);
    expect(r).toBeLessThan(60);
    expect(b).toBeLessThan(60);

    // The WebM file plays (VP8: Debian's Chromium may lack H.264) and advances.
    await expect(healthOf(page, 'cam-file')).toHaveAttribute('data-state', 'live');
    const t0 = await tile(page, 'cam-file')
      .locator('video')
      .evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
    await expect
      .poll(() =>
        tile(page, 'cam-file')
          .locator('video')
          .evaluate((v) => (v as unknown as { currentTime: number }).currentTime),
      )
      .toBeGreaterThan(t0 + 0.5);

    // HLS plays through hls.js (loaded on first use) from the bridge origin.
    await expect(healthOf(page, 'cam-hls')).toHaveAttribute('data-state', 'live');
    expect(
      await tile(page, 'cam-hls')
        .locator('video')
        .evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth),
    ).toBe(640);

    // MJPEG goes live and draws real pixels.
    await expect(healthOf(page, 'cam-mjpeg')).toHaveAttribute('data-state', 'live');
    const mjpegPixel = await pixelOf(page, 'cam-mjpeg', 0.5, 0.5);
    expect(mjpegPixel.some((c) => c > 0)).toBe(true);

    // Kill the camera's server: the source is marked stalled or failed, not live.
    await camera.kill();
    await expect(healthOf(page, 'cam-mjpeg')).toHaveAttribute('data-state', /stalled|failed/, { timeout: 10_000 });
    await page.waitForTimeout(6_000);

    // Bring it back on the same port: the watchdog recovers it within 15 s.
    await camera.start();
    const back = Date.now();
    await expect(healthOf(page, 'cam-mjpeg')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    expect(Date.now() - back).toBeLessThan(15_000);

    // The status bar's camera count comes from every window's sources.
    await expect
      .poll(async () => ((await call(page, 'cw:app.status', undefined)) as { cameras: { total: number; live: number } }).cameras)
      .toMatchObject({ total: 4 });
  } finally {
    await camera.kill();
  }
});
