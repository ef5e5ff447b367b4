/**
 * Smoke test of the real Electron app through Playwright's _electron: the built
 * app (out/main/index.js) starts with a fresh profile, shows the first-run setup
 * screen in a hardened window, and exposes only the contract bridge to the page.
 * Needs `npm run build` first. Skipped where the Electron binary is not installed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import en from '../../renderer/i18n/locales/en.json';
import zhCN from '../../renderer/i18n/locales/zh-CN.json';
import { electronBinary, electronPackage } from '../../scripts/electron-binary.mjs';

const root = resolve(__dirname, '..', '..');

const executablePath = electronBinary(electronPackage(root));
const skippedBecause = 'Electron binary not installed; run npx --no install-electron to run this';
test.skip(!executablePath, skippedBecause);

let app: ElectronApplication;
let profile: string;

test.beforeEach(async () => {
  profile = mkdtempSync(join(tmpdir(), 'clearway-electron-'));
  app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [join(root, 'out', 'main', 'index.js'), `--user-data-dir=${profile}`],
    cwd: root,
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a fresh profile opens the first-run setup screen from app://', async () => {
  const page = await app.firstWindow();
  expect(page.url()).toMatch(/^app:\/\/clearway\//);
  const titles = [en.auth.setup.title, zhCN.auth.setup.title];
  await expect(
    page.getByRole('heading', { name: new RegExp(titles.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) }),
  ).toBeVisible({
    timeout: 30_000,
  });
});

test('the page gets the contract bridge and nothing of Node or Electron', async () => {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const exposed = await page.evaluate(() => {
    const bridge = (globalThis as unknown as { clearway?: Record<string, unknown> }).clearway;
    return {
      bridgeKeys: bridge ? Object.keys(bridge).sort() : [],
      host: bridge?.host,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    };
  });
  expect(exposed).toEqual({
    bridgeKeys: ['call', 'host', 'invoke', 'on', 'subscribe'],
    host: 'electron',
    require: 'undefined',
    process: 'undefined',
  });
});

test('the window runs sandboxed with context isolation', async () => {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows()[0];
    const contents = window?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
    return contents?.getLastWebPreferences?.() ?? null;
  });
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
});
