import { expect, test } from './fixtures';
import syncZh from '../../renderer/features/sync/locales/zh-CN.json';
import { completeSetup, expectAccessible, shoot, supervisor, text } from './helpers';

test('first run: the supervisor account is created and the app opens', async ({ app: page }) => {
  // A fresh profile starts in Chinese and the dark theme.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('heading', { name: text('zh-CN', 'auth.setup.title') })).toBeVisible();
  await expectAccessible(page, 'setup');
  await shoot(page, 'setup-zh-dark');

  // The form checks its fields before anything is sent.
  await page.getByRole('button', { name: text('zh-CN', 'auth.setup.submit') }).click();
  await expect(page.getByText(text('zh-CN', 'auth.validation.usernameRequired'))).toBeVisible();
  await page.getByLabel(text('zh-CN', 'auth.fields.password'), { exact: true }).fill('short');
  await page.getByLabel(text('zh-CN', 'auth.fields.confirm')).fill('different');
  await expect(page.getByText(text('zh-CN', 'auth.validation.passwordLength'))).toBeVisible();
  await expect(page.getByText(text('zh-CN', 'auth.validation.confirmMismatch'))).toBeVisible();
  await shoot(page, 'setup-zh-validation');

  await completeSetup(page, 'zh-CN');
  await expect(page.getByTestId('user-menu')).toContainText(supervisor.displayName);
  await expect(page.getByTestId('user-menu')).toContainText(text('zh-CN', 'roles.supervisor'));
  await expect(page.getByTestId('status-shift')).toContainText(text('zh-CN', 'status.shiftOff'));

  // Reloading keeps the session and never shows the setup again.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toContainText(supervisor.displayName);
  await expect(page.getByRole('heading', { name: text('zh-CN', 'auth.setup.title') })).toHaveCount(0);
});

test('first run with demo data makes a demo profile: marked everywhere, never syncs, demo accounts listed at sign-in', async ({
  app: page,
}) => {
  await completeSetup(page, 'zh-CN', { demo: true });
  await expect(page.getByTestId('demo-banner')).toContainText(text('zh-CN', 'mode.demoBanner'));
  await page.getByTestId('nav-settings').click();
  await page.getByRole('tab', { name: syncZh.tab }).click();
  await expect(page.getByTestId('sync-never')).toBeVisible();
  await expect(page.getByTestId('sync-now')).toBeDisabled();
  await shoot(page, 'sync-demo-zh-dark');

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: text('zh-CN', 'userMenu.signOut') }).click();
  await expect(page.getByTestId('demo-profile-tag')).toHaveText(text('zh-CN', 'mode.demo'));
  await expect(page.getByTestId('demo-hint')).toContainText(text('zh-CN', 'auth.login.demoTitle'));
  await expect(page.getByTestId('demo-hint')).toContainText(text('zh-CN', 'auth.login.demoNeverSyncs'));
  await expectAccessible(page, 'login with demo hint');
  await shoot(page, 'login-demo-zh-dark');
});
