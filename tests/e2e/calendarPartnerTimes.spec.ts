import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * A Paris viewer, a Paris partner and a Montréal partner around the autumn clock changes of
 * 2026 (Paris on 25 Oct, Montréal on 1 Nov): repeated times told apart on the chips, the
 * partner's other day in words, the partner's time in a move's notice, whose post a search hit is.
 */
test.use({ timezoneId: 'Europe/Paris' });

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume(undefined, { PLUME_CLOCK_START: '2026-10-20T08:00:00Z' });
});
test.afterEach(async () => {
  await plume.stop();
});

const chip = (page: Page, id: string) => page.locator(`[data-testid="calendar-entry"][data-entry-id="${id}"]`);

async function seed(page: Page) {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const dupont = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', color: '#1d4ed8' });
  const tremblay = await plume.call(page.request, 'partners.create', { displayName: 'Me Luc Tremblay', timeZone: 'America/Montreal', color: '#b91c1c' });
  const post = async (partnerId: string, title: string, iso: string) =>
    plume.call(page.request, 'posts.create', { partnerId, title, networks: ['linkedin'], scheduledAt: Date.parse(iso) });
  return {
    summer: await post(dupont.id, 'Deux heures trente, été', '2026-10-25T00:30:00Z'),
    winter: await post(dupont.id, 'Deux heures trente, hiver', '2026-10-25T01:30:00Z'),
    lateMontreal: await post(tremblay.id, 'Réforme des contrats au Québec', '2026-11-01T03:30:00Z'),
    friday: await post(tremblay.id, 'Montréal 08h00 vendredi 30 oct', '2026-10-30T12:00:00Z'),
  };
}

test('a time the clocks show twice carries its offset, and the partner’s other day is written in words', async ({ page }) => {
  const posts = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-10-01`);
  await expect(chip(page, posts.summer.id).getByTestId('entry-time')).toHaveText('02:30 UTC+2');
  await expect(chip(page, posts.winter.id).getByTestId('entry-time')).toHaveText('02:30 UTC+1');
  await expect(chip(page, posts.winter.id).getByTestId('entry-handle')).toHaveAttribute('aria-label', /02:30 UTC\+1/);
  // 04:30 on Sunday 1 Nov in Paris is 23:30 on Saturday 31 Oct in Montréal.
  await expect(chip(page, posts.lateMontreal.id).getByTestId('entry-time')).toHaveText('04:30');
  await expect(chip(page, posts.lateMontreal.id).getByTestId('partner-local-time')).toHaveText('23:30 le sam. 31 oct. (heure de Montréal)');
});

test('a moved post’s notice gives the partner’s own time beside the viewer’s', async ({ page }) => {
  const posts = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-10-01`);
  const handle = chip(page, posts.friday.id).getByTestId('entry-handle');
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(chip(page, posts.friday.id)).toHaveClass(/dragging/);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  // A week later, 08:00 kept in Montréal (UTC-5 by then): 14:00 in Paris.
  await expect(page.getByTestId('calendar-live')).toContainText('«\u00a0Montréal 08h00 vendredi 30 oct\u00a0» déplacé au vendredi 6 nov. 2026, 14:00 (08:00 heure de Montréal)');
});

test('a search hit says whose post it is, on which network, its status and the partner’s time', async ({ page }) => {
  await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-10-01`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('contrats');
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.getByTestId('search-hit-partner')).toHaveText('Me Luc Tremblay');
  await expect(hit).toContainText('LinkedIn');
  await expect(hit).toContainText('Brouillon');
  await expect(hit).toContainText('23:30 le sam. 31 oct. (heure de Montréal)');
});

test.describe('a community manager in Montréal', () => {
  // Chromium resolves America/Montreal (a tz link) to America/Toronto.
  test.use({ timezoneId: 'America/Montreal' });

  test('is never told the times are Toronto’s', async ({ page }) => {
    await page.goto(plume.url);
    await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
    await page.goto(`${plume.origin}/#/calendar/month/2026-10-01`);
    await expect(page.getByText(/^Heures affichées à l’/)).toHaveText('Heures affichées à l’heure de l’Est');
  });
});
