import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import en from '../../renderer/i18n/locales/en.json';
import zhCN from '../../renderer/i18n/locales/zh-CN.json';

export type Locale = 'en' | 'zh-CN';
type Tree = { [key: string]: string | Tree };

const dictionaries: Record<Locale, Tree> = { en: en as Tree, 'zh-CN': zhCN as Tree };

/** The UI text for a key, straight from the app's locale files (no interpolation). */
export function text(locale: Locale, key: string): string {
  let node: string | Tree | undefined = dictionaries[locale];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${locale} text for ${key}`);
  return node;
}

export const supervisor = {
  username: 'chen.supervisor',
  displayName: 'Chen Jing',
  password: 'harbour lights at dawn',
  office: 'Yangshan Port',
};

const screensDir = resolve(__dirname, '..', '..', 'test-results', 'screens');

/** Saves a full-window screenshot as test-results/screens/<name>.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  // Let antd's motion settle so the picture shows the resting state.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screensDir, `${name}.png`) });
}

/** axe-core on the current screen: no serious or critical WCAG A/AA violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join('\n  ')}`,
    );
  expect(bad, `axe violations on ${name}`).toEqual([]);
}

/** Chooses a language from the language switch (status bar or sign-in frame). */
export async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
  const label = locale === 'en' ? 'English' : '简体中文';
  await page.getByTestId('language-switch').first().click();
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** First-run setup of the supervisor; ends signed in, in the app. */
export async function completeSetup(page: Page, locale: Locale, options: { demo?: boolean } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: text(locale, 'auth.setup.title') })).toBeVisible();
  await page.getByLabel(text(locale, 'auth.fields.username')).fill(supervisor.username);
  await page.getByLabel(text(locale, 'auth.fields.displayName')).fill(supervisor.displayName);
  await page.getByLabel(text(locale, 'auth.fields.password'), { exact: true }).fill(supervisor.password);
  await page.getByLabel(text(locale, 'auth.fields.confirm')).fill(supervisor.password);
  await page.getByLabel(text(locale, 'auth.fields.office')).fill(supervisor.office);
  if (options.demo) await page.getByLabel(text(locale, 'auth.setup.demo')).check();
  await page.getByRole('button', { name: text(locale, 'auth.setup.submit') }).click();
  await expect(page.getByRole('navigation', { name: text(locale, 'nav.label') })).toBeVisible({ timeout: 20_000 });
}

export async function login(page: Page, locale: Locale, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: text(locale, 'auth.login.title') })).toBeVisible();
  await page.getByLabel(text(locale, 'auth.fields.username')).fill(username);
  await page.getByLabel(text(locale, 'auth.fields.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: text(locale, 'auth.login.submit') }).click();
}

export async function signOut(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: text(locale, 'userMenu.signOut') }).click();
  await expect(page.getByRole('heading', { name: text(locale, 'auth.login.title') })).toBeVisible();
}

export async function goTo(page: Page, screen: 'queue' | 'port' | 'gate' | 'cases' | 'shift' | 'settings'): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  // Park the pointer on the work area, away from the rail's hints.
  await page.mouse.move(720, 400);
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
}

/** Creates an account through Settings › Users (the supervisor must be signed in). */
export async function createUser(
  page: Page,
  locale: Locale,
  user: { username: string; displayName: string; password: string },
): Promise<void> {
  await goTo(page, 'settings');
  await page.getByRole('tab', { name: text(locale, 'settings.tabs.users') }).click();
  await page.getByTestId('create-user').click();
  const dialog = page.getByRole('dialog', { name: text(locale, 'users.createTitle') });
  await dialog.getByLabel(text(locale, 'auth.fields.username')).fill(user.username);
  await dialog.getByLabel(text(locale, 'auth.fields.displayName')).fill(user.displayName);
  await dialog.getByLabel(text(locale, 'users.initialPassword')).fill(user.password);
  await dialog.getByRole('button', { name: text(locale, 'users.create') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('users-table').getByText(user.username)).toBeVisible();
}
