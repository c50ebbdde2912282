import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
// Before the Paris clock change of Sunday 28 March 2027 (02:00 → 03:00), so the posts are ahead.
test.beforeEach(async () => {
  plume = await startPlume(undefined, { PLUME_CLOCK_START: '2027-03-01T08:00:00Z' });
});
test.afterEach(async () => {
  await plume.stop();
});

const scheduledAt = async (request: APIRequestContext, id: string) => (await plume.call(request, 'posts.get', { id })).scheduledAt;
const chip = (page: Page, id: string) => page.locator(`[data-testid="calendar-entry"][data-entry-id="${id}"]`);
const weekCell = (page: Page, date: string, hour: number) => page.locator(`[data-testid="week-cell"][data-date="${date}"][data-hour="${hour}"]`);

async function seedParis(page: Page, scheduled: string) {
  await page.goto(plume.url);
  await page.getByRole('button', { name: /Commencer avec un espace vide|Start with an empty workspace/ }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris', color: '#1d4ed8' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Passage à l’heure d’été', networks: ['linkedin'], scheduledAt: Date.parse(scheduled) });
  return { partner, post };
}

/** Space picks the post up; the sensor listens for arrows from a timer queued when the drag starts. */
async function pickUp(page: Page, entry: Locator) {
  const handle = entry.getByTestId('entry-handle');
  await handle.focus();
  await expect(handle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(entry).toHaveClass(/dragging/);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

test('on the DST change day, arrow down from Sunday 09:00 steps hour by hour down the same Sunday, to 23:00', async ({ page }) => {
  // Sunday 28 March 2027 09:00 in Paris (UTC+2 since 03:00) = 07:00Z.
  const { post } = await seedParis(page, '2027-03-28T07:00:00Z');
  await page.goto(`${plume.origin}/#/calendar/week/2027-03-28`);
  await expect(weekCell(page, '2027-03-28', 9).locator(chip(page, post.id))).toBeVisible();
  await pickUp(page, chip(page, post.id));
  // Past the bottom of the scrolled grid too: every step is the next hour of that Sunday.
  for (let hour = 10; hour <= 23; hour++) {
    await page.keyboard.press('ArrowDown');
    await expect(weekCell(page, '2027-03-28', hour)).toHaveClass(/drop-over/);
  }
  // The grid's last hour: one more step is said to be the edge, and the post stays on 23:00.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('calendar-live')).toContainText('Bord de la grille\u00a0: toujours au-dessus de');
  await expect(weekCell(page, '2027-03-28', 23)).toHaveClass(/drop-over/);
  await page.keyboard.press('Space');
  await expect(chip(page, post.id)).not.toHaveClass(/dragging/);
  // 23:00 in Paris on that Sunday (UTC+2) = 21:00Z.
  await expect.poll(() => scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-28T21:00:00Z'));
  await expect(weekCell(page, '2027-03-28', 23).locator(chip(page, post.id))).toBeVisible();
});

/** dnd-kit's own live region: what a screen reader says when the post is dropped. */
const announcer = (page: Page) => page.locator('[id^="DndLiveRegion"]');

async function moveWithKeys(page: Page, entry: Locator, keys: string[], target: Locator) {
  await pickUp(page, entry);
  for (const key of keys) await page.keyboard.press(key);
  await expect(target).toHaveClass(/drop-over/);
  await page.keyboard.press('Space');
  await expect(entry).not.toHaveClass(/dragging/);
}

test('a drop on 02:00 of the DST change day is announced as a time that does not exist, and each dialog button lands where it says', async ({ page }) => {
  const { post } = await seedParis(page, '2027-03-28T07:00:00Z');
  await page.goto(`${plume.origin}/#/calendar/week/2027-03-28`);
  const up7 = Array.from({ length: 7 }, () => 'ArrowUp');
  await moveWithKeys(page, chip(page, post.id), up7, weekCell(page, '2027-03-28', 2));
  await expect(announcer(page)).toContainText('02:00 n’existe pas le dimanche 28 mars 2027');
  await expect(announcer(page)).not.toContainText('posé sur');

  const dialog = page.getByTestId('dst-dialog');
  // The day as the page writes dates, not the ISO form.
  await expect(dialog).toContainText('Le dimanche 28 mars 2027, 02:00 n’existe pas');
  const choices = dialog.getByTestId('dst-choice');
  await expect(choices).toHaveText(['Publier à 03:00, dès le changement d’heure', 'Publier à 01:00, avant le changement d’heure']);
  await choices.nth(0).click();
  // 03:00 in Paris just after the change (UTC+2) = 01:00Z.
  await expect.poll(() => scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-28T01:00:00Z'));
  await expect(page.getByTestId('calendar-live')).toContainText('déplacé au');
  // The dialog gone, the focus is on the post where it landed.
  await expect(weekCell(page, '2027-03-28', 3).locator(chip(page, post.id)).getByTestId('entry-handle')).toBeFocused();

  await expect(weekCell(page, '2027-03-28', 3).locator(chip(page, post.id))).toBeVisible();
  await moveWithKeys(page, chip(page, post.id), ['ArrowUp'], weekCell(page, '2027-03-28', 2));
  await dialog.getByTestId('dst-choice').nth(1).click();
  // 01:00 in Paris before the change (UTC+1) = 00:00Z.
  await expect.poll(() => scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-28T00:00:00Z'));
});

test('an exact keyboard drop is announced with the time the post will be published', async ({ page }) => {
  const { post } = await seedParis(page, '2027-03-28T07:00:00Z');
  await page.goto(`${plume.origin}/#/calendar/week/2027-03-28`);
  await moveWithKeys(page, chip(page, post.id), ['ArrowDown'], weekCell(page, '2027-03-28', 10));
  await expect(announcer(page)).toContainText('publication le 28 mars 2027');
  await expect(announcer(page)).toContainText('10:00');
  await expect.poll(() => scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-28T08:00:00Z'));
});

for (const { locale, expected } of [
  { locale: 'fr-FR', expected: '«\u00a0Passage à l’heure d’été\u00a0» reste chez Me Dupont\u00a0: une publication ne change pas de partenaire par glisser-déposer.' },
  { locale: 'en-GB', expected: '“Passage à l’heure d’été” stays with Me Dupont: a post does not change partner by drag and drop.' },
]) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`a keyboard drop on another partner’s lane says why it is refused, out loud (${locale})`, async ({ page }) => {
      const { post } = await seedParis(page, '2027-03-24T08:00:00Z');
      const other = await plume.call(page.request, 'partners.create', { displayName: 'Me Benali', timeZone: 'Africa/Casablanca', color: '#b45309' });
      await page.goto(`${plume.origin}/#/calendar/lanes/2027-03-24`);
      const live = page.getByTestId('calendar-live');
      await expect(live).toBeAttached();
      const lanes = page.getByTestId('lane');
      await expect(lanes).toHaveCount(2);
      // Whichever order the lanes come in, the other partner's lane is one step up or down.
      const otherFirst = (await lanes.first().getAttribute('data-partner')) === other.id;
      await moveWithKeys(page, chip(page, post.id), [otherFirst ? 'ArrowUp' : 'ArrowDown'], page.locator(`[data-testid="lane-cell"][data-partner="${other.id}"][data-date="2027-03-24"]`));
      await expect(announcer(page)).toContainText(expected);
      await expect(live).toContainText(expected);
      expect(await scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-24T08:00:00Z'));
    });
  });
}

const monthCell = (page: Page, date: string) => page.locator(`[data-testid="month-cell"][data-date="${date}"]`);

test('after a keyboard drop the focus is on the moved post’s handle in its new cell, so the user goes on from it', async ({ page }) => {
  // Monday 29 March 2027, 09:00 in Paris (UTC+2) = 07:00Z.
  const { post } = await seedParis(page, '2027-03-29T07:00:00Z');
  await page.goto(`${plume.origin}/#/calendar/month/2027-03-01`);
  await expect(monthCell(page, '2027-03-29').locator(chip(page, post.id))).toBeVisible();
  await moveWithKeys(page, chip(page, post.id), ['ArrowRight'], monthCell(page, '2027-03-30'));
  await expect(announcer(page)).toContainText('publication le 30 mars 2027');
  await expect.poll(() => scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-30T07:00:00Z'));
  const moved = monthCell(page, '2027-03-30').locator(chip(page, post.id)).getByTestId('entry-handle');
  await expect(moved).toBeFocused();
  // Space picks it up again from there, an arrow moves it on, Escape leaves it, still focused.
  await pickUp(page, chip(page, post.id));
  await page.keyboard.press('ArrowRight');
  await expect(monthCell(page, '2027-03-31')).toHaveClass(/drop-over/);
  await page.keyboard.press('Escape');
  await expect(chip(page, post.id)).not.toHaveClass(/dragging/);
  await expect(moved).toBeFocused();
});

test('in the month, arrows go on across week rows: Sunday → the next Monday, Monday → the Sunday before', async ({ page }) => {
  // Sunday 28 March 2027, 09:00 in Paris (UTC+2 since 03:00) = 07:00Z.
  const { post } = await seedParis(page, '2027-03-28T07:00:00Z');
  await page.goto(`${plume.origin}/#/calendar/month/2027-03-01`);
  await expect(monthCell(page, '2027-03-28').locator(chip(page, post.id))).toBeVisible();
  await pickUp(page, chip(page, post.id));
  await page.keyboard.press('ArrowRight');
  await expect(monthCell(page, '2027-03-29')).toHaveClass(/drop-over/);
  await expect(announcer(page)).toContainText('Au-dessus de lundi 29 mars 2027.');
  await page.keyboard.press('ArrowLeft');
  await expect(monthCell(page, '2027-03-28')).toHaveClass(/drop-over/);
  await expect(announcer(page)).toContainText('Au-dessus de dimanche 28 mars 2027.');
  await page.keyboard.press('ArrowRight');
  await expect(monthCell(page, '2027-03-29')).toHaveClass(/drop-over/);
  await page.keyboard.press('Space');
  await expect(chip(page, post.id)).not.toHaveClass(/dragging/);
  // 09:00 in Paris on Monday 29 March = 07:00Z.
  await expect.poll(() => scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-29T07:00:00Z'));
  await expect(monthCell(page, '2027-03-29').locator(chip(page, post.id)).getByTestId('entry-handle')).toBeFocused();
});

for (const { view, cell } of [
  { view: 'week', cell: (page: Page) => weekCell(page, '2027-03-28', 9) },
  { view: 'lanes', cell: (page: Page) => page.locator('[data-testid="lane-cell"][data-date="2027-03-28"]') },
]) {
  test(`in the ${view} view, an arrow past Sunday says the next day is not shown, and the post stays over Sunday`, async ({ page }) => {
    const { post } = await seedParis(page, '2027-03-28T07:00:00Z');
    await page.goto(`${plume.origin}/#/calendar/${view}/2027-03-28`);
    await expect(cell(page).locator(chip(page, post.id))).toBeVisible();
    await pickUp(page, chip(page, post.id));
    await page.keyboard.press('ArrowRight');
    const live = page.getByTestId('calendar-live');
    await expect(live).toContainText('Fin de la période affichée\u00a0: le lundi 29 mars 2027 n’y est pas.');
    await expect(live).toContainText('passez à la période suivante');
    await page.keyboard.press('ArrowLeft');
    await expect(live).not.toContainText('Fin de la période affichée');
    await page.keyboard.press('ArrowRight');
    await expect(cell(page)).toHaveClass(/drop-over/);
    await page.keyboard.press('Space');
    await expect(chip(page, post.id)).not.toHaveClass(/dragging/);
    expect(await scheduledAt(page.request, post.id)).toBe(Date.parse('2027-03-28T07:00:00Z'));
    await expect(live).not.toContainText('Fin de la période affichée');
  });
}
