import { defineConfig } from '@playwright/test';

/**
 * Two projects: `e2e` drives Debian's Chromium against the web host (real services,
 * a fresh data folder per test, see tests/e2e/fixtures.ts); `electron` drives the
 * real app through Playwright's _electron. Neither downloads a browser: the app must
 * be built first (`npm run build`).
 */
export default defineConfig({
  outputDir: 'test-results/artifacts',
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // Two cores shared by many processes: each test runs its own web host and Chromium.
  workers: 2,
  fullyParallel: false,
  // One retry on CI only: a busy machine must not hold back a landing for one timing
  // miss. A test that passes on its retry is still reported "flaky" in the list output,
  // and gets fixed; locally every failure shows at once.
  retries: process.env.CI ? 1 : 0,
  // Generous: CI machines are small and each test starts its own host (scrypt sign-ins included).
  timeout: 180_000,
  expect: { timeout: 20_000 },
  forbidOnly: Boolean(process.env.CI),
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1440, height: 900 },
        // The app turns antd motion off for reduced motion: stable screenshots and contrast checks.
        contextOptions: { reducedMotion: 'reduce' },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            // WebGL (the 3D port view) through SwiftShader: no GPU on CI machines.
            '--use-angle=swiftshader',
            '--enable-unsafe-swiftshader',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
      timeout: 120_000,
    },
  ],
});
