/**
 * Cold start of the web host to an interactive first screen in Chromium: spawn
 * `out/main/serve.js` on a fresh profile, open the printed URL, and stop the clock
 * when the setup form's first field accepts focus. Goal: under 2 s.
 * Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { waitForServeUrl } from '../support/serve-process';

const runs = 5;

async function coldStartOnce(): Promise<{ serverMs: number; totalMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clearway-bench-'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const started = performance.now();
  const server = spawn(process.execPath, [resolve('out/main/serve.js'), '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await waitForServeUrl(server);
    const serverMs = performance.now() - started;
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('input').first().focus();
    return { serverMs, totalMs: performance.now() - started };
  } finally {
    server.kill('SIGTERM');
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const results: { serverMs: number; totalMs: number }[] = [];
  for (let i = 0; i < runs; i++) results.push(await coldStartOnce());
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`cold start, web host listening:       median ${median(results.map((r) => r.serverMs)).toFixed(0)} ms over ${runs} runs`);
  console.log(`cold start, to interactive first form: median ${median(results.map((r) => r.totalMs)).toFixed(0)} ms (goal < 2000 ms)`);
}

if (process.argv[1]?.endsWith('cold-start.bench.ts')) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
