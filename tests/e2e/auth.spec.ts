import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, createUser, expectAccessible, login, shoot, signOut, supervisor, text } from './helpers';

test.beforeEach(async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
});

test('sign out, a wrong password is refused with a clear message, then sign in', async ({ app: page }) => {
  await signOut(page, 'en');
  // A live profile: no demo mark, no demo accounts.
  await expect(page.getByTestId('demo-profile-tag')).toHaveCount(0);
  await expect(page.getByTestId('demo-hint')).toHaveCount(0);
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

test('failed sign-ins hold an account back with a count-down in both languages, and the supervisor is told', async ({
  app: page,
}) => {
  // Six scrypt checks and two sign-ins: give a busy machine time.
  test.slow();
  const officer = { username: 'wu.officer', displayName: 'Wu Lan', password: 'container seven north' };
  await createUser(page, 'en', officer);
  await signOut(page, 'en');
  for (let i = 0; i < 5; i++) {
    await login(page, 'en', officer.username, `wrong password ${i}`);
    await expect(page.getByTestId('login-error')).toBeVisible();
  }
  // The right password is refused too while the wait runs.
  await login(page, 'en', officer.username, officer.password);
  const throttled = page.getByTestId('throttled-error');
  await expect(throttled).toContainText(text('en', 'auth.throttled.title'));
  await expect(page.getByTestId('throttled-wait')).toHaveText(/^Sign-in is paused\. Try again in \d+ s\.$/);
  // The pointer still rests on the button it clicked; its hover shade is not the screen's resting state.
  await page.mouse.move(0, 0);
  await expectAccessible(page, 'login throttled');
  await shoot(page, 'login-en-throttled');

  await chooseLanguage(page, 'zh-CN');
  await expect(throttled).toContainText(text('zh-CN', 'auth.throttled.title'));
  // A loaded machine may have run the 30 s out by now: then the count-down says so.
  await expect(page.getByTestId('throttled-wait')).toHaveText(
    new RegExp(`请在 \\d+ 秒后重试|${text('zh-CN', 'auth.throttled.ready')}`),
  );
  await page.getByTestId('theme-switch').first().click();
  await shoot(page, 'login-zh-throttled-light');
  await page.getByTestId('theme-switch').first().click();

  // The supervisor finds the notice on signing in; the officer never saw it.
  await chooseLanguage(page, 'en');
  await login(page, 'en', supervisor.username, supervisor.password);
  const notice = page.locator('[data-testid="notice"][data-code="auth.throttledAccount"]');
  await expect(notice).toContainText(text('en', 'notices.codes.auth.throttledAccount'));
  await expect(notice).toContainText(officer.username);
  await shoot(page, 'notice-en-throttled');
});
