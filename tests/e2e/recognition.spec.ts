/**
 * The intelligent gate in Chromium, with the fake camera fed by a generated video
 * of three trucks (scripts/gate-video.ts): the lane camera's frames go to the
 * recognition worker, the gate reads each plate, matches the seeded declaration,
 * releases the green-lane truck automatically, and raises alerts for the red-lane
 * truck and for the truck nobody declared; the officer confirms an alert with one key.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { normalisePlate } from '../../preload/contract/schemas/gate';
import { gatePlates, gateVideo, writeGateY4m } from '../../scripts/gate-video';
import { chromiumArgs } from '../support/chromium';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, goTo, shoot } from './helpers';
import { invokeFromPage } from './port-helpers';

const work = mkdtempSync(join(tmpdir(), 'clearway-recognition-'));
// Seed 1 draws an EU, a German and a Chinese plate; each truck is in view about 3 s at 5 fps.
const [greenTruck, redTruck, unknownTruck] = gatePlates(1, 3);
const FPS = 5;
const fakeCamera = join(work, 'gate.y4m');
writeGateY4m(
  fakeCamera,
  gateVideo({
    seed: 1,
    trucks: [greenTruck!, redTruck!, unknownTruck!],
    approachFrames: 2,
    stopFrames: 12,
    leaveFrames: 2,
    gapFrames: 3,
  }),
  FPS,
);

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs(),
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCamera}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
});

interface SiteDocument {
  site: { cameras: { id: string; source: unknown; recognition?: unknown }[] } & Record<string, unknown>;
}

/** Two road declarations, as a JSON file's base64: one for the green truck, one for the red; the third truck has none. */
function declarationsFile(): string {
  const [template] = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'declarations', 'good.json'), 'utf8')) as Record<
    string,
    unknown
  >[];
  const road = (number: string, plate: string) => ({
    ...template,
    functionalReferenceId: number,
    transport: { mode: 'road', vehiclePlate: plate, routeCountries: [] },
    containers: [],
    goodsItems: (template!.goodsItems as Record<string, unknown>[]).map(({ containerIds: _unused, ...item }) => item),
  });
  return Buffer.from(
    JSON.stringify([road('CNGATE000000001', greenTruck!.text), road('CNGATE000000002', redTruck!.text)]),
  ).toString('base64');
}

async function seed(page: Page): Promise<void> {
  await invokeFromPage(page, 'cw:settings.update', { cameraEnabled: true });
  const { site } = await invokeFromPage<SiteDocument>(page, 'cw:site.get');
  const cameras = site.cameras.map((camera) =>
    camera.id === 'cam-lane-1'
      ? // The lane's plate camera is this machine's camera, read below the lane sign.
        {
          ...camera,
          source: { type: 'webcam' },
          recognition: { laneId: 'lane-1', reads: 'plate', roi: { x: 0, y: 0.3, width: 1, height: 0.7 } },
        }
      : camera,
  );
  await invokeFromPage(page, 'cw:site.save', { ...site, cameras });
  const imported = await invokeFromPage<{ result: { imported: number } | null }>(page, 'cw:queue.uploadChunk', {
    uploadId: 'gate-declarations-1',
    index: 0,
    base64: declarationsFile(),
    name: 'gate-declarations.json',
    last: true,
  });
  expect(imported.result?.imported).toBe(2);
  // Whatever lane the risk rules chose, the first goes green and the second red.
  const reroute = (id: string, lane: string) =>
    invokeFromPage(page, 'cw:queue.reroute', { id, lane, reason: 'Gate recognition test lane' }).catch((error: Error) => {
      if (!/already in the/.test(error.message)) throw error;
    });
  await reroute('CNGATE000000001', 'green');
  await reroute('CNGATE000000002', 'red');
  // Four frames a second: each truck is read several times while it stands at the barrier.
  const setup = await invokeFromPage<{ cameras: { cameraId: string; settings: Record<string, unknown> }[] }>(
    page,
    'cw:recognition.setup',
  );
  const lane = setup.cameras.find((c) => c.cameraId === 'cam-lane-1')!;
  await invokeFromPage(page, 'cw:recognition.setCamera', {
    cameraId: 'cam-lane-1',
    settings: { ...lane.settings, frameRate: 4 },
  });
}

test('the gate reads plates from the lane camera, releases a green-lane truck automatically and raises alerts', async ({
  app: page,
}) => {
  test.setTimeout(240_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await seed(page);
  await goTo(page, 'gate');

  // The supervisor turns automatic release on for lane 1 (off until a supervisor says so).
  await page.getByTestId('gate-recognition-settings').click();
  await page.getByTestId('gate-policy-lane-1').click();
  await expect(page.getByTestId('gate-policy-lane-1')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  const green = normalisePlate(greenTruck!.text);
  const red = normalisePlate(redTruck!.text);
  const unknown = normalisePlate(unknownTruck!.text);

  // The lane tile shows the camera live and what it read.
  await expect(page.getByTestId('gate-lane-lane-1').getByTestId('gate-lane-read')).not.toContainText('Nothing read yet', {
    timeout: 60_000,
  });

  // The green truck: released automatically, the barrier opened.
  const released = page.getByTestId('gate-auto-release');
  await expect(released).toContainText(`${green} released automatically`, { timeout: 90_000 });
  await expect(released).toContainText('CNGATE000000001');

  // The red truck and the undeclared one: alerts, each naming why.
  const redAlert = page.locator(`[data-testid="gate-alert"][data-plate="${red}"]`).first();
  await expect(redAlert).toBeVisible({ timeout: 90_000 });
  await expect(redAlert.locator('[data-reason="notGreenLane"]')).toBeVisible();
  await expect(redAlert.getByTestId('gate-alert-candidate')).toContainText('CNGATE000000002');
  const unknownAlert = page.locator(`[data-testid="gate-alert"][data-plate="${unknown}"]`).first();
  await expect(unknownAlert).toBeVisible({ timeout: 90_000 });
  await expect(unknownAlert.locator('[data-reason="noDeclaration"]')).toBeVisible();

  // Every recognised vehicle is in the gate log as a recognition event, linked where it matched.
  // (The video loops: a truck seen again after its barrier opened is no longer expected, so later rows have no declaration.)
  const greenRow = page.getByTestId('gate-log').locator(`tr[data-plate="${green}"]`, { hasText: 'CNGATE000000001' });
  await expect(greenRow).toContainText('Recognition');

  await page.mouse.move(5, 5);
  await shoot(page, 'gate-recognition-en');

  // One key: Enter on the red truck's card confirms it and opens the barrier.
  await redAlert.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${red} confirmed; barrier open.`)).toBeVisible();
  const audit = await invokeFromPage<{ action: string; actorName: string | null }[]>(page, 'cw:audit.list', { limit: 200 });
  expect(audit.find((r) => r.action === 'gate.autoRelease')?.actorName).toBe('Clearway recognition');
  expect(audit.map((r) => r.action)).toEqual(
    expect.arrayContaining(['gate.autoRelease', 'gate.alert', 'gate.alert.confirm', 'recognition.lanePolicy']),
  );

  // The other theme and the other language.
  const theme = (await page.locator('html').getAttribute('data-theme')) ?? 'light';
  await invokeFromPage(page, 'cw:settings.update', { theme: theme === 'dark' ? 'light' : 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme === 'dark' ? 'light' : 'dark');
  await shoot(page, `gate-recognition-en-${theme === 'dark' ? 'light' : 'dark'}`);
  await invokeFromPage(page, 'cw:settings.update', { locale: 'zh-CN' });
  await expect(page.getByTestId('gate-lanes')).toContainText('道闸');
  await shoot(page, 'gate-recognition-zh-CN');
  await invokeFromPage(page, 'cw:settings.update', { theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await shoot(page, `gate-recognition-zh-CN-${theme}`);
});
