/**
 * Supervisors edit random selection and risk profiles on a fresh, non-demo
 * profile: the starter random selection (version 1) is saved over as version 2,
 * a profile is created and its validity edited; axe and screenshots in both themes.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, expectAccessible, goTo, shoot } from './helpers';
import rulesEn from '../../renderer/features/risk/locales/en.json';

async function openRules(page: Page): Promise<void> {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await goTo(page, 'queue');
  await page.getByTestId('queue-views').getByText('Risk rules').click();
  await expect(page.getByTestId('rules')).toBeVisible();
}

test('supervisor edits random selection rates and a profile validity on a fresh profile', async ({ app: page }) => {
  await openRules(page);

  // Random selection: the starter selection is in force as version 1.
  await page.getByRole('tab', { name: rulesEn.tabs.random }).click();
  const random = page.getByTestId('random-editor');
  await expect(page.getByTestId('random-version')).toContainText('Version 1');
  await random.getByLabel(rulesEn.random.defaultExpected, { exact: true }).fill('4');
  await random.getByLabel(rulesEn.random.defaultMinimum, { exact: true }).fill('1.5');
  await random.getByLabel(rulesEn.random.aeoFactor, { exact: true }).fill('0.25');
  await page.getByTestId('random-add-office').click();
  const rows = page.getByTestId('random-offices').locator('tr.ant-table-row');
  const newRow = await rows.count();
  await random.getByLabel(`Office code, row ${newRow}`).fill('cnngb001');
  await random.getByLabel(`Expected rate, row ${newRow}`).fill('6');
  // A minimum above the expected rate is named, with its row, and blocks the save.
  await random.getByLabel(`Minimum rate, row ${newRow}`).fill('7');
  await random.getByLabel(`Minimum rate, row ${newRow}`).blur();
  await expect(page.getByTestId('random-problems')).toContainText(`Office row ${newRow}`);
  await expect(page.getByTestId('random-problems')).toContainText('minimum rate 7 % is above the expected rate 6 %');
  await expect(page.getByTestId('random-save')).toBeDisabled();
  await random.getByLabel(`Minimum rate, row ${newRow}`).fill('2');
  await random.getByLabel(`Minimum rate, row ${newRow}`).blur();
  await expect(page.getByTestId('random-problems')).toBeHidden();
  await expect(page.getByTestId('random-save')).toContainText('version 2');
  await page.getByTestId('random-save').click();
  await expect(page.getByTestId('random-version')).toContainText('Version 2');
  await expect(page.getByTestId('random-version')).toContainText('chen.supervisor');
  await expect(page.getByTestId('random-save')).toContainText('version 3');
  // What was saved is what is shown after the reload: the office row upper-cased, rates as percentages.
  await expect(random.getByLabel(`Office code, row ${newRow}`)).toHaveValue('CNNGB001');
  await expect(random.getByLabel(`Minimum rate, row ${newRow}`)).toHaveValue('2.0');
  await expect(random.getByLabel(rulesEn.random.defaultMinimum, { exact: true })).toHaveValue('1.5');
  // Park the pointer away from the buttons so they show their resting colours.
  await page.mouse.move(1200, 700);
  await shoot(page, 'risk-random-en-dark');
  await expectAccessible(page, 'random selection editor');

  // Profiles: create one, then edit its validity (a new version).
  await page.getByRole('tab', { name: /^Profiles/ }).click();
  await page.getByTestId('profile-new').click();
  const editor = page.getByTestId('profile-editor');
  await editor.getByLabel('Id', { exact: true }).fill('e2e-ipr');
  await editor.getByLabel(rulesEn.profile.name, { exact: true }).fill('IPR: sports footwear');
  await editor.getByLabel(rulesEn.profile.validFrom, { exact: true }).fill('2026-01-01');
  await editor.getByLabel(rulesEn.profile.validTo, { exact: true }).fill('2026-06-30');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-list')).toContainText('2026-01-01 – 2026-06-30');
  await expect(page.getByTestId('profile-save')).toContainText('version 2');
  await expect(page.getByTestId('profile-rule-count')).toHaveText('0 rules');

  // An end before the start is named and blocks the save.
  await editor.getByLabel(rulesEn.profile.validTo, { exact: true }).fill('2025-12-31');
  await expect(page.getByTestId('profile-validity-hint')).toContainText(
    'Valid to (2025-12-31) is before valid from (2026-01-01)',
  );
  await expect(page.getByTestId('profile-save')).toBeDisabled();
  await shoot(page, 'risk-profile-reversed-en-dark');
  await editor.getByLabel(rulesEn.profile.validTo, { exact: true }).fill('2026-09-30');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-list')).toContainText('2026-01-01 – 2026-09-30');
  await expect(page.getByTestId('profile-list').locator('tr.ant-table-row').first()).toContainText('2');
  await expect(page.getByTestId('profile-save')).toContainText('version 3');
  await page.mouse.move(1200, 700);
  await shoot(page, 'risk-profiles-en-dark');
  await expectAccessible(page, 'profile editor');

  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await shoot(page, 'risk-profiles-en-light');
  await expectAccessible(page, 'profile editor light');
  await page.getByRole('tab', { name: rulesEn.tabs.random }).click();
  await shoot(page, 'risk-random-en-light');
  await expectAccessible(page, 'random selection editor light');

  await chooseLanguage(page, 'zh-CN');
  await expect(page.getByTestId('random-version')).toContainText('版本 2');
  await page.mouse.move(1200, 700);
  await shoot(page, 'risk-random-zh-light');
});
