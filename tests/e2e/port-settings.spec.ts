/**
 * Settings → Cameras: the local camera webcam sources use (Chromium's fake
 * capture device stands in for a USB camera) and the camera-bridge origins the
 * content security policy allows, validated line by line and supervisor-only.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumArgs } from '../support/chromium';
import { writeY4m } from '../support/y4m';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, createUser, expectAccessible, goTo, login, shoot, signOut } from './helpers';

const fakeCamera = writeY4m(join(mkdtempSync(join(tmpdir(), 'clearway-port-settings-')), 'fake-camera.y4m'));

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs(),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCamera}`,
    ],
  },
});

async function openCameraSettings(page: Page): Promise<void> {
  await goTo(page, 'settings');
  await page.getByRole('tab', { name: 'Cameras' }).click();
}

/** The policy the web host sends with the app's page. */
/** The policy the web host sends with the app page now (the page's cookie, not the spent launch link). */
async function pageCsp(page: Page, url: string): Promise<string> {
  const response = await page.request.get(new URL('/', url).href);
  return response.headers()['content-security-policy'] ?? '';
}

test('an officer chooses the local camera and a supervisor allows camera bridge origins, each bad line named', async ({
  app: page,
  host,
}) => {
  test.setTimeout(240_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  // Camera access on, so the browser names the cameras it lists.
  await goTo(page, 'settings');
  await page.getByLabel('Camera access').click();
  await page.getByTestId('save-settings').click();
  await openCameraSettings(page);

  // The device: the system default until one is chosen; "Find cameras" names the fake camera.
  const device = page.getByTestId('settings-webcam-device');
  await expect(device).toContainText('System default camera');
  await page.getByTestId('settings-webcam-refresh').click();
  await device.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).not.toHaveCount(1, { timeout: 15_000 });
  const chosenLabel = (await options.nth(1).getAttribute('title')) ?? '';
  expect(chosenLabel).not.toBe('');
  await options.nth(1).click();
  await expect(page.getByText('Camera choice saved.')).toBeVisible();

  // The origins: every bad line is named with its number and text, nothing is saved.
  const origins = page.getByTestId('settings-camera-origins');
  await origins.fill(
    [
      'cams.gate3.example',
      'ftp://files.example',
      'https://go2rtc.gate3.example:1984/api/stream.mjpeg',
      'https://mediamtx.gate3.example:8889',
    ].join('\n'),
  );
  await page.getByTestId('save-camera-origins').click();
  const problems = page.getByTestId('camera-origin-problems');
  await expect(problems).toContainText('Line 1: “cams.gate3.example” is not a URL');
  await expect(problems).toContainText('Line 2: “ftp://files.example” must start with http://, https://, ws:// or wss://');
  await expect(problems).toContainText('Line 3: “https://go2rtc.gate3.example:1984/api/stream.mjpeg” has a path');
  await expect(problems.locator('li')).toHaveCount(3);
  expect(await pageCsp(page, host.url)).not.toContain('mediamtx.gate3.example');
  await shoot(page, 'port-settings-origins-error-en-dark');

  // Fixed: saved, and the web host's policy now allows exactly those origins.
  await origins.fill(['https://go2rtc.gate3.example:1984', 'https://mediamtx.gate3.example:8889/'].join('\n'));
  await page.getByTestId('save-camera-origins').click();
  await expect(page.getByText('2 camera origins saved')).toBeVisible();
  await expect(origins).toHaveValue('https://go2rtc.gate3.example:1984\nhttps://mediamtx.gate3.example:8889');
  const csp = await pageCsp(page, host.url);
  expect(csp).toMatch(/connect-src[^;]*https:\/\/mediamtx\.gate3\.example:8889/);
  expect(csp).toMatch(/media-src[^;]*https:\/\/go2rtc\.gate3\.example:1984/);
  // Off the button: axe should judge its resting colours, not the hover state.
  await page.mouse.move(720, 700);
  await expect(page.getByTestId('save-camera-origins')).not.toHaveClass(/ant-btn-loading/);
  await shoot(page, 'port-settings-cameras-en-dark');
  await expectAccessible(page, 'camera settings');

  // After a reload the choice is still there.
  await page.reload();
  await openCameraSettings(page);
  await expect(page.getByTestId('settings-webcam-device')).toContainText(chosenLabel);

  // An inspector sees the origins but cannot change them.
  await createUser(page, 'en', { username: 'wang.inspector', displayName: 'Wang Lei', password: 'inspection bay two' });
  await signOut(page, 'en');
  await login(page, 'en', 'wang.inspector', 'inspection bay two');
  await openCameraSettings(page);
  await expect(page.getByTestId('settings-camera-origins')).toHaveAttribute('readonly', '');
  await expect(page.getByTestId('save-camera-origins')).toHaveCount(0);
  await expect(page.getByText('Only a supervisor can change which origins cameras may be played from.')).toBeVisible();
});
