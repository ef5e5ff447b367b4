import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot, supervisor } from './helpers';
import casesEn from '../../renderer/features/cases/locales/en.json';
import casesZh from '../../renderer/features/cases/locales/zh-CN.json';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const screensDir = resolve(__dirname, '..', '..', 'test-results', 'screens');

async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The report's Courier/Helvetica are standard PDF fonts (not embedded): pdf.js reads their metrics from here.
  const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
  let all = '';
  for (let p = 1; p <= doc.numPages; p += 1)
    all += `${(await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')}\n`;
  return all;
}

test('an officer opens a case, adds evidence whose SHA-256 matches, assigns, plans, links, transfers, closes it and exports the PDF', async ({
  app: page,
  host,
}) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'cases');
  await expect(page.getByTestId('audit-chain-state')).toContainText('Audit chain verified');
  // Standalone: nothing countersigned yet, and the tooltip says so.
  await page.getByTestId('audit-chain-state').getByText('Audit chain verified').hover();
  await expect(page.getByRole('tooltip')).toContainText(casesEn.chain.noReceipt);
  await shoot(page, 'cases-chain-tooltip-en');
  await page.mouse.move(0, 0);

  await page.getByRole('button', { name: casesEn.new.button }).click();
  await page.getByLabel(casesEn.new.caseTitle).fill('Undeclared cigarettes in reefer');
  await page.getByLabel(casesEn.subject.ref).fill('MSCU4821907');
  await page.getByRole('button', { name: casesEn.new.open }).click();
  const view = page.getByTestId('case-view');
  await expect(view).toContainText('Undeclared cigarettes in reefer');

  await page.locator('input[type=file]').setInputFiles({ name: 'seal-photo.png', mimeType: 'image/png', buffer: PNG });
  const expected = createHash('sha256').update(PNG).digest('hex');
  await expect(page.getByTestId('evidence-sha256')).toContainText(expected);
  await expect(page.getByTestId('evidence-item')).toContainText(casesEn.evidence.verified);

  // Assignee: the supervisor takes the case.
  await page.getByTestId('case-assignee').click();
  await page.locator('.ant-select-item-option').filter({ hasText: supervisor.displayName }).click();
  await expect(page.getByTestId('case-assignee')).toContainText(supervisor.displayName);

  // A task, ticked done.
  await view.getByLabel(casesEn.task.title).fill('Request the origin seal record');
  await page.getByTestId('case-tasks').getByRole('button', { name: casesEn.common.add }).click();
  const task = page.getByTestId('case-task').filter({ hasText: 'Request the origin seal record' });
  await expect(task).toContainText(casesEn.task.open);
  // Controlled by the stored case: it turns checked once the service has saved it.
  await task.getByRole('checkbox').click();
  await expect(task.getByRole('checkbox')).toBeChecked();
  await expect(task).toContainText(casesEn.task.done);

  // A link to the declaration the container came in on.
  await view.getByLabel(casesEn.link.ref).fill('26CN0001234');
  await view.getByLabel(casesEn.link.label).fill('Frozen fish, 40ft reefer');
  await page.getByTestId('case-links').getByRole('button', { name: casesEn.common.add }).click();
  await expect(page.getByTestId('case-link')).toContainText('26CN0001234');

  // The photo goes to the laboratory: a custody entry.
  await page
    .getByTestId('evidence-item')
    .getByRole('button', { name: /Transfer/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: casesEn.transfer.confirm }).click();
  await expect(dialog).toContainText(casesEn.transfer.toRequired);
  await dialog.getByLabel(casesEn.transfer.to).fill('Shanghai Customs Laboratory');
  await dialog.getByLabel(casesEn.transfer.reason).fill('Ink analysis of the seal');
  await dialog.getByRole('button', { name: casesEn.transfer.confirm }).click();
  await expect(dialog).toBeHidden();
  await expect(view).toContainText('Ink analysis of the seal → Shanghai Customs Laboratory');
  await expect(view).toContainText(casesEn.custody.transferred);

  for (const step of ['under_inspection', 'pending_decision', 'closed'] as const) {
    await page.getByRole('button', { name: casesEn.status.to[step] }).click();
    await expect(view.getByTestId('case-status')).toContainText(casesEn.status[step]);
  }
  // Closed: read-only for everyone until a supervisor reopens it; the line says who closed it.
  const notice = view.getByTestId('case-closed-notice');
  await expect(notice).toContainText(casesEn.closed.title);
  await expect(notice).toContainText(supervisor.displayName);
  await expect(notice).toContainText(casesEn.closed.reopen);
  await expect(view.getByRole('button', { name: casesEn.common.add })).toHaveCount(0);
  for (const label of [
    casesEn.finding.text,
    casesEn.seizure.item,
    casesEn.seizure.quantity,
    casesEn.seizure.location,
    casesEn.task.title,
    casesEn.link.ref,
    casesEn.note.text,
  ]) {
    await expect(view.getByLabel(label)).toHaveCount(0);
  }
  await expect(view.locator('input[type=file]')).toHaveCount(0);
  await expect(view.getByTestId('case-assignee').getByRole('combobox')).toHaveCount(0);
  await expect(view.getByTestId('case-assignee')).toContainText(supervisor.displayName);
  await expect(task.getByRole('checkbox')).toHaveCount(0);
  await expect(task).toContainText(casesEn.task.done);
  // Custody of seized goods goes on after closing; the signed-in supervisor may reopen.
  await expect(page.getByTestId('evidence-item').getByRole('button', { name: /Transfer/ })).toBeEnabled();
  await expect(view.getByRole('button', { name: casesEn.status.to.open })).toBeVisible();
  await view.scrollIntoViewIfNeeded();
  await shoot(page, 'cases-closed-en');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(notice).toBeVisible();
  await shoot(page, 'cases-closed-en-light');
  await expectAccessible(page, 'closed case, light theme');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await expectAccessible(page, 'case view');
  await shoot(page, 'cases-view-en');
  await page.getByTestId('case-links').scrollIntoViewIfNeeded();
  await shoot(page, 'cases-view-lower-en');

  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: casesEn.report.export }).click();
  const file = await download.catch((error: unknown) => {
    throw new Error(
      `no report download: ${String(error)}\nweb host output:\n${host.output()}\nconsole errors:\n${consoleErrors.join('\n')}`,
    );
  });
  const path = await file.path();
  const pdf = readFileSync(path);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(file.suggestedFilename()).toMatch(/^case-C-.*\.pdf$/);
  mkdirSync(screensDir, { recursive: true });
  copyFileSync(path, join(screensDir, 'case-report.pdf'));
  // Page 1 as a picture for review, where poppler is installed (it is on CI).
  if (existsSync('/usr/bin/pdftoppm'))
    execFileSync('/usr/bin/pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path,
      join(screensDir, 'case-report-page1'),
    ]);

  const text = await pdfText(pdf);
  expect(text).toContain(expected);
  for (const fact of [
    'Undeclared cigarettes in reefer',
    'MSCU4821907',
    supervisor.displayName,
    'Request the origin seal record',
    '26CN0001234',
    'Shanghai Customs Laboratory',
    'Audit chain head',
  ]) {
    expect(text).toContain(fact);
  }
  await expect(view).toContainText(casesEn.custody.exported);
});

/** A 640×420 photo-like PNG (sky, quay, a red container) made here, so the thumbnail has something to show. */
async function containerPhoto(): Promise<Buffer> {
  const { PNG: Png } = await import('pngjs');
  const png = new Png({ width: 640, height: 420 });
  for (let y = 0; y < 420; y++)
    for (let x = 0; x < 640; x++) {
      const i = (y * 640 + x) * 4;
      const box = x > 160 && x < 500 && y > 150 && y < 330;
      const rib = box && x % 24 < 4;
      const [r, g, b] = box ? (rib ? [150, 30, 25] : [190, 45, 35]) : y < 200 ? [120, 170, 220 - y / 4] : [90, 95, 100];
      png.data[i] = r!;
      png.data[i + 1] = g!;
      png.data[i + 2] = b!;
      png.data[i + 3] = 255;
    }
  return Png.sync.write(png);
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the evidence list shows thumbnails made by the services (${locale})`, async ({ app: page }) => {
    test.setTimeout(120_000);
    await chooseLanguage(page, locale);
    await completeSetup(page, locale);
    await goTo(page, 'cases');
    const strings = locale === 'en' ? casesEn : casesZh;
    // antd spaces out a two-character Chinese button label ("立 案").
    const label = (text: string) => new RegExp(text.split('').join('\\s*'));
    await page.getByRole('button', { name: label(strings.new.button) }).click();
    await page.getByLabel(strings.new.caseTitle).fill(locale === 'en' ? 'Broken seal on reefer' : '冷藏箱封志破损');
    await page.getByLabel(strings.subject.ref).fill('MSCU4821907');
    await page.getByRole('button', { name: label(strings.new.open) }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'container-photo.png', mimeType: 'image/png', buffer: await containerPhoto() });
    const thumbnail = page.getByTestId('evidence-thumbnail');
    await expect(thumbnail).toBeVisible();
    // A service-made JPEG, not the file itself.
    expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await page.getByTestId('evidence-item').scrollIntoViewIfNeeded();
    await shoot(page, `cases-evidence-thumbnails-${locale}`);
  });
}
