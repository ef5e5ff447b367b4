/**
 * The port view beyond one window: a second window that follows the main
 * window's camera selection (and the other way round), the supervisor's camera
 * editor saving the site (seen by both windows and after a reload), and the 360°
 * camera's equirectangular still standing in while its video is unavailable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, goTo, shoot } from './helpers';
import { canvasLook, chooseCamera } from './port-helpers';

test('a second port window follows the main window’s camera selection and the other way round', async ({ app: page }) => {
  test.setTimeout(300_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'port');
  await expect(page.getByTestId('port-scene')).toHaveAttribute('data-mode', 'overview');

  const [second] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('port-pop-out').click()]);
  await expect(second.getByTestId('port-window')).toBeVisible({ timeout: 30_000 });
  await expect(second.getByTestId('port-scene')).toHaveAttribute('data-mode', 'overview', { timeout: 30_000 });
  expect(new URL(second.url()).hash).toBe('#/port-window');

  // Main → second.
  await chooseCamera(page, 'Lane 2 plate camera');
  await expect(page.getByTestId('port-scene')).toHaveAttribute('data-mode', 'camera');
  await expect(second.getByTestId('port-scene')).toHaveAttribute('data-mode', 'camera', { timeout: 15_000 });
  await expect(second.getByTestId('port-camera-select')).toContainText('Lane 2 plate camera');

  // Second → main.
  await chooseCamera(second, 'Inspection hall 360° · 360°');
  await expect(second.getByTestId('port-scene')).toHaveAttribute('data-mode', 'panorama');
  await expect(page.getByTestId('port-scene')).toHaveAttribute('data-mode', 'panorama', { timeout: 15_000 });
  await expect(page.getByTestId('port-camera-select')).toContainText('Inspection hall 360°');
  await shoot(second, 'port-second-window-en-dark');

  // Back to the overview in the main window: the second window goes back too.
  await page.getByTestId('port-back').click();
  await expect(second.getByTestId('port-scene')).toHaveAttribute('data-mode', 'overview', { timeout: 15_000 });
  await second.close();
});

test('a supervisor edits a camera in the port view and saves the site; other windows and a reload show it', async ({
  app: page,
  host,
}) => {
  test.setTimeout(300_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'port');
  const [second] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('port-pop-out').click()]);
  await expect(second.getByTestId('port-window')).toBeVisible({ timeout: 30_000 });
  // The second window is for watching: no editor there.
  await expect(second.getByTestId('site-edit-cameras')).toHaveCount(0);

  await chooseCamera(page, 'Lane 3 plate camera');
  await page.getByTestId('site-edit-cameras').click();
  const editor = page.getByTestId('site-camera-editor');
  await expect(editor).toBeVisible();
  // Opened on the camera being watched.
  await expect(editor.getByTestId('site-camera-select')).toContainText('Lane 3 plate camera (cam-lane-3)');
  await expect(editor.getByTestId('site-save')).toBeDisabled();

  // A bad address is refused where it is typed, and the site cannot be saved.
  await editor.getByTestId('site-camera-url').fill('../outside.webm');
  await expect(editor.locator('.ant-form-item-explain-error')).not.toHaveCount(0);
  await expect(editor.getByTestId('site-save')).toBeDisabled();
  await shoot(page, 'port-camera-editor-error-en-dark');

  await editor.getByTestId('site-camera-url').fill('media/cam-lane-4.webm');
  await editor.getByLabel('Name').fill('Lane 3 ANPR camera');
  await editor.getByLabel('Heading (°)').fill('15');
  await expect(editor.getByTestId('site-save')).toBeEnabled();
  await shoot(page, 'port-camera-editor-en-dark');
  await editor.getByTestId('site-save').click();
  await expect(editor).toBeHidden({ timeout: 15_000 });

  // Written to the workstation's own site file, audited by the service.
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'site.json'), 'utf8')) as {
    cameras: { id: string; name: string; yawDeg: number; source: { url?: string } }[];
  };
  const camera = saved.cameras.find((c) => c.id === 'cam-lane-3');
  expect(camera).toMatchObject({ name: 'Lane 3 ANPR camera', yawDeg: 15, source: { url: 'media/cam-lane-4.webm' } });

  // Both windows list the new name without a reload (cw:site.changed)…
  await expect(page.getByTestId('port-camera-select')).toContainText('Lane 3 ANPR camera');
  await second.getByTestId('port-camera-select').click();
  await expect(second.locator('.ant-select-item-option[title="Lane 3 ANPR camera"]')).toBeVisible({ timeout: 15_000 });
  await second.keyboard.press('Escape');
  await second.close();
  // …and it survives a reload.
  await page.reload();
  await goTo(page, 'port');
  await page.getByTestId('port-camera-select').click();
  await expect(page.locator('.ant-select-item-option[title="Lane 3 ANPR camera"]')).toBeVisible({ timeout: 15_000 });
});

test('the 360° panorama shows its equirectangular still while the video is unavailable, then the live video', async ({
  app: page,
}) => {
  test.setTimeout(300_000);
  // The 360° camera's video server is down: every request for it fails.
  let videoDown = true;
  await page.route('**/media/cam-inspection-360.webm', (route) =>
    videoDown ? route.fulfill({ status: 503, body: 'down' }) : route.fallback(),
  );
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'port');
  await chooseCamera(page, 'Inspection hall 360° · 360°');
  const scene = page.getByTestId('port-scene');
  await expect(scene).toHaveAttribute('data-mode', 'panorama');
  await expect(scene).toHaveAttribute('data-picture', 'still', { timeout: 60_000 });
  await expect(page.getByTestId('camera-health')).not.toHaveAttribute('data-state', 'live');
  // The still's sky fills the upper part of the view: not the plain dark sphere.
  await expect.poll(async () => (await canvasLook(page)).sky, { timeout: 60_000 }).toBeGreaterThan(0.15);
  // Looking north: the container ahead-right has its marker, the truck behind the viewer has none on screen.
  await expect(page.locator('[data-marker="marker-container-1"]')).toBeVisible();
  await expect(page.locator('[data-marker="marker-truck"]')).toBeHidden();
  await shoot(page, 'port-panorama-still-en-dark');

  // The server comes back: the watchdog restarts the stream and the live video replaces the still.
  videoDown = false;
  await expect(scene).toHaveAttribute('data-picture', 'video', { timeout: 90_000 });
  await expect(page.getByTestId('camera-health')).toHaveAttribute('data-state', 'live');
});
