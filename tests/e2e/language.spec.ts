import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, goTo, login, signOut, supervisor, text } from './helpers';

test('the language switches between Chinese and English and is remembered', async ({ app: page }) => {
  await completeSetup(page, 'zh-CN');
  await expect(page.getByTestId('nav-queue')).toContainText(text('zh-CN', 'nav.queue'));

  await chooseLanguage(page, 'en');
  await expect(page.getByTestId('nav-queue')).toContainText(text('en', 'nav.queue'));
  await expect(page.getByTestId('screen-queue')).toContainText(text('en', 'queue.emptyTitle'));

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-queue')).toContainText(text('en', 'nav.queue'));

  // Back to Chinese from the Settings screen; it survives signing out.
  await goTo(page, 'settings');
  await page.getByTestId('settings-locale').click();
  await page.locator('.ant-select-item-option[title="简体中文"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('nav-settings')).toContainText(text('zh-CN', 'nav.settings'));
  await signOut(page, 'zh-CN');
  await page.reload();
  await expect(page.getByRole('heading', { name: text('zh-CN', 'auth.login.title') })).toBeVisible();

  // Chosen before sign-in: applied at once, saved once signed in.
  await chooseLanguage(page, 'en');
  await login(page, 'en', supervisor.username, supervisor.password);
  await expect(page.getByTestId('nav-queue')).toContainText(text('en', 'nav.queue'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
