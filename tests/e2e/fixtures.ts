/**
 * Each test gets its own web host (`node out/main/serve.js`) on a fresh data folder,
 * so tests never share accounts, settings or shifts. The app must be built first.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const serveScript = join(root, 'out', 'main', 'serve.js');

export interface WebHost {
  /** The launch URL with its token; loading it sets the auth cookie. */
  url: string;
  dataDir: string;
  /** Everything the host printed, for failure messages. */
  output(): string;
}

async function startHost(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; host: WebHost }> {
  if (!existsSync(serveScript)) throw new Error(`${serveScript} is missing: run "npm run build" before the e2e tests.`);
  const child = spawn(process.execPath, [serveScript, '--data-dir', dataDir, '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not print CLEARWAY_URL within 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /^CLEARWAY_URL=(\S+)$/m.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code} before it was ready:\n${log}`));
    });
  });
  return { child, host: { url, dataDir, output: () => log } };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ host: WebHost; hostEnv: NodeJS.ProcessEnv; app: Page; secondHost: WebHost }>({
  hostEnv: [{}, { option: true }],
  host: async ({ hostEnv }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clearway-e2e-'));
    const { child, host } = await startHost(dataDir, hostEnv);
    try {
      await use(host);
    } finally {
      await stopHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  /** Another workstation with its own data folder, for tests across workstations (sync); open it in its own browser context. */
  secondHost: async ({ hostEnv }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clearway-e2e-b-'));
    const { child, host } = await startHost(dataDir, hostEnv);
    try {
      await use(host);
    } finally {
      await stopHost(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  /** A page that has opened the app through the launch URL. */
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
