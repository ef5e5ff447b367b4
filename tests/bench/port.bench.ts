/**
 * The 3D port view in Chromium (WebGL through SwiftShader): PortScene is bundled
 * with esbuild into a bare page with synthetic camera sources, so the figures measure
 * Clearway's own code and not a network or decoder. A synthetic camera produces a
 * frame every 1/fps s and, as the MJPEG source does with its decoded JPEGs and a
 * <video> with its decoded frames, the page shows the newest one at its next
 * animation frame: frames produced while the page is busy are dropped undrawn.
 *
 * - CPU ms per frame in Clearway's update + render calls (performance.now around
 *   them; GPU work happens in the GPU process and is not counted) for 1, 4, 9 streams;
 * - texture uploads/s versus new frames shown/s (must be equal), and both for paused streams
 *   (must be 0); camera frames/s beside them, so the dropped ones are visible;
 * - JS heap after 50 mount/unmount cycles, first versus last (must not grow);
 * - absolute fps of the render loop (reported, not a goal on software WebGL).
 */
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumArgs, chromiumPath } from '../support/chromium';

const harness = `
import { PortScene } from './renderer/features/port/scene/PortScene';


/** A camera producing a moving test card at fps, drawn into its canvas at the next animation frame; paused sources produce nothing. */
class SyntheticSource {
  constructor(cameraId, hue, fps) {
    this.cameraId = cameraId;
    this.frameMs = 1000 / fps;
    this.hue = hue;
    this.element = document.createElement('canvas');
    this.element.width = 640;
    this.element.height = 360;
    this.context = this.element.getContext('2d');
    this.frameListeners = new Set();
    this.paused = false;
    this.timer = null;
    this.n = 0;
    this.produced = 0;
    this.drawRequest = null;
  }
  async start() {
    this.timer = setInterval(() => this.produce(), this.frameMs);
  }
  produce() {
    if (this.paused) return;
    this.n += 1;
    this.produced += 1;
    if (this.drawRequest === null) this.drawRequest = requestAnimationFrame(() => this.draw());
  }
  draw() {
    this.drawRequest = null;
    if (this.paused) return;
    const c = this.context;
    c.fillStyle = 'hsl(' + this.hue + ', 60%, 30%)';
    c.fillRect(0, 0, 640, 360);
    c.fillStyle = '#fff';
    c.fillRect((this.n * 7) % 600, 150, 40, 60);
    const now = performance.now();
    for (const l of this.frameListeners) l(now);
  }
  setPaused(paused) { this.paused = paused; }
  retry() {}
  health() { return { state: 'live', fps: 25, lastFrameAt: null, error: null, reason: null, restarts: 0 }; }
  onHealth() { return () => {}; }
  onFrame(listener) { this.frameListeners.add(listener); return () => this.frameListeners.delete(listener); }
  dispose() { clearInterval(this.timer); if (this.drawRequest !== null) cancelAnimationFrame(this.drawRequest); this.frameListeners.clear(); this.element.width = 0; }
}

function site(streams) {
  const cameras = [];
  for (let i = 0; i < streams; i++) {
    const x = (i % 3) * 30 - 30;
    const z = Math.floor(i / 3) * 30 - 30;
    cameras.push({ id: 'cam-' + i, label: 'Camera ' + (i + 1), kind: 'fixed', position: { x, y: 8, z }, heading: 180, pitch: -20, fov: 30, aspect: 16 / 9, markers: [], source: { hue: i * 40 } });
  }
  const areas = [];
  for (let i = 0; i < 4; i++) areas.push({ id: 'lane-' + i, kind: 'lane', label: 'Lane ' + (i + 1), center: { x: i * 5 - 8, y: 0, z: 0 }, size: { width: 3.5, depth: 40, height: 0.08 }, heading: 0 });
  areas.push({ id: 'yard', kind: 'yard', label: 'Yard A', center: { x: 0, y: 0, z: -80 }, size: { width: 120, depth: 40, height: 2.6 }, heading: 0 });
  return { name: 'Bench port', extent: 120, areas, cameras };
}

let scene = null;
let sources = [];
window.bench = {
  mount(streams, width = 1280, height = 720, fps = 25) {
    // A fresh canvas per mount, as React gives the screen: a disposed scene loses its context for good.
    document.getElementById('view')?.remove();
    const canvas = document.createElement('canvas');
    canvas.id = 'view';
    canvas.style.cssText = 'display:block;width:' + width + 'px;height:' + height + 'px';
    document.body.appendChild(canvas);
    sources = [];
    scene = new PortScene({ canvas, createSource: (camera) => { const source = new SyntheticSource(camera.id, camera.source.hue, fps); sources.push(source); return source; } });
    scene.setSite(site(streams));
  },
  unmount() {
    const left = scene.dispose();
    scene = null;
    return left;
  },
  stats() { return { ...scene.stats(), produced: sources.reduce((sum, s) => sum + s.produced, 0) }; },
  hide(hidden) { document.getElementById('view').style.display = hidden ? 'none' : 'block'; },
  heap() { if (window.gc) window.gc(); return performance.memory ? performance.memory.usedJSHeapSize : NaN; },
};
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: harness, resolveDir: resolve(__dirname, '..', '..'), loader: 'ts', sourcefile: 'port-bench-harness.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bundle for the port bench');
  return output.text;
}

/** The page's global (page.evaluate functions run there; the Node program has no DOM types). */
declare const window: { bench: { stats(): Stats } };

interface Stats {
  renders: number;
  cpuMs: number;
  frames: number;
  uploads: number;
  pausedSources: number;
  /** Frames the synthetic cameras produced, shown or dropped. */
  produced: number;
}

interface Measured {
  cpuPerFrame: number;
  fps: number;
  producedPerS: number;
  framesPerS: number;
  uploadsPerS: number;
  /** New frames shown minus uploads over the window: at most one per stream (a frame drawn just before the end is uploaded just after it). */
  unuploaded: number;
}

async function measure(page: Page, seconds: number): Promise<Measured> {
  const before = await page.evaluate(() => window.bench.stats());
  const started = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const after = await page.evaluate(() => window.bench.stats());
  const elapsed = (Date.now() - started) / 1000;
  const renders = after.renders - before.renders;
  return {
    cpuPerFrame: renders > 0 ? (after.cpuMs - before.cpuMs) / renders : 0,
    fps: renders / elapsed,
    producedPerS: (after.produced - before.produced) / elapsed,
    framesPerS: (after.frames - before.frames) / elapsed,
    uploadsPerS: (after.uploads - before.uploads) / elapsed,
    unuploaded: after.frames - before.frames - (after.uploads - before.uploads),
  };
}

/**
 * Hiding is reported asynchronously (IntersectionObserver) and a render already under way
 * on software WebGL can take a second: wait until every source is paused and no render
 * happened for a while, so the paused figures count only what happens while paused.
 */
async function settlePaused(page: Page, streams: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = await page.evaluate(() => window.bench.stats());
  while (Date.now() < deadline) {
    await page.waitForTimeout(1000);
    const now = await page.evaluate(() => window.bench.stats());
    if (now.pausedSources === streams && now.renders === last.renders && now.uploads === last.uploads) return;
    last = now;
  }
  throw new Error(
    `port bench: ${streams} stream(s) did not settle into the paused state within 20 s (last: ${JSON.stringify(last)})`,
  );
}

export async function run(): Promise<void> {
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs(), '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#000"></body></html>`);
    await page.addScriptTag({ content: script });
    const call = <T>(expression: string) => page.evaluate(expression) as Promise<T>;

    // 1280×720 is a real work area. Software WebGL renders it far slower than 25 fps
    // cameras deliver: the page shows fewer frames than the cameras make, and every frame
    // it shows is uploaded once. The 320×180 and 5 fps runs give it time for every frame.
    const runs = [
      { streams: 1, width: 1280, height: 720, fps: 25 },
      { streams: 4, width: 1280, height: 720, fps: 25 },
      { streams: 9, width: 1280, height: 720, fps: 25 },
      { streams: 1, width: 320, height: 180, fps: 25 },
      { streams: 1, width: 320, height: 180, fps: 5 },
      { streams: 4, width: 320, height: 180, fps: 5 },
    ];
    for (const { streams, width, height, fps } of runs) {
      await call(`bench.mount(${streams}, ${width}, ${height}, ${fps})`);
      await page.waitForTimeout(1500);
      const live = await measure(page, 5);
      await call('bench.hide(true)');
      await settlePaused(page, streams);
      const paused = await measure(page, 3);
      await call('bench.hide(false)');
      await call('bench.unmount()');
      const verdict =
        Math.abs(live.unuploaded) <= streams
          ? 'equal'
          : live.unuploaded > 0
            ? 'FEWER UPLOADS THAN FRAMES'
            : 'MORE UPLOADS THAN FRAMES';
      console.log(
        `${streams} stream(s) at ${width}×${height}, ${fps} fps sources: CPU ${live.cpuPerFrame.toFixed(2)} ms/frame in Clearway code, ${live.fps.toFixed(1)} fps; ` +
          `camera frames ${live.producedPerS.toFixed(1)}/s, new frames shown ${live.framesPerS.toFixed(1)}/s vs texture uploads ${live.uploadsPerS.toFixed(1)}/s (${verdict}); ` +
          `paused: frames ${paused.framesPerS.toFixed(1)}/s, uploads ${paused.uploadsPerS.toFixed(1)}/s, renders ${paused.fps.toFixed(1)}/s`,
      );
    }

    const heaps: number[] = [];
    let leftovers = 0;
    for (let cycle = 0; cycle < 50; cycle++) {
      await call('bench.mount(4)');
      await page.waitForTimeout(60);
      const left = await call<{ geometries: number; textures: number }>('bench.unmount()');
      leftovers += left.geometries + left.textures;
      if (cycle === 0 || cycle === 49) heaps.push(await call<number>('bench.heap()'));
    }
    const [first = NaN, last = NaN] = heaps;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
    console.log(
      `50 mount/unmount cycles (4 streams): JS heap after cycle 1 ${mb(first)} MB, after cycle 50 ${mb(last)} MB ` +
        `(${last - first > 1024 * 1024 ? 'GREW' : 'no growth'}); three.js geometries + textures left after dispose, summed: ${leftovers}`,
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('port.bench.ts')) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
