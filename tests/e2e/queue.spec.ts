/**
 * The declaration queue as an officer uses it: demo data, keyboard triage, a
 * decision with its reason and response, filters, imports with rejects, and the
 * release-time dashboard and rule editor; axe on each screen, screenshots for review.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot } from './helpers';
import riskEn from '../../renderer/features/risk/locales/en.json';
import queueEn from '../../renderer/features/queue/locales/en.json';
import queueZh from '../../renderer/features/queue/locales/zh-CN.json';

const root = resolve(__dirname, '..', '..');
const rows = (page: Page) => page.locator('[data-testid="queue-grid"] [role="row"][data-number]');
const cursorRow = (page: Page) => page.locator('[data-testid="queue-grid"] [role="row"][data-cursor]');

async function openQueueWithDemo(page: Page): Promise<void> {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'queue');
  const empty = page.getByTestId('queue-empty');
  if (await empty.isVisible().catch(() => false)) {
    await page.getByTestId('demo-generate').click();
  }
  await expect(rows(page).first()).toBeVisible({ timeout: 60_000 });
}

test('demo data fills the queue; keyboard triage opens and releases a declaration with a reason', async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'queue');

  // A fresh profile explains how to get declarations in.
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await expect(page.getByTestId('queue-empty')).toContainText('inbox/');
  await shoot(page, 'queue-empty-en');
  await expectAccessible(page, 'empty queue');

  await page.getByTestId('demo-generate').click();
  await expect(rows(page).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('queue-count')).toContainText('500');
  await expect(page.getByTestId('queue-hints')).toContainText('release');

  // Priority order: every perishable/expedited row comes before the first plain one.
  const flags = await rows(page).evaluateAll((els) =>
    els.map((el) => (el.querySelector('.cw-flag-perishable, .cw-flag-expedited') ? 1 : 0)),
  );
  const firstPlain = flags.indexOf(0);
  if (firstPlain >= 0) expect(flags.slice(firstPlain)).not.toContain(1);

  // The cursor starts on the first row; j/k move it; Enter opens the row under it.
  await expect(cursorRow(page)).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(cursorRow(page)).toHaveAttribute('aria-rowindex', '4');
  const number = await cursorRow(page).getAttribute('data-number');
  expect(number).toBeTruthy();
  await shoot(page, 'queue-en-dark');
  await expectAccessible(page, 'queue');

  await page.keyboard.press('Enter');
  const pane = page.getByTestId('detail-pane');
  await expect(pane.getByTestId('detail-number')).toHaveText(number as string);
  await expect(pane.getByTestId('goods-items')).toBeVisible();
  // HS codes are grouped for reading.
  await expect(pane.getByTestId('goods-items')).toContainText(/\d{4}\.\d{2}/);
  await expect(pane.getByTestId('risk-hits').or(pane.getByText(queueEn.hits.none))).toBeVisible();
  await shoot(page, 'queue-detail-en-dark');
  await expectAccessible(page, 'detail pane');

  // r asks for a reason; 2 picks the second common reason; Enter confirms.
  await page.keyboard.press('r');
  const dialog = page.getByTestId('reason-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByTestId('reason-text')).toHaveValue(queueEn.reasons.release['2']);
  await shoot(page, 'queue-reason-en-dark');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(pane.locator('[data-status="released"]').first()).toBeVisible();
  await expect(pane.getByTestId('detail-timeline')).toContainText(queueEn.reasons.release['2']);

  // The decision produced a CUSRES and a WCO DM response, shown as text.
  const responses = pane.getByTestId('responses');
  await responses.getByText(queueEn.responses.cusres).first().click();
  await expect(pane.getByTestId('response-cusres').first()).toContainText('CUSRES');
  await pane.getByTestId('response-cusres').first().scrollIntoViewIfNeeded();
  await shoot(page, 'queue-released-en-dark');

  // Esc closes the pane. The queue shows open work, so the released row leaves it; it is one filter away,
  // with the time it took instead of an SLA countdown.
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page.locator(`[data-number="${number}"]`)).toHaveCount(0);
  await page.getByTestId('filter-scope').getByText(queueEn.filters.decided).click();
  await expect(page.locator(`[data-number="${number}"] [data-status="released"]`)).toBeVisible();
  await expect(page.locator(`[data-number="${number}"] [data-sla="taken"]`)).toBeVisible();
});

test('filters by lane and text, bulk-selects with Shift+j and assigns to me', async ({ app: page }) => {
  await openQueueWithDemo(page);

  // Filter by a lane that the demo data has (the demo mix is random): yellow if any, else green.
  const visibleLanes = await rows(page).evaluateAll((els) =>
    els.map((el) => el.querySelector('[data-lane]')?.getAttribute('data-lane')),
  );
  const lane = visibleLanes.includes('yellow') ? 'yellow' : 'green';
  const laneWord = queueEn.lane[lane].name;
  await page.getByTestId('filter-lane').click();
  await page.locator(`.ant-select-item-option[title="${laneWord}"]`).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filters-clear')).toBeVisible();
  await expect(async () => {
    const lanes = await rows(page).evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-lane]')?.getAttribute('data-lane')),
    );
    expect(lanes.length).toBeGreaterThan(0);
    expect(new Set(lanes)).toEqual(new Set([lane]));
  }).toPass();
  if (lane === 'yellow') await expect(page.getByTestId('queue-count')).not.toContainText('500');
  await shoot(page, 'queue-filter-lane-en-dark');

  // `/` focuses the search; a declaration number finds exactly that row.
  await page.getByTestId('filters-clear').click();
  await expect(page.getByTestId('filters-clear')).toBeHidden();
  const number = (await rows(page).nth(4).getAttribute('data-number')) as string;
  await page.locator('[data-testid="queue-grid"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(page.getByTestId('queue-search')).toBeFocused();
  await page.keyboard.type(number);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-number', number);
  await page.getByTestId('queue-search').fill('');
  await expect(rows(page).nth(3)).toBeVisible();

  // Shift+J extends the selection; the bulk bar acts on all of it.
  await page.locator('main').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('Shift+J');
  await expect(page.getByTestId('bulk-bar')).toContainText('3 selected');
  await page.keyboard.press('a');
  await expect(page.locator('[data-testid="queue-grid"] [aria-selected="true"]').first()).toContainText('Chen Jing');
  await shoot(page, 'queue-bulk-en-dark');
});

test('imports a CUSDEC file through the file input and lists the rejects of a bad one', async ({ app: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'clearway-cusdec-'));
  const file = join(dir, 'demo-20.edi');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'main/cli.ts', 'demo', 'cusdec', '--count', '20', '--seed', '7', '--out', file],
    { cwd: root },
  );

  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'queue');
  await expect(page.getByTestId('queue-empty')).toBeVisible();

  await page.getByTestId('import-input').first().setInputFiles(file);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('20 declarations imported', { timeout: 60_000 });
  await page.getByTestId('import-summary-close').click();
  await expect(page.getByTestId('queue-count')).toContainText('20');
  await expect(rows(page)).toHaveCount(20);

  await page.getByTestId('import-input').first().setInputFiles(join(root, 'tests/fixtures/declarations/bad-unt-count.edi'));
  await expect(summary).toBeVisible();
  const rejects = page.getByTestId('import-rejects');
  await expect(rejects).toContainText('bad-unt-count.edi');
  await expect(rejects).toContainText(/UNT/);
  await shoot(page, 'queue-import-rejects-en-dark');
  await page.getByTestId('import-summary-close').click();

  await page.getByTestId('rejects-button').click();
  await expect(page.getByTestId('rejects-list')).toContainText('bad-unt-count.edi');
  await page.keyboard.press('Escape');

  // A China single window CUSDEC reads under its profile; the pane shows how, and the message as received.
  await page
    .getByTestId('import-input')
    .first()
    .setInputFiles(join(root, 'tests/fixtures/declarations/profiles/cn-single-window.edi'));
  await expect(summary).toContainText('5 declarations imported', { timeout: 60_000 });
  await page.getByTestId('import-summary-close').click();
  await page.getByTestId('queue-search').fill('530120261000000456');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-number')).toHaveText('530120261000000456');
  const received = page.getByTestId('detail-pane').getByTestId('received');
  await received.scrollIntoViewIfNeeded();
  await expect(received.getByTestId('received-profile')).toHaveText('cn-single-window');
  await expect(received.getByTestId('received-warnings')).toContainText('"Yangshan Port" is not an office code');
  await received.getByText(queueEn.reads.raw).click();
  await expect(received.getByTestId('received-raw')).toContainText('UNH+');
  await shoot(page, 'queue-received-en-dark');
});

test('release-time dashboard and rule editor: charts, dry run, both themes, accessible', async ({ app: page }) => {
  await openQueueWithDemo(page);
  // Release a few, so the dashboard has release times.
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('r');
  await expect(page.getByTestId('reason-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reason-dialog')).toBeHidden();
  // Released work leaves the open view; a red-lane one among them waits for a second supervisor instead.
  await page.getByTestId('filter-scope').getByText(queueEn.filters.decided).click();
  await expect(page.locator('[data-testid="queue-grid"] [data-status="released"]').first()).toBeVisible();
  await page.getByTestId('filter-scope').getByText(queueEn.filters.open, { exact: true }).click();

  await page.getByTestId('queue-views').getByText('Release times').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('chart-lane').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('kpi-released')).not.toContainText(/^0$/);
  await expect(page.getByTestId('status-trs')).toBeVisible();
  await shoot(page, 'dashboard-en-dark');
  await expectAccessible(page, 'dashboard');

  // A supervisor writes a rule, dry-runs it over the past days, saves it, then saves a second version.
  await page.getByTestId('queue-views').getByText('Risk rules').click();
  await page.getByTestId('rule-new').click();
  const editor = page.getByTestId('rule-editor');
  await editor.getByLabel('Id', { exact: true }).fill('e2e-green-hs');
  await editor.getByLabel('Name', { exact: true }).fill('Documents for goods of chapter 0 to 9');
  await editor.getByLabel('Value 1').fill('0');
  await page.getByTestId('dry-run-button').click();
  await expect(page.getByTestId('dry-run-result')).toBeVisible();
  await expect(page.getByTestId('dry-run-chart').locator('canvas')).toBeVisible();
  await shoot(page, 'rules-en-dark');
  await expectAccessible(page, 'rule editor');

  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await shoot(page, 'rules-en-light');
  await page.getByTestId('queue-views').getByText('Release times').click();
  await expect(page.getByTestId('chart-day').locator('canvas')).toBeVisible();
  await shoot(page, 'dashboard-en-light');
  await expectAccessible(page, 'dashboard light');
  await page.getByTestId('queue-views').getByText('Queue', { exact: true }).click();
  // The view switch keeps focus, and Enter there would press it again: triage keys go to the grid.
  await page.getByTestId('queue-grid').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-pane').getByTestId('goods-items')).toBeVisible();
  await shoot(page, 'queue-detail-en-light');
  await expectAccessible(page, 'queue light');

  await chooseLanguage(page, 'zh-CN');
  await shoot(page, 'queue-detail-zh-light');
});

test('rule editor sends a new rule for a second supervisor’s approval; the rules in force stay as they are', async ({
  app: page,
}) => {
  await openQueueWithDemo(page);
  await page.getByTestId('queue-views').getByText('Risk rules').click();
  await page.getByTestId('rule-new').click();
  const editor = page.getByTestId('rule-editor');
  await editor.getByLabel('Id', { exact: true }).fill('e2e-green-hs');
  await editor.getByLabel('Name', { exact: true }).fill('Documents for goods of chapter 0 to 9');
  await editor.getByLabel('Value 1').fill('0');
  await page.getByTestId('rule-save').click();
  await expect(page.getByText(riskEn.requested.title)).toBeVisible();
  await expect(page.getByTestId('rule-list')).not.toContainText('Documents for goods of chapter 0 to 9');
});

const lodged = new Date(Date.now() - 3_600_000).toISOString();
const arrived = new Date(Date.now() - 1_800_000).toISOString();

/** A declaration in Clearway's JSON import format; `functionCode` 4 amends, 5 replaces, 1 cancels. */
function jsonDeclaration(number: string, o: { functionCode?: string; hs?: string; description?: string; mass?: number } = {}) {
  return {
    functionalReferenceId: number,
    ...(o.functionCode ? { functionCode: o.functionCode } : {}),
    typeCode: 'IM',
    office: 'CNSHA001',
    lodgementTime: lodged,
    arrivalTime: arrived,
    declarant: { id: 'CN1001', name: 'Qianhai Brokerage', country: 'CN' },
    transport: { mode: 'sea', meansId: '9321483', routeCountries: [] },
    goodsItems: [
      {
        sequence: 1,
        description: o.description ?? 'Power transformers',
        hsCode: o.hs ?? '850440',
        originCountry: 'CN',
        grossMassKg: o.mass ?? 1200,
        customsValue: { amount: 18000, currency: 'USD' },
      },
    ],
  };
}

test('an amendment is a new version: the pane shows versions and the difference; after release it waits for post-clearance review', async ({
  app: page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'clearway-amend-'));
  const file = (name: string, list: unknown[]) => {
    writeFileSync(join(dir, name), JSON.stringify(list));
    return join(dir, name);
  };
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'queue');
  const summary = page.getByTestId('import-summary');
  const pane = page.getByTestId('detail-pane');
  const importFile = async (path: string) => page.getByTestId('import-input').first().setInputFiles(path);

  await importFile(file('original.json', [jsonDeclaration('AMD-1'), jsonDeclaration('AMD-2')]));
  await expect(summary).toContainText('2 declarations imported', { timeout: 60_000 });
  await page.getByTestId('import-summary-close').click();

  // An amendment of AMD-1 and AMD-2 sent again unchanged: one new version, one duplicate counted.
  await importFile(
    file('amend.json', [jsonDeclaration('AMD-1', { functionCode: '4', hs: '850450', mass: 1350 }), jsonDeclaration('AMD-2')]),
  );
  await expect(summary).toContainText('1 amendment', { timeout: 60_000 });
  await expect(summary.getByTestId('import-duplicates')).toContainText('1 duplicate');
  await page.getByTestId('import-summary-close').click();

  await page.getByTestId('queue-search').fill('AMD-1');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  await expect(pane.getByTestId('detail-number')).toHaveText('AMD-1');
  const versions = pane.getByTestId('versions');
  await versions.scrollIntoViewIfNeeded();
  await expect(versions.getByTestId('version-2')).toContainText(queueEn.versions.function['4']);
  const changes = versions.getByTestId('version-2-changes');
  await expect(changes).toContainText('goodsItems[1].hsCode');
  await expect(changes).toContainText('850440');
  await expect(changes).toContainText('850450');
  await expect(changes).toContainText('1350');
  await shoot(page, 'queue-versions-en-dark');
  await expectAccessible(page, 'versions and difference');

  // AMD-2 is released, then amended: the release stands and the amendment goes to post-clearance review.
  await page.keyboard.press('Escape');
  await page.getByTestId('queue-search').fill('AMD-2');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  await expect(pane.getByTestId('detail-number')).toHaveText('AMD-2');
  if ((await pane.locator('.cw-detail-sub [data-lane]').getAttribute('data-lane')) === 'red') {
    await page.keyboard.press('i');
    await expect(page.getByTestId('reason-text')).toHaveValue(queueEn.reasons.sendToInspection['1']);
    await page.keyboard.press('Enter');
    await expect(pane.locator('.cw-detail-sub [data-status="inspection"]')).toBeVisible();
  }
  await page.keyboard.press('r');
  await expect(page.getByTestId('reason-dialog')).toBeVisible();
  await expect(page.getByTestId('reason-text')).toHaveValue(queueEn.reasons.release['1']);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reason-dialog')).toBeHidden();
  await expect(pane.locator('.cw-detail-sub [data-status="released"]')).toBeVisible();
  await importFile(
    file('late.json', [jsonDeclaration('AMD-2', { functionCode: '5', description: 'Power transformers, 2 units' })]),
  );
  await expect(summary).toContainText('1 amendment', { timeout: 60_000 });
  await page.getByTestId('import-summary-close').click();
  await expect(pane.getByTestId('note-post-release')).toBeVisible();
  await expect(pane.locator('.cw-detail-sub [data-status="released"]')).toBeVisible();

  await page.getByTestId('queue-views').getByText(queueEn.tabs.reviews).click();
  const reviews = page.getByTestId('reviews');
  await expect(reviews.getByTestId('review-changes-AMD-2')).toContainText('Power transformers, 2 units');
  await shoot(page, 'queue-reviews-en-dark');
  await expectAccessible(page, 'post-clearance review');

  await chooseLanguage(page, 'zh-CN');
  await expect(reviews).toContainText(queueZh.review.mark);
  await shoot(page, 'queue-reviews-zh-CN-dark');
  await reviews.getByTestId('review-AMD-2').click();
  await expect(page.getByTestId('reason-text')).toHaveValue(queueZh.reasons.review['1']);
  await page.keyboard.press('Enter');
  await expect(reviews.getByTestId('review-AMD-2')).toHaveCount(0);

  await page.getByTestId('queue-views').getByText(queueZh.tabs.queue).click();
  await page.getByTestId('queue-search').fill('AMD-1');
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  await pane.getByTestId('versions').scrollIntoViewIfNeeded();
  await expect(pane.getByTestId('version-2-changes')).toContainText('850450');
  await shoot(page, 'queue-versions-zh-CN-dark');
});
