import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { insertPosts } from './support/bulkPosts';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * A workspace larger than a page of any list. The Posts page used to read the newest 500 posts
 * and show them as if they were all (no count, no search, the rest out of reach); Ctrl+K and the
 * calendar's search showed their best 20 or 50 hits without a word of the others.
 */
const POSTS = 1_100;
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/** Me Dupont and Youssef Benali, and POSTS posts over the hours since 2024, written as a workspace of years holds them. */
async function seed(page: Page): Promise<void> {
  await page.goto(plume.url);
  const dupont = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const benali = await plume.call(page.request, 'partners.create', { displayName: 'Youssef Benali', timeZone: 'Africa/Casablanca' });
  insertPosts(
    plume.dataDir,
    Array.from({ length: POSTS }, (_, i) => ({
      partnerId: i % 5 === 0 ? benali.id : dupont.id,
      title: `Billet ${String(i).padStart(4, '0')}`,
      text: i === 0 ? 'Notre toute première publication, sur l’usucapion.' : i % 2 === 0 ? 'Un mot sur la médiation.' : 'Un mot sur le bail.',
      status: i % 4 === 0 ? 'draft' : 'published',
      at: Date.UTC(2024, 0, 1) + i * 3_600_000,
    })),
  );
}

test('every post of a large workspace can be counted, scrolled to and found', async ({ page }) => {
  test.setTimeout(90_000);
  await seed(page);
  await page.reload();
  await page.getByRole('link', { name: 'Publications' }).click();
  const count = page.getByTestId('post-count');
  await expect(count).toHaveText('1\u202f100\u00a0publications');
  await expect(page.getByTestId('post-item').first()).toContainText('Billet 1099');
  await expect(page.getByTestId('post-item').first().locator('xpath=..')).toHaveAttribute('aria-setsize', String(POSTS));

  // Scrolling to the end reads the older pages, down to the very first post.
  const pane = page.locator('.post-list-pane');
  const oldest = page.getByTestId('post-item').filter({ hasText: 'Billet 0000' });
  await expect(async () => {
    await pane.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(oldest).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(oldest.locator('xpath=..')).toHaveAttribute('aria-posinset', String(POSTS));

  // A word of the oldest post finds it at once, the count following the search.
  await pane.evaluate((element) => element.scrollTo({ top: 0 }));
  await page.getByLabel('Rechercher dans les publications').fill('usucapion');
  await expect(count).toHaveText('1\u00a0publication');
  await expect(page.getByTestId('post-item')).toHaveCount(1);
  await page.getByTestId('post-item').click();
  await expect(page.getByLabel('Titre de travail')).toHaveValue('Billet 0000');

  // Search, status and partner narrow together, each count true (every even post but the first speaks of mediation).
  await page.getByLabel('Rechercher dans les publications').fill('mediation');
  await expect(count).toHaveText('549\u00a0publications');
  await page.getByLabel('Statut').selectOption({ label: 'Brouillon' });
  await expect(count).toHaveText('274\u00a0publications');
  await page.getByLabel('Partenaire').first().selectOption({ label: 'Youssef Benali' });
  await expect(count).toHaveText('54\u00a0publications');
  await page.getByLabel('Rechercher dans les publications').fill('zzzz');
  await expect(page.getByText('Aucune publication ne correspond.')).toBeVisible();
  await expect(count).toHaveText('0\u00a0publication');
});

test('Ctrl+K, the calendar’s search and its tray of posts without a date say when they show the first few of many', async ({ page }) => {
  test.setTimeout(60_000);
  await seed(page);
  await page.reload();
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');

  // Typed straight after Ctrl+K, on the calendar, before the dialog is there: every letter reaches
  // the field (it used to get « n », the rest going to the page behind).
  await expect(page.getByTestId('view-month')).toBeVisible();
  // The dialog's code comes when first asked for: held 400 ms here, as a busy agency calendar held it.
  await page.route('**/assets/SearchDialog-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.keyboard.press('Control+k');
  // (Without its accent: Playwright types « é », absent from its keyboard, as inserted text with no key event.)
  await page.keyboard.type('mediation');
  await expect(page.getByRole('dialog').getByRole('searchbox')).toHaveValue('mediation');
  // 549 posts speak of mediation: Ctrl+K shows its 20 best and says so.
  await expect(page.getByTestId('quick-search-hit')).toHaveCount(20);
  await expect(page.getByTestId('search-count')).toHaveText(
    'Les 20 plus pertinents sur 549\u00a0résultats\u00a0: précisez la recherche pour trouver les autres.',
  );
  // A search whose hits are all there says nothing more.
  await page.getByRole('dialog').getByRole('searchbox').fill('usucapion');
  await expect(page.getByTestId('quick-search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-count')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The calendar's tray of posts without a date lists the 500 last edited, and says so.
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await expect(page.getByTestId('unscheduled-shown-of')).toHaveText('Les 500 dernières modifiées sur 1\u202f100\u00a0: les autres sont dans Publications.');

  // The calendar's box shows 50, counted within its filters.
  await page.getByLabel('Rechercher dans les titres, textes et notes').fill('mediation');
  await expect(page.getByTestId('search-hit')).toHaveCount(50);
  await expect(page.getByTestId('search-count')).toHaveText(
    'Les 50 plus pertinents sur 549\u00a0résultats\u00a0: précisez la recherche pour trouver les autres.',
  );
});
