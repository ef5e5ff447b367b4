/**
 * Vehicles and containers from the declarations stand in the 3D port (trucks in
 * inspection bays, containers in yard slots) with labels; going to one and
 * clicking it opens its declaration in the queue.
 */
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, goTo, shoot } from './helpers';
import { invokeFromPage, nextEventFromPage } from './port-helpers';

test('a container from a declaration stands in the yard; clicking it opens its declaration in the queue', async ({
  app: page,
}) => {
  test.setTimeout(300_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await invokeFromPage(page, 'cw:queue.demo', { count: 6, seed: 4 });
  await goTo(page, 'port');
  const scene = page.getByTestId('port-scene');
  await expect.poll(async () => Number(await scene.getAttribute('data-geometries')), { timeout: 30_000 }).toBeGreaterThan(10);

  // The declarations' containers are listed among the places to go to, each with its declaration.
  await page.getByTestId('port-go-to').click();
  const vehicle = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title*=" · declaration "]').first();
  await expect(vehicle).toBeVisible({ timeout: 30_000 });
  const title = (await vehicle.getAttribute('title')) ?? '';
  const [label = '', declaration = ''] = title.split(' · declaration ');
  expect(label).not.toBe('');
  await vehicle.click();

  // The view flies to it (about a second); then it is in the middle of the picture.
  await page.waitForTimeout(2500);
  await shoot(page, 'port-vehicle-en-dark');
  const box = await page.getByTestId('port-canvas').boundingBox();
  if (!box) throw new Error('no canvas box');
  const selected = await nextEventFromPage(page, 'cw:windows.selectionChanged', 'declarationId', declaration);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // The queue opens with that declaration as the workstation's selection (every window is told).
  await expect(page.getByTestId('screen-queue')).toBeVisible({ timeout: 15_000 });
  await selected();
  await expect(page.getByTestId('detail-number')).toHaveText(declaration);
});
