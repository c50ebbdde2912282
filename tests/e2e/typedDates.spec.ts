import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { openDatelessDraft } from './support/datelessDraft';

let plume: RunningPlume;
test.beforeEach(async () => {
  // 7 December 2026, 09:00 in Paris: « last month » is November 2026.
  plume = await startPlume(undefined, { PLUME_CLOCK_START: '2026-12-07T08:00:00Z' });
});
test.afterEach(async () => {
  await plume.stop();
});

/** A dateless draft for a partner in Paris, open in the editor; the browser is French, in Paris. */
const openDraft = (page: Page) => openDatelessDraft(page, plume, { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });

test('a French user types a date and a time the French way, and reads them back the French way', async ({ page }) => {
  const { post, form } = await openDraft(page);
  const date = form.getByLabel('Date', { exact: true });
  const time = form.getByLabel('Heure', { exact: true });
  // Not the browser's « mm/dd/yyyy » and « --:-- -- » (its own fields follow its language, not Plume's).
  await expect(date).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  await expect(time).toHaveAttribute('placeholder', 'hh:mm');

  await date.pressSequentially('10 mars 2027');
  await time.pressSequentially('9h30');
  await time.blur();
  // Given back in the field's usual form once left.
  await expect(date).toHaveValue('10/03/2027');
  await expect(time).toHaveValue('09:30');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await expect(form.getByRole('status')).toContainText('Date enregistrée\u00a0: 10 mars 2027, 09:30 (heure de Paris).');
  await expect.poll(async () => (await plume.call(page.request, 'posts.get', { id: post.id })).scheduledAt).toBe(Date.parse('2027-03-10T08:30:00Z'));

  // Opened again, the post's date reads day first, the time on 24 hours.
  await page.reload();
  await expect(page.getByTestId('schedule-form').getByLabel('Date', { exact: true })).toHaveValue('10/03/2027');
  await expect(page.getByTestId('schedule-form').getByLabel('Heure', { exact: true })).toHaveValue('09:30');
});

test('a date that does not exist is said so in French, keeps what was typed, and sends nothing', async ({ page }) => {
  const { post, form } = await openDraft(page);
  const date = form.getByLabel('Date', { exact: true });
  await date.pressSequentially('31/02/2027');
  await form.getByLabel('Heure', { exact: true }).pressSequentially('14:00');
  // Written as asked: what is wrong is the day, and the message says so.
  await expect(form.getByRole('alert')).toHaveText('«\u00a031/02/2027\u00a0» n’existe pas\u00a0: février 2027 n’a que 28\u00a0jours.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveValue('31/02/2027');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await expect(form.getByText('Indiquez la date et l’heure de publication.')).toBeVisible();
  // The focus goes to the field to correct, described by its message, not left on the button.
  await expect(date).toBeFocused();
  await expect(date).toHaveAccessibleDescription(/n’existe pas/);
  expect((await plume.call(page.request, 'posts.get', { id: post.id })).scheduledAt).toBeNull();

  // Corrected, the message goes and the date is taken.
  await date.fill('28/02/2027');
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await expect.poll(async () => (await plume.call(page.request, 'posts.get', { id: post.id })).scheduledAt).toBe(Date.parse('2027-02-28T13:00:00Z'));
});

test('a time that does not exist, left straight for the button, is said so under its field', async ({ page }) => {
  const { post, form } = await openDraft(page);
  await form.getByLabel('Date', { exact: true }).pressSequentially('28/02/2027');
  const time = form.getByLabel('Heure', { exact: true });
  await time.pressSequentially('25:00');
  // No message while typing, nor on the way to the button (it would move the button away)…
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Programmer' }).click();
  // …then the form's check shows it under the field, and the focus goes there.
  await expect(time).toHaveAccessibleDescription('«\u00a025:00\u00a0» n’est pas une heure\u00a0: écrivez-la par exemple 14:30 ou 14h30.');
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(time).toBeFocused();
  await expect(form.getByText('Indiquez la date et l’heure de publication.')).toBeVisible();
  expect((await plume.call(page.request, 'posts.get', { id: post.id })).scheduledAt).toBeNull();
});

test('a time the clocks show twice, once chosen, is written with its offset wherever the date is shown', async ({ page }) => {
  const { post, form } = await openDraft(page);
  // 31 October 2027 in Paris: 02:30 comes at UTC+2, then again at UTC+1.
  await form.getByLabel('Date', { exact: true }).pressSequentially('31/10/2027');
  await form.getByLabel('Heure', { exact: true }).pressSequentially('02:30');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await page.getByRole('button', { name: '02:30 UTC+1, la seconde fois' }).click();
  await expect(form.getByRole('status')).toContainText('Date enregistrée\u00a0: 31 oct. 2027, 02:30 UTC+1 (heure de Paris).');
  await expect.poll(async () => (await plume.call(page.request, 'posts.get', { id: post.id })).scheduledAt).toBe(Date.parse('2027-10-31T01:30:00Z'));
  await expect(page.getByText('Prévue le 31 oct. 2027, 02:30 UTC+1 (heure de Paris)')).toBeVisible();
});

test('the calendar beside a date opens in French, weeks from Monday, and picks a day', async ({ page }) => {
  const { form } = await openDraft(page);
  const date = form.getByLabel('Date', { exact: true });
  await date.fill('10/03/2027');
  await form.getByRole('button', { name: 'Ouvrir le calendrier' }).click();
  const calendar = page.getByRole('dialog', { name: 'Calendrier' });
  await expect(calendar).toBeVisible();
  await expect(calendar).toContainText('mars 2027');
  // Monday first, the first of the month written « 1er »; the chosen day has the focus.
  await expect(calendar.getByRole('gridcell').first()).toHaveAccessibleName('lundi 1er mars 2027');
  await expect(calendar.getByRole('button', { name: 'mercredi 10 mars 2027, choisi' })).toBeFocused();
  await saveScreenshot(page, 'typed-date-calendar-fr');
  await calendar.getByRole('button', { name: /vendredi 12 mars 2027/ }).click();
  await expect(calendar).toBeHidden();
  await expect(date).toHaveValue('12/03/2027');
  await expect(date).toBeFocused();

  // Escape closes it without changing anything, the focus back on its button.
  await form.getByRole('button', { name: 'Ouvrir le calendrier' }).click();
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(form.getByRole('button', { name: 'Ouvrir le calendrier' })).toBeFocused();
  await expect(date).toHaveValue('12/03/2027');
});

test('the reports’ month reads « novembre 2026 », and takes a month typed by its name', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await page.goto(`${plume.origin}/#/reports`);
  const month = page.getByTestId('report-month');
  await expect(month).toHaveValue('novembre 2026');
  await month.fill('');
  await month.pressSequentially('octobre 2026');
  await month.blur();
  await expect(month).toHaveValue('octobre 2026');
  await expect(month).not.toHaveAttribute('aria-invalid', 'true');
  await month.fill('brumaire 2026');
  await month.blur();
  await expect(page.getByRole('alert')).toContainText('«\u00a0brumaire 2026\u00a0» n’est pas un mois');
  // Nothing to export for no month: the buttons say so by their look too.
  const csv = page.getByTestId('report-export-csv');
  await expect(csv).toBeDisabled();
  expect(await csv.evaluate((element) => getComputedStyle(element).opacity)).toBe('0.5');
});

test('with the UI in English, a month named in French (as written before the switch) still reads, and is written back in English', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await plume.call(page.request, 'settings.update', { uiLocale: 'en' });
  await page.goto(`${plume.origin}/#/reports`);
  await page.reload();
  const month = page.getByTestId('report-month');
  await expect(month).toHaveValue('November 2026');
  await month.fill('octobre 2026');
  await month.blur();
  await expect(month).toHaveValue('October 2026');
  await expect(month).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // English « Sept. » is September, and a French short form reads too.
  await month.fill('Sept. 2026');
  await month.blur();
  await expect(month).toHaveValue('September 2026');
  await month.fill('déc. 2026');
  await month.blur();
  await expect(month).toHaveValue('December 2026');
  await expect(month).not.toHaveAttribute('aria-invalid', 'true');
});

test('switching the language from another window writes the dates already in their fields in the new language', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await page.goto(`${plume.origin}/#/reports`);
  const month = page.getByTestId('report-month');
  await expect(month).toHaveValue('novembre 2026');
  // Settings saved elsewhere: this tab follows, its month field too, without being touched.
  await plume.call(page.request, 'settings.update', { uiLocale: 'en' });
  await expect(page.getByLabel('Month', { exact: true })).toHaveValue('November 2026');
  await expect(month).not.toHaveAttribute('aria-invalid', 'true');
  await plume.call(page.request, 'settings.update', { uiLocale: 'fr' });
  await expect(page.getByLabel('Mois', { exact: true })).toHaveValue('novembre 2026');
});

test('in English, dates are still day first and times on 24 hours', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'settings.update', { uiLocale: 'en' });
  const { form } = await openDraft(page);
  const date = form.getByLabel('Date', { exact: true });
  const time = form.getByLabel('Time', { exact: true });
  await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await date.pressSequentially('10 March 2027');
  await time.pressSequentially('2:30 pm');
  await time.blur();
  await expect(date).toHaveValue('10/03/2027');
  await expect(time).toHaveValue('14:30');
  await form.getByRole('button', { name: 'Open the calendar' }).click();
  await expect(page.getByRole('dialog', { name: 'Calendar' })).toContainText('March 2027');
});

test('a sign-off deadline picked without its time stops the request and says why', async ({ page }) => {
  const { post } = await openDraft(page);
  const panel = page.getByTestId('signoff-panel');
  await panel.getByRole('button', { name: 'Demander la validation' }).click();
  const form = page.getByTestId('signoff-request-form');
  await form.getByRole('button', { name: 'Ouvrir le calendrier' }).click();
  await page.getByRole('dialog', { name: 'Calendrier' }).getByRole('button', { name: /^\S+ 10 / }).first().click();
  const deadline = form.getByLabel('Échéance (facultatif)', { exact: true });
  await expect(deadline).toHaveValue(/^10\/\d{2}\/\d{4} $/);
  // Straight from the field to the button: the click is not lost to a message moving the button.
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(form).toContainText('n’est pas une date et une heure');
  // The focus lands on the deadline, which its message describes, so a screen reader reads it.
  await expect(deadline).toBeFocused();
  await expect(deadline).toHaveAccessibleDescription(/n’est pas une date et une heure/);
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  expect((await plume.call(page.request, 'signoff.status', { postId: post.id })).status).toBe('draft');
});
