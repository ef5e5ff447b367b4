import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, goTo, shoot, supervisor, text } from './helpers';

// The idle lock is decided by the services' timer (it checks every 15 s), not by the
// page, so page.clock cannot drive it: the shortest setting is 1 minute and this test
// waits for it in real time.
test('the screen locks itself after the idle minutes set in Settings', async ({ app: page }) => {
  test.setTimeout(180_000);
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'settings');
  const minutes = page.getByLabel(text('en', 'settings.idleLock'));
  await minutes.fill('1');
  await page.getByTestId('save-settings').click();
  await expect(page.getByText(text('en', 'settings.saved'))).toBeVisible();

  // Hands off: no key, pointer or wheel activity from here on.
  const started = Date.now();
  await expect(page.getByRole('heading', { name: text('en', 'auth.lock.title') })).toBeVisible({ timeout: 120_000 });
  const waited = Date.now() - started;
  // Not before the minute has (almost) passed: activity is reported at most every 30 s.
  expect(waited).toBeGreaterThan(25_000);
  await shoot(page, 'lock-idle-en-dark');

  await page.getByLabel(text('en', 'auth.fields.password'), { exact: true }).fill(supervisor.password);
  await page.getByRole('button', { name: text('en', 'auth.lock.unlock') }).click();
  await expect(page.getByTestId('screen-settings')).toBeVisible();
});
