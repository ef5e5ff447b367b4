/**
 * The queue table with 100,000 declarations in Chromium: time to the first
 * rendered rows, then frame times while scrolling steadily through the list
 * (60 px per frame, ~2 screens a second) and while jumping (PageDown-sized
 * steps), with pages fetched by offset as in the app. Goal: frames under 16 ms.
 * Renderer only: the rows come from an in-page backend with the list channel's
 * paging (see queue-ui/harness.tsx); the store-to-rows figures are the backend's bench.
 * Each phase is traced too, so the frame time splits into the renderer's own CPU
 * (script, style + layout, paint) and the compositing/SwiftShader threads' CPU:
 * on a loaded machine the wall-clock frame times mostly measure the neighbours.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { traceFrames, type FrameCpu } from './queue-ui/frame-trace';

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  over16: number;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearway-queue-bench-'));
  try {
    await build({
      entryPoints: [resolve(__dirname, 'queue-ui/harness.tsx')],
      bundle: true,
      outdir: dir,
      // A classic script: Chromium refuses module scripts from file:// URLs.
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.json': 'json' },
      logLevel: 'error',
    });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="harness.css"></head><body><div id="root"></div><script src="harness.js" defer></script></body></html>',
    );

    const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${join(dir, 'index.html')}`);
      await page.waitForFunction(() => (window as unknown as { firstRowsMs?: number }).firstRowsMs !== undefined, null, {
        timeout: 30_000,
      });
      if (errors.length) throw new Error(`harness failed: ${errors.join('; ')}`);
      const firstRowsMs = await page.evaluate(() => (window as unknown as { firstRowsMs: number }).firstRowsMs);

      // Sent as source text: the TypeScript runner's helpers (e.g. __name) do not exist in the page.
      const scrollSource = `(step, frames) => new Promise((done) => {
        const grid = document.getElementById('queue-grid');
        const times = [];
        let last = 0;
        let n = 0;
        const tick = (now) => {
          times.push(now - last);
          last = now;
          grid.scrollTop += step;
          if (++n < frames) requestAnimationFrame(tick);
          else done({ times: times.slice(2), rows: grid.querySelectorAll('[role="row"][data-number]').length, top: grid.scrollTop });
        };
        requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
      })`;
      const cdp = await page.context().newCDPSession(page);
      const scroll = async (step: number, frames: number) => {
        const stop = await traceFrames(cdp);
        const result = (await page.evaluate(`(${scrollSource})(${step}, ${frames})`)) as {
          times: number[];
          rows: number;
          top: number;
        };
        return { ...result, cpu: await stop(frames) };
      };
      const heapMb = async () => ((await page.evaluate('performance.memory.usedJSHeapSize')) as number) / 1024 / 1024;
      const printCpu = (cpu: FrameCpu) =>
        console.log(
          `${''.padEnd(26)} CPU per frame: renderer ${(cpu.script + cpu.styleLayout + cpu.paint + cpu.gc + cpu.other).toFixed(1)} ms (script ${cpu.script.toFixed(1)}, style+layout ${cpu.styleLayout.toFixed(1)}, paint ${cpu.paint.toFixed(1)}, gc ${cpu.gc.toFixed(1)}, other ${cpu.other.toFixed(1)}); compositing + SwiftShader raster ${cpu.compositeRaster.toFixed(1)} ms`,
        );

      const stats = (times: number[]): FrameStats => {
        const sorted = [...times].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
        return {
          frames: times.length,
          p50: at(0.5),
          p95: at(0.95),
          p99: at(0.99),
          max: sorted[sorted.length - 1] ?? 0,
          over16: times.filter((t) => t > 16.7).length,
        };
      };
      const print = (label: string, s: FrameStats, extra: string) =>
        console.log(
          `${label.padEnd(26)} frames ${s.frames}  p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  >16.7 ms: ${s.over16} (${((100 * s.over16) / Math.max(1, s.frames)).toFixed(1)} %)  ${extra}`,
        );

      console.log(`100,000 rows: first rendered rows after ${firstRowsMs.toFixed(0)} ms (incl. the first page fetch)`);
      const steady = await scroll(60, 400);
      print('steady scroll 60 px/frame', stats(steady.times), `(${steady.rows} rows in the DOM, scrollTop ${steady.top})`);
      printCpu(steady.cpu);
      const heapBefore = await heapMb();
      const jumps = await scroll(800, 250);
      print('jumps 800 px/frame', stats(jumps.times), `(${jumps.rows} rows in the DOM, scrollTop ${jumps.top})`);
      printCpu(jumps.cpu);
      console.log(
        `${''.padEnd(26)} JS heap ${heapBefore.toFixed(0)} MB before the jumps, ${(await heapMb()).toFixed(0)} MB after`,
      );
      if (errors.length) throw new Error(`harness failed: ${errors.join('; ')}`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
