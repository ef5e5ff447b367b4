import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, login, shoot, signOut, supervisor, text } from './helpers';

test.beforeEach(async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
});

test('sign out, a wrong password is refused with a clear message, then sign in', async ({ app: page }) => {
  await signOut(page, 'en');
  await expectAccessible(page, 'login');
  await shoot(page, 'login-en-dark');

  await login(page, 'en', supervisor.username, 'not the password at all');
  const error = page.getByTestId('login-error');
  await expect(error).toContainText(text('en', 'auth.login.badCredentials'));
  await expect(error).toContainText(text('en', 'auth.login.badCredentialsHint'));
  // The password field is cleared for the next try; the username stays.
  await expect(page.getByLabel(text('en', 'auth.fields.password'), { exact: true })).toHaveValue('');
  await expect(page.getByLabel(text('en', 'auth.fields.username'))).toHaveValue(supervisor.username);
  await expectAccessible(page, 'login error');
  await shoot(page, 'login-en-error');

  await login(page, 'en', supervisor.username, supervisor.password);
  await expect(page.getByTestId('user-menu')).toContainText(supervisor.displayName);
});

test('lock by keyboard, refuse a wrong unlock password, unlock, and sign out from the lock screen', async ({ app: page }) => {
  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { name: text('en', 'auth.lock.title') })).toBeVisible();
  await expect(page.getByTestId('lock-user')).toContainText(supervisor.displayName);
  await expectAccessible(page, 'lock');
  await shoot(page, 'lock-en-dark');

  await page.getByLabel(text('en', 'auth.fields.password'), { exact: true }).fill('wrong password here');
  await page.getByRole('button', { name: text('en', 'auth.lock.unlock') }).click();
  await expect(page.getByRole('alert').filter({ hasText: text('en', 'auth.lock.badPassword') })).toBeVisible();

  await page.getByLabel(text('en', 'auth.fields.password'), { exact: true }).fill(supervisor.password);
  await page.getByRole('button', { name: text('en', 'auth.lock.unlock') }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // Locked again from the user menu, then signed out from the lock screen.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: text('en', 'userMenu.lock') }).click();
  await page.getByRole('button', { name: text('en', 'auth.lock.signOut') }).click();
  await expect(page.getByRole('heading', { name: text('en', 'auth.login.title') })).toBeVisible();
});
