/**
 * Camera-wall groups kept in the workstation settings: the demo site's wall
 * starts from the groups its file suggests; a group created and edited on the
 * wall is saved in settings.json (per site), shows in a second wall window at
 * once and after a reload; a camera the site no longer has is shown as such and
 * dropped in the group editor.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot } from './helpers';

const demoSitePath = resolve(__dirname, '..', '..', 'resources', 'site', 'demo-site.json');

interface StoredGroup {
  id: string;
  name: string;
  layout: string;
  cameraIds: string[];
}

function storedGroups(dataDir: string): Record<string, StoredGroup[]> {
  return (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { cameraGroups: Record<string, StoredGroup[]> })
    .cameraGroups;
}

/** Picks `label` in an antd Select. */
async function pick(page: Page, select: ReturnType<Page['getByTestId']>, label: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

async function openWall(page: Page): Promise<void> {
  await goTo(page, 'port');
  await page.getByTestId('port-view-switch').getByText('Camera wall').click();
  await expect(page.getByTestId('camera-wall')).toBeVisible();
}

test('camera groups are made on the wall, kept in the settings per site, seen by a second window and after a reload', async ({
  app: page,
  host,
}) => {
  test.setTimeout(300_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await openWall(page);
  // Nothing saved yet: the demo site's suggested groups.
  await expect(page.getByTestId('wall-groups-suggested')).toBeVisible();
  await page.getByTestId('wall-group').click();
  await expect(page.locator('.ant-select-item-option[title="Gate lanes"]')).toBeVisible();
  await page.keyboard.press('Escape');

  // A new group from what the wall shows (the first four cameras), with the yard mast on tile 1.
  await page.getByTestId('wall-new-group').click();
  const dialog = page.getByTestId('group-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('group-tile-4')).toContainText('Lane 4 plate camera');
  await dialog.getByTestId('group-name').fill('Night shift');
  await pick(page, dialog.getByTestId('group-tile-1'), 'Yard mast camera');
  await shoot(page, 'port-wall-group-editor-en-dark');
  await expectAccessible(page, 'camera group editor');
  await dialog.getByTestId('group-save').click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  await expect(page.getByTestId('wall-group')).toContainText('Night shift');
  const tiles = page.getByTestId('wall-tile');
  await expect(tiles).toHaveCount(4);
  await expect(tiles.first()).toHaveAttribute('data-camera', 'cam-yard-mast');
  await expect(page.getByTestId('wall-groups-suggested')).toHaveCount(0);
  // Saved in the workstation settings under the site's id, the suggestions copied along.
  const saved = storedGroups(host.dataDir)['eastgate-demo'];
  expect(saved?.map((g) => g.name)).toEqual(['Gate lanes', 'Inspection', 'All cameras', 'Night shift']);
  expect(saved?.at(-1)).toMatchObject({ layout: '2x2', cameraIds: ['cam-yard-mast', 'cam-lane-2', 'cam-lane-3', 'cam-lane-4'] });
  // The site file is not touched.
  expect(() => readFileSync(join(host.dataDir, 'site.json'))).toThrow();

  // A second wall window lists the group; an edit in the main window reaches it at once.
  const [second] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('port-pop-out').click()]);
  await expect(second.getByTestId('camera-wall')).toBeVisible({ timeout: 30_000 });
  await pick(second, second.getByTestId('wall-group'), 'Night shift');
  await expect(second.getByTestId('wall-tile').first()).toHaveAttribute('data-camera', 'cam-yard-mast');

  await page.getByTestId('wall-edit-group').click();
  await expect(dialog.getByTestId('group-name')).toHaveValue('Night shift');
  await dialog.getByTestId('group-name').fill('Night watch');
  await dialog.getByTestId('group-layout').getByText('3×3').click();
  await pick(page, dialog.getByTestId('group-tile-5'), 'Gate overview');
  await dialog.getByTestId('group-save').click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('camera-wall')).toHaveAttribute('data-size', '3');
  await expect(tiles).toHaveCount(5);
  await expect(second.getByTestId('wall-group')).toContainText('Night watch', { timeout: 15_000 });
  await expect(second.getByTestId('wall-tile')).toHaveCount(5);
  await second.close();

  // After a reload the group is still there.
  await page.reload();
  await openWall(page);
  await pick(page, page.getByTestId('wall-group'), 'Night watch');
  await expect(page.getByTestId('camera-wall')).toHaveAttribute('data-size', '3');
  await expect(tiles.nth(4)).toHaveAttribute('data-camera', 'cam-gate-overview');
});

test('a camera the site no longer has shows as such on the wall and is dropped in the group editor', async ({
  app: page,
  host,
}) => {
  test.setTimeout(300_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await openWall(page);
  await pick(page, page.getByTestId('wall-group'), 'Gate lanes');
  await page.getByTestId('wall-edit-group').click();
  const dialog = page.getByTestId('group-dialog');
  await dialog.getByTestId('group-name').fill('Lanes');
  await dialog.getByTestId('group-save').click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  // A supervisor's site file drops Lane 2's camera (removed, or renamed to another id).
  const site = JSON.parse(readFileSync(demoSitePath, 'utf8')) as {
    cameras: { id: string }[];
    cameraGroups: { cameraIds: string[] }[];
  };
  site.cameras = site.cameras.filter((c) => c.id !== 'cam-lane-2');
  site.cameraGroups.forEach((g) => (g.cameraIds = g.cameraIds.filter((id) => id !== 'cam-lane-2')));
  writeFileSync(join(host.dataDir, 'site.json'), JSON.stringify(site));
  await page.reload();
  await openWall(page);
  await pick(page, page.getByTestId('wall-group'), 'Lanes');

  const missing = page.getByTestId('wall-tile-missing');
  await expect(missing).toHaveCount(1);
  await expect(missing).toHaveAttribute('data-camera', 'cam-lane-2');
  await expect(missing).toContainText('Camera cam-lane-2 is no longer in the site');
  await expect(page.getByTestId('wall-tile')).toHaveCount(3);
  // It keeps its place: the second tile.
  await expect(page.locator('.cw-wall-grid > *').nth(1)).toHaveAttribute('data-testid', 'wall-tile-missing');
  await shoot(page, 'port-wall-missing-camera-en-dark');
  // Both themes: the wall and the editor in light too.
  await page.getByTestId('theme-switch').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await shoot(page, 'port-wall-missing-camera-en-light');
  await expectAccessible(page, 'camera wall with a missing camera, light');

  await page.getByTestId('wall-edit-group').click();
  await expect(dialog.getByTestId('group-missing')).toContainText('cam-lane-2');
  await expect(dialog.getByTestId('group-tile-2')).toContainText('cam-lane-2 (no longer in the site)');
  await shoot(page, 'port-wall-group-editor-missing-en-light');
  await expectAccessible(page, 'camera group editor, light');
  await dialog.getByTestId('group-drop-missing').click();
  await expect(dialog.getByTestId('group-missing')).toHaveCount(0);
  await dialog.getByTestId('group-save').click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(missing).toHaveCount(0);
  await expect(page.getByTestId('wall-tile')).toHaveCount(3);
  expect(storedGroups(host.dataDir)['eastgate-demo']?.find((g) => g.name === 'Lanes')?.cameraIds).toEqual([
    'cam-lane-1',
    'cam-lane-3',
    'cam-lane-4',
  ]);

  // Deleting the group returns the wall to all cameras.
  await page.getByTestId('wall-edit-group').click();
  await dialog.getByTestId('group-delete').click();
  await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('wall-group')).toContainText('All cameras');
  expect(storedGroups(host.dataDir)['eastgate-demo']?.map((g) => g.name)).toEqual(['Inspection', 'All cameras']);
});
