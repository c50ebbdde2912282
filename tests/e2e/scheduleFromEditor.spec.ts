import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { openDatelessDraft } from './support/datelessDraft';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/** A draft without a date for a partner in Toronto, opened in the editor (the browser runs in Paris). */
const openTorontoDraft = (page: Page) => openDatelessDraft(page, plume, { displayName: 'Me Jeanne Tremblay', timeZone: 'America/Toronto' });

const scheduledAt = async (page: Page, id: string) => (await plume.call(page.request, 'posts.get', { id })).scheduledAt;

test('the editor sets a post’s date on its partner’s clock, says what time that is here, and removes it', async ({ page }) => {
  const { post, form } = await openTorontoDraft(page);
  await expect(page.getByTestId('publication-panel')).toContainText('Pas encore de date de publication.');
  await expect(form).toContainText('heure de Toronto');
  await form.getByLabel('Date').fill('2027-03-10');
  await form.getByLabel('Heure').fill('09:00');
  // 09:00 in Toronto (UTC−5 in March before the change) is 15:00 in Paris.
  await expect(form).toContainText('Soit 10 mars 2027, 15:00 pour vous (heure de Paris).');
  await form.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'schedule-from-editor-fr');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await expect(form.getByRole('status')).toContainText('Date enregistrée\u00a0: 10 mars 2027, 09:00 (heure de Toronto).');
  await expect.poll(() => scheduledAt(page, post.id)).toBe(Date.parse('2027-03-10T14:00:00Z'));
  await expect(page.getByTestId('publication-panel')).toContainText('Prévue le 10 mars 2027, 09:00 (heure de Toronto)');
  // The calendar shows it on that day.
  const stored = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(stored.scheduledZone).toBe('America/Toronto');

  await form.getByRole('button', { name: 'Retirer la date' }).click();
  await expect.poll(() => scheduledAt(page, post.id)).toBeNull();
  await expect(page.getByTestId('publication-panel')).toContainText('Pas encore de date de publication.');
});

test('a time the clocks skip asks which instant is meant; a time already past or half typed is refused, nothing sent', async ({ page }) => {
  const { post, form } = await openTorontoDraft(page);
  await form.getByLabel('Date').fill('2027-03-14');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await expect(form.getByRole('alert')).toHaveText('Indiquez la date et l’heure de publication.');

  await form.getByLabel('Date').fill('2020-01-06');
  await form.getByLabel('Heure').fill('10:00');
  await form.getByRole('button', { name: 'Programmer' }).click();
  await expect(form.getByRole('alert')).toHaveText('Cette heure est déjà passée (heure de Toronto)\u00a0: choisissez une heure à venir.');
  expect(await scheduledAt(page, post.id)).toBeNull();

  // Toronto moves its clocks from 02:00 to 03:00 on Sunday 14 March 2027.
  await form.getByLabel('Date').fill('2027-03-14');
  await form.getByLabel('Heure').fill('02:30');
  await form.getByRole('button', { name: 'Programmer' }).click();
  const dialog = page.getByTestId('dst-dialog');
  await expect(dialog).toContainText('Le dimanche 14 mars 2027, 02:30 n’existe pas');
  await dialog.getByTestId('dst-choice').first().click();
  // 03:00 EDT (UTC−4) just after the change.
  await expect.poll(() => scheduledAt(page, post.id)).toBe(Date.parse('2027-03-14T07:00:00Z'));
});
