import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot } from './helpers';
import { canvasLook, chooseCamera, invokeFromPage } from './port-helpers';

const sceneCount = async (page: Page, name: 'geometries' | 'textures' | 'uploads' | 'frames' | 'paused' | 'sources') =>
  Number(await page.getByTestId('port-scene').getAttribute(`data-${name}`));

const demoSite = () =>
  JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'resources', 'site', 'demo-site.json'), 'utf8')) as {
    markers: unknown[];
  } & Record<string, unknown>;

/** The workstation's saved site file (<dataDir>/site.json), read by cw:site.get on each call. */
function writeSite(dataDir: string, site: unknown): void {
  writeFileSync(join(dataDir, 'site.json'), JSON.stringify(site, null, 2));
}

async function signInWithSite(page: Page, dataDir: string): Promise<{ declaration: string }> {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await invokeFromPage(page, 'cw:queue.demo', { count: 6, seed: 4 });
  const list = await invokeFromPage<{ rows: { number: string }[] }>(page, 'cw:queue.list', { limit: 1 });
  const declaration = list.rows[0]?.number;
  if (!declaration) throw new Error('the demo generator made no declarations');
  // The demo site, plus a hotspot in the 360° camera straight ahead that links to that declaration.
  const site = demoSite();
  site.markers = [
    ...site.markers,
    {
      id: 'marker-e2e',
      cameraId: 'cam-inspection-360',
      yawDeg: 0,
      pitchDeg: 0,
      label: `Truck of ${declaration}`,
      link: { kind: 'declaration', ref: declaration },
    },
  ];
  writeSite(dataDir, site);
  return { declaration };
}

test('port overview renders, frees its GPU memory on unmount, panorama marker opens its declaration', async ({
  app: page,
  host,
}) => {
  // Software WebGL on a shared two-core machine: the panorama alone can take a minute.
  test.setTimeout(480_000);
  const { declaration } = await signInWithSite(page, host.dataDir);
  await goTo(page, 'port');
  const scene = page.getByTestId('port-scene');
  await expect.poll(() => sceneCount(page, 'geometries'), { timeout: 30_000 }).toBeGreaterThan(10);
  await expect.poll(() => canvasLook(page).then((v) => v.colours), { timeout: 30_000 }).toBeGreaterThan(12);
  expect((await canvasLook(page)).spread).toBeGreaterThan(40);
  await expect(scene).toHaveAttribute('data-mode', 'overview');
  // Live video reaches the camera screens: frames arrive and each becomes at most one upload.
  await expect.poll(() => sceneCount(page, 'uploads'), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await sceneCount(page, 'uploads')).toBeLessThanOrEqual(await sceneCount(page, 'frames'));
  await shoot(page, 'port-overview-en-dark');
  await expectAccessible(page, 'port overview');

  // Mount/unmount cycles: each dispose leaves three.js with nothing, and each mount uses the same amount.
  const geometries = await sceneCount(page, 'geometries');
  const textures = await sceneCount(page, 'textures');
  const released = page.getByTestId('port-released');
  for (let cycle = 0; cycle < 2; cycle++) {
    await page.getByTestId('port-view-switch').getByText('Camera wall').click();
    await expect(released).toHaveAttribute('data-geometries', '0');
    await expect(released).toHaveAttribute('data-textures', '0');
    await expect(released).toHaveAttribute('data-tracked', '0');
    await page.getByTestId('port-view-switch').getByText('3D overview').click();
    await expect.poll(() => sceneCount(page, 'geometries')).toBe(geometries);
    await expect.poll(() => sceneCount(page, 'textures')).toBeLessThanOrEqual(textures);
  }

  // A fixed camera full-screen: only its stream runs, the others are paused.
  await chooseCamera(page, 'Lane 1 plate camera');
  await expect(scene).toHaveAttribute('data-mode', 'camera');
  const sources = await sceneCount(page, 'sources');
  await expect.poll(() => sceneCount(page, 'paused')).toBe(sources - 1);
  await shoot(page, 'port-camera-en-dark');

  // The 360° camera: compass, drag to look, and the marker straight ahead.
  await chooseCamera(page, 'Inspection hall 360° · 360°');
  await expect(scene).toHaveAttribute('data-mode', 'panorama');
  await expect(page.getByTestId('compass')).toContainText('°');
  const marker = page.locator('[data-marker="marker-e2e"]');
  await expect(marker).toBeVisible();
  await shoot(page, 'port-panorama-en-dark');
  await expectAccessible(page, 'port panorama');
  const canvas = page.getByTestId('port-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas box');
  // Dragging (away from the markers, which sit near the horizon) turns the view and the compass.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.2, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('compass')).not.toContainText('N 000°');
  await canvas.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(scene).toHaveAttribute('data-mode', 'overview');
  await chooseCamera(page, 'Inspection hall 360° · 360°');
  await expect(marker).toBeVisible();
  await marker.click();
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  await expect(page).toHaveURL(/#\/queue$/);
  await expect(page.getByTestId('detail-number')).toHaveText(declaration);
});

test('camera wall shows 4 live streams in 2×2 and a snapshot is saved with its SHA-256', async ({ app: page }) => {
  test.setTimeout(180_000);
  // No site file in the fresh data folder: the host serves the shipped demo site.
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'port');
  await page.getByTestId('port-view-switch').getByText('Camera wall').click();
  await page.getByTestId('wall-group').click();
  await page.locator('.ant-select-item-option[title="Gate lanes"]').click();
  const wall = page.getByTestId('camera-wall');
  await expect(wall).toHaveAttribute('data-size', '2');
  const tiles = page.getByTestId('wall-tile');
  await expect(tiles).toHaveCount(4);
  for (let i = 0; i < 4; i++)
    await expect(tiles.nth(i).getByTestId('camera-health')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  // Every tile shows real video: a decoded frame of non-zero size.
  const sizes = await tiles.locator('video, canvas').evaluateAll((elements) =>
    elements.map((e) => {
      const media = e as unknown as { videoWidth?: number; videoHeight?: number; width: number; height: number };
      return media.videoWidth !== undefined ? media.videoWidth * (media.videoHeight ?? 0) : media.width * media.height;
    }),
  );
  expect(sizes).toHaveLength(4);
  for (const size of sizes) expect(size).toBeGreaterThan(0);
  await shoot(page, 'port-wall-2x2-en-dark');
  await expectAccessible(page, 'camera wall');

  await tiles.first().getByTestId('wall-snapshot').click();
  const saved = page.getByTestId('snapshot-saved');
  await expect(saved).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('snapshot-sha')).toHaveText(/^[0-9a-f]{64}$/);
  await shoot(page, 'port-snapshot-en-dark');

  await page.getByTestId('wall-layout').getByText('3×3').click();
  await expect(wall).toHaveAttribute('data-size', '3');
  await expect(tiles).toHaveCount(4);
});
