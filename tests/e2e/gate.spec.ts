/**
 * The gate log: an officer records a truck arriving by hand, the log shows it
 * linked to the declaration that carries its plate, the truck stands at its lane
 * in the 3D port, and clicking it opens its declaration in the queue.
 */
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot } from './helpers';
import { invokeFromPage, nextEventFromPage } from './port-helpers';

interface ListOutput {
  rows: { number: string; status: string }[];
}
interface Detail {
  declaration: { transport: { vehiclePlate?: string } };
}

test('a truck recorded at the gate is in the log and at its lane, and opens its declaration', async ({ app: page }) => {
  test.setTimeout(300_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'gate');
  await expect(page.getByTestId('gate-empty')).toContainText('No gate events yet');
  await shoot(page, 'gate-empty-en');

  // A declaration that came by road and is not released: its plate is the truck's.
  await invokeFromPage(page, 'cw:queue.demo', { count: 40, seed: 4 });
  const list = await invokeFromPage<ListOutput>(page, 'cw:queue.list', {
    filter: { statuses: ['pending', 'held', 'documentsRequested', 'inspection'] },
    limit: 40,
  });
  let number = '';
  let plate = '';
  for (const row of list.rows) {
    const detail = await invokeFromPage<Detail>(page, 'cw:queue.get', { id: row.number });
    if (detail.declaration.transport.vehiclePlate) {
      number = row.number;
      plate = detail.declaration.transport.vehiclePlate;
      break;
    }
  }
  expect(plate, 'a demo declaration by road').not.toBe('');
  const normalised = plate.toUpperCase().replace(/[\s·.-]/g, '');

  // Keyboard first: d then a picks the direction and focuses the plate; the lane is the first one; Enter records.
  await page.getByTestId('screen-gate').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('d');
  await expect(page.getByTestId('gate-record-direction').locator('input[value="departure"]')).toBeChecked();
  await page.getByTestId('gate-record-plate').press('Escape');
  await page.getByTestId('screen-gate').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('a');
  await expect(page.getByTestId('gate-record-plate')).toBeFocused();
  // Typed the way an officer reads it off the truck: lower case, a space for the dot.
  await page.keyboard.type(plate.replace('·', ' ').toLowerCase());
  await page.keyboard.press('Enter');

  const row = page.getByTestId('gate-log').locator(`tr[data-plate="${normalised}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('Arrival');
  await expect(row).toContainText('Officer');
  await expect(row).toContainText(number);
  await expect(row).toContainText('Lane 1');
  await expect(page.getByTestId('gate-total')).toHaveText('1 event');

  // An unknown plate is recorded too, shown as having no declaration.
  await page.getByTestId('gate-record-plate').fill('ZZ 9999');
  await page.getByTestId('gate-record-plate').press('Enter');
  await expect(page.getByTestId('gate-log').locator('tr[data-plate="ZZ9999"]')).toContainText('No declaration', {
    timeout: 15_000,
  });

  // The plate filter takes any spelling.
  await page.getByTestId('gate-filter-plate').locator('input').fill('zz-99');
  await expect(page.getByTestId('gate-total')).toHaveText('1 event', { timeout: 10_000 });
  await page.getByTestId('gate-filter-plate').locator('input').fill('');
  await expect(page.getByTestId('gate-total')).toHaveText('2 events', { timeout: 10_000 });

  // Both themes, whichever the workstation starts in.
  await page.mouse.move(5, 5);
  const first = (await page.locator('html').getAttribute('data-theme')) ?? 'light';
  const second = first === 'dark' ? 'light' : 'dark';
  await shoot(page, `gate-log-en-${first}`);
  await expectAccessible(page, `gate log (${first})`);
  await page.getByTestId('theme-switch').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', second);
  await page.mouse.move(5, 5);
  await shoot(page, `gate-log-en-${second}`);
  await expectAccessible(page, `gate log (${second})`);

  // The port: the truck is among the places to go to, at the gate, with its declaration.
  await goTo(page, 'port');
  const scene = page.getByTestId('port-scene');
  await expect.poll(async () => Number(await scene.getAttribute('data-geometries')), { timeout: 30_000 }).toBeGreaterThan(10);
  await page.getByTestId('port-go-to').click();
  await expect(
    page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="ZZ9999 · at the gate · no declaration"]`),
  ).toHaveCount(1, { timeout: 30_000 });
  const truck = page.locator(
    `.ant-select-dropdown:visible .ant-select-item-option[title="${normalised} · declaration ${number}"]`,
  );
  await expect(truck).toBeVisible({ timeout: 30_000 });
  await truck.click();
  await page.waitForTimeout(2500);
  await shoot(page, 'gate-truck-in-port-en');

  const box = await page.getByTestId('port-canvas').boundingBox();
  if (!box) throw new Error('no canvas box');
  const selected = await nextEventFromPage(page, 'cw:windows.selectionChanged', 'declarationId', number);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('screen-queue')).toBeVisible({ timeout: 15_000 });
  await selected();
  await expect(page.getByTestId('detail-number')).toHaveText(number);

  // And from the gate log: the row's declaration opens in the queue too.
  await goTo(page, 'gate');
  await page.getByTestId('gate-log').locator(`tr[data-plate="${normalised}"]`).getByTestId('gate-open-declaration').click();
  await expect(page.getByTestId('detail-number')).toHaveText(number);
});
