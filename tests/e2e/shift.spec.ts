import { expect, test } from './fixtures';
import { chooseLanguage, completeSetup, createUser, goTo, login, shoot, signOut, supervisor, text } from './helpers';

const officer = { username: 'wang.officer', displayName: 'Wang Lei', password: 'container yard seven' };
const notes = 'Truck SH-A1234 held at gate 3 pending lab result.\nX-ray scanner 2 restarted at 05:40.';

test('a shift ends with handover notes that the next officer reads and acknowledges', async ({ app: page }) => {
  await chooseLanguage(page, 'en');
  await completeSetup(page, 'en');
  await createUser(page, 'en', officer);

  // The supervisor works a shift and hands over.
  await goTo(page, 'shift');
  const start = page.getByTestId('start-shift');
  await expect(start).toContainText(text('en', 'shift.noHandover'));
  await expect(start.getByLabel(text('en', 'shift.office'))).toHaveValue(supervisor.office);
  await start.getByRole('button', { name: text('en', 'shift.start') }).click();
  await expect(page.getByTestId('current-shift')).toBeVisible();
  await expect(page.getByTestId('status-shift')).toContainText(supervisor.office);

  // Handover notes are required.
  await page.getByRole('button', { name: text('en', 'shift.end') }).click();
  await expect(page.getByText(text('en', 'shift.validation.handoverRequired'))).toBeVisible();
  await page.getByTestId('handover-notes').fill(notes);
  await shoot(page, 'shift-end-en-dark');
  await page.getByRole('button', { name: text('en', 'shift.end') }).click();
  await expect(page.getByTestId('start-shift')).toBeVisible();
  await expect(page.getByTestId('status-shift')).toContainText(text('en', 'status.shiftOff'));
  await expect(page.getByTestId('recent-shifts')).toContainText(text('en', 'shift.ended'));
  await signOut(page, 'en');

  // The next officer sees the notes and must acknowledge them to start.
  await login(page, 'en', officer.username, officer.password);
  await goTo(page, 'shift');
  const handover = page.getByTestId('last-handover');
  await expect(handover).toContainText('Truck SH-A1234 held at gate 3');
  await expect(handover).toContainText(supervisor.displayName);
  await shoot(page, 'shift-handover-en-dark');
  await page
    .getByTestId('start-shift')
    .getByRole('button', { name: text('en', 'shift.start') })
    .click();
  await expect(page.getByText(text('en', 'shift.validation.acknowledge'))).toBeVisible();
  await page.getByText(text('en', 'shift.acknowledge')).click();
  await expect(page.getByRole('checkbox', { name: text('en', 'shift.acknowledge') })).toBeChecked();
  await page
    .getByTestId('start-shift')
    .getByRole('button', { name: text('en', 'shift.start') })
    .click();
  await expect(page.getByTestId('current-shift')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(officer.displayName);
  await expect(page.getByTestId('user-menu')).toContainText(text('en', 'roles.officer'));
  await expect(page.getByTestId('status-shift')).toContainText(supervisor.office);

  // An officer has no user management or audit log.
  await goTo(page, 'settings');
  await expect(page.getByRole('tab', { name: text('en', 'settings.tabs.users') })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: text('en', 'settings.tabs.audit') })).toHaveCount(0);
});
