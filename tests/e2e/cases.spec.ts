import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot, supervisor } from './helpers';
import casesEn from '../../renderer/features/cases/locales/en.json';
import evidenceEn from '../../renderer/features/evidence/locales/en.json';
import evidenceZh from '../../renderer/features/evidence/locales/zh-CN.json';
import { leavingLoopback, recordNetwork } from './network-recorder';
import { chooseCamera, invokeFromPage } from './port-helpers';
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

interface CaseOut {
  id: string;
  ref: string;
  subject: { kind: string; ref: string };
  evidence: { sha256: string; source: string; sourceRef: string | null }[];
  custody: { action: string; evidenceId: string }[];
  links: { kind: string; ref: string }[];
}

test('camera snapshots go into new and open cases from the wall, port view, panorama and gate; cases open from a gate event and a declaration; no request leaves loopback', async ({
  page,
  context,
  host,
}) => {
  // Software WebGL on a shared two-core machine: the 3D camera and the panorama take their time.
  test.setTimeout(480_000);
  // Every request of the session, from the first navigation on, pages, workers and WebSockets alike.
  const network = await recordNetwork(context, page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');

  // A declaration that came by road, and its truck seen at lane 1 through the lane camera.
  await invokeFromPage(page, 'cw:queue.demo', { count: 40, seed: 4 });
  const list = await invokeFromPage<{ rows: { number: string }[] }>(page, 'cw:queue.list', {
    filter: { statuses: ['pending', 'held', 'documentsRequested', 'inspection'] },
    limit: 40,
  });
  let number = '';
  let roadPlate = '';
  for (const row of list.rows) {
    const detail = await invokeFromPage<{ declaration: { transport: { vehiclePlate?: string } } }>(page, 'cw:queue.get', {
      id: row.number,
    });
    if (detail.declaration.transport.vehiclePlate) {
      number = row.number;
      roadPlate = detail.declaration.transport.vehiclePlate;
      break;
    }
  }
  expect(roadPlate, 'a demo declaration by road').not.toBe('');
  const event = await invokeFromPage<{ id: string; plate: string }>(page, 'cw:gate.record', {
    laneId: 'lane-1',
    direction: 'arrival',
    plate: roadPlate,
    cameraId: 'cam-lane-1',
  });

  const dialog = page.getByRole('dialog', { name: evidenceEn.dialog.titleSnapshot });
  const snapshotSha = async () => {
    await expect(dialog.getByTestId('add-to-case-sha')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 45_000 });
    return (await dialog.getByTestId('add-to-case-sha').textContent())!.trim();
  };
  const newCase = dialog.getByRole('radio', { name: evidenceEn.dialog.newCase });

  // 1. A camera-wall tile, with no case yet: a new case, titled after the camera; the officer names the subject.
  await goTo(page, 'port');
  await page.getByTestId('port-view-switch').getByText('Camera wall').click();
  const tile = page.getByTestId('wall-tile').first();
  await expect(tile.getByTestId('camera-health')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await tile.getByTestId('wall-add-to-case').click();
  const wallSha = await snapshotSha();
  await expect(newCase).toBeChecked();
  await expect(dialog.getByTestId('add-to-case-title')).toHaveValue(/snapshot/);
  await dialog.getByTestId('add-to-case-submit').click();
  await expect(dialog).toContainText(casesEn.new.refRequired);
  await dialog.getByTestId('add-to-case-ref').fill('MSCU4821907');
  await page.mouse.move(0, 0);
  await shoot(page, 'add-to-case-wall-en-dark');
  await expectAccessible(page, 'add to case from the wall');
  await dialog.getByTestId('add-to-case-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('add-to-case-done')).toContainText('as evidence');

  // 2. The port view's camera: the case just used is offered first, so it is two clicks.
  await page.getByTestId('port-view-switch').getByText('3D overview').click();
  await chooseCamera(page, 'Lane 1 plate camera');
  await expect(page.getByTestId('port-add-to-case')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('port-add-to-case').click();
  const portSha = await snapshotSha();
  await expect(dialog.getByRole('radio', { name: /MSCU4821907/ })).toBeChecked();
  await shoot(page, 'add-to-case-port-en-dark');
  await dialog.getByTestId('add-to-case-submit').click();
  await expect(dialog).toBeHidden();

  // 3. The 360° panorama, by its key (c): this one starts a case of its own.
  await chooseCamera(page, 'Inspection hall 360° · 360°');
  await expect(page.getByTestId('port-scene')).toHaveAttribute('data-mode', 'panorama', { timeout: 60_000 });
  await expect(page.getByTestId('port-add-to-case')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('port-canvas').focus();
  await page.keyboard.press('c');
  const panoramaSha = await snapshotSha();
  await newCase.check();
  await expect(dialog.getByTestId('add-to-case-title')).toHaveValue(/360°/);
  await dialog.getByTestId('add-to-case-ref').fill('TGHU 8837156');
  await shoot(page, 'add-to-case-panorama-en-dark');
  await dialog.getByTestId('add-to-case-submit').click();
  await expect(dialog).toBeHidden();

  // 4. The gate log: the event's camera, into a new case about the truck, linked to the event and its declaration.
  await goTo(page, 'gate');
  const row = page.getByTestId('gate-log').locator(`tr[data-plate="${event.plate}"]`);
  await row.getByTestId('gate-add-to-case').click();
  const gateSha = await snapshotSha();
  await newCase.check();
  await expect(dialog.getByTestId('add-to-case-ref')).toHaveValue(event.plate);
  await expect(dialog.getByTestId('add-to-case-title')).toHaveValue(
    `Vehicle ${event.plate} at Main gate · Lane 1 (inbound trucks)`,
  );
  await shoot(page, 'add-to-case-gate-en-dark');
  await dialog.getByTestId('add-to-case-submit').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('add-to-case-show').last().click();
  const view = page.getByTestId('case-view');
  await expect(view).toContainText(`Vehicle ${event.plate}`);
  await expect(page.getByTestId('evidence-sha256')).toContainText(gateSha);
  await expect(view).toContainText(number);

  // 5. A second gate snapshot of the same truck: its open case is found by the plate and offered first.
  await goTo(page, 'gate');
  await row.getByTestId('gate-add-to-case').click();
  await snapshotSha();
  await expect(dialog.getByRole('radio', { name: new RegExp(`Vehicle ${event.plate}$`) })).toBeChecked();
  await dialog.getByRole('button', { name: evidenceEn.dialog.cancel }).click();

  // 6. A case opened from the gate event, without a snapshot: prefilled, linked, and shown.
  await row.getByTestId('gate-open-case').click();
  const openDialog = page.getByRole('dialog', { name: evidenceEn.dialog.titleOpen });
  await expect(openDialog.getByTestId('add-to-case-ref')).toHaveValue(event.plate);
  await openDialog.getByTestId('add-to-case-title').fill(`Seal tampering on ${event.plate}`);
  await openDialog.getByTestId('add-to-case-submit').click();
  await expect(page.getByTestId('screen-cases')).toBeVisible();
  await expect(view).toContainText(`Seal tampering on ${event.plate}`);
  await expect(page.getByTestId('case-link')).toHaveCount(2);

  // 7. A case opened from the declaration in the queue.
  await goTo(page, 'gate');
  await row.getByTestId('gate-open-declaration').click();
  await expect(page.getByTestId('detail-number')).toHaveText(number);
  await page.getByTestId('detail-open-case').click();
  await expect(openDialog.getByTestId('add-to-case-title')).toHaveValue(`Declaration ${number}`);
  await shoot(page, 'open-case-declaration-en-dark');
  await openDialog.getByTestId('add-to-case-submit').click();
  await expect(page.getByTestId('screen-cases')).toBeVisible();
  await expect(view).toContainText(`Declaration ${number}`);
  await expect(page.getByTestId('case-link')).toContainText(number);

  // What the services hold: each snapshot once, hashed, with an intake entry in its case's custody log.
  const cases = await invokeFromPage<CaseOut[]>(page, 'cw:cases.list', {});
  expect(cases).toHaveLength(5);
  const detail = (ref: string) =>
    invokeFromPage<CaseOut>(page, 'cw:cases.get', { id: cases.find((c) => c.subject.ref === ref)!.id });
  const container = await detail('MSCU4821907');
  expect(container.evidence.map((e) => e.sha256)).toEqual([wallSha, portSha]);
  expect(container.evidence.map((e) => e.source)).toEqual(['camera', 'camera']);
  expect(container.evidence.map((e) => e.sourceRef)).toEqual(['Lane 1 plate camera', 'Lane 1 plate camera']);
  expect(container.custody.filter((c) => c.action === 'intake')).toHaveLength(2);
  expect((await detail('TGHU 8837156')).evidence.map((e) => [e.sha256, e.sourceRef])).toEqual([
    [panoramaSha, 'Inspection hall 360°'],
  ]);
  const truck = cases.filter((c) => c.subject.ref === event.plate);
  expect(truck).toHaveLength(2);

  // The same dialog in Chinese and the light theme.
  await chooseLanguage(page, 'zh-CN');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await goTo(page, 'port');
  await page.getByTestId('port-view-switch').locator('label').nth(1).click();
  await expect(tile.getByTestId('camera-health')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await tile.getByTestId('wall-add-to-case').click();
  const zhDialog = page.getByRole('dialog', { name: evidenceZh.dialog.titleSnapshot });
  await expect(zhDialog.getByTestId('add-to-case-sha')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 45_000 });
  await expect(zhDialog).toContainText(evidenceZh.dialog.custody);
  await shoot(page, 'add-to-case-wall-zh-CN-light');
  await expectAccessible(page, 'add to case, zh-CN light');
  await page.keyboard.press('Escape');
  await expect(zhDialog).toBeHidden();
  await page.keyboard.press('Alt+T');

  // No network: a CDN is refused by the page's policy, and nothing the session did left this machine.
  const cdn = await page.evaluate(() =>
    fetch('https://cdn.jsdelivr.net/npm/@mediapipe/tasks-vision@0.10.14/wasm/vision_wasm_internal.wasm').then(
      () => 'fetched',
      () => 'refused',
    ),
  );
  expect(cdn).toBe('refused');
  expect(
    network.urls.some((url) => url.includes('/media/cam-lane-1.webm')),
    'camera media was recorded',
  ).toBe(true);
  expect(
    network.urls.some((url) => url.startsWith('ws://127.0.0.1')),
    'the service WebSocket was recorded',
  ).toBe(true);
  expect(leavingLoopback([...network.urls, ...network.workers])).toEqual([]);
  expect(errors, 'uncaught errors in the page').toEqual([]);
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
