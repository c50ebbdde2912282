import { expect, test } from '@playwright/test';
import { approvedManualLinkedinPost } from './support/manualLinkedinPost';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/** Figures on the post: a LinkedIn post published by hand, its figures typed in and shown over time. */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('figures typed by hand for a post published by hand are shown on the post, by network', async ({ page }) => {
  const { postId } = await approvedManualLinkedinPost(page, plume, 1_000);

  await page.goto(`${plume.origin}/#/posts/${postId}`);
  const field = page.getByTestId('manual-url-linkedin');
  await field.fill('https://www.linkedin.com/posts/claire-dupont_contrats-activity-7260000000000000000-AbCd', { timeout: 20_000 });
  await field.press('Enter');
  await expect(page.getByTestId('publication-linkedin')).toHaveAttribute('data-state', 'published');

  const figures = page.getByTestId('engagement-linkedin');
  await expect(figures).toContainText('Publiée à la main\u00a0: saisissez les chiffres lus sur le réseau.');
  await expect(figures).toContainText('Aucun chiffre pour l’instant.');
  await figures.getByTestId('engagement-manual-open-linkedin').click();
  // Nothing typed: refused in the user's language, nothing saved.
  await figures.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(figures.getByRole('alert')).toContainText('Saisissez au moins un chiffre.');
  await figures.getByTestId('engagement-manual-likes').fill('42');
  await figures.getByTestId('engagement-manual-replies').fill('7');
  await figures.getByTestId('engagement-manual-impressions').fill('2310');
  await figures.getByRole('button', { name: 'Enregistrer' }).click();

  const table = figures.locator('table');
  await expect(table.locator('thead th')).toHaveText(['Lu le', 'Source', 'J’aime', 'Réponses', 'Impressions']);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr td').nth(1)).toHaveText('Saisie');
  // Thousands grouped as French writes them (« 2310 » was one run of digits).
  await expect(table.locator('tbody tr td.figure')).toHaveText(['42', '7', '2\u202f310']);
  const stored = await plume.call(page.request, 'engagement.forPost', { postId });
  expect(stored.publications[0]?.readings).toMatchObject([{ source: 'manual', figures: { likes: 42, replies: 7, impressions: 2310 } }]);

  // The calendar entry carries the badge: 42 likes + 7 replies (impressions are not interactions).
  await page.goto(`${plume.origin}/#/calendar/week`);
  const badge = page.locator(`[data-entry-id="${postId}"]`).getByTestId('engagement-badge');
  await expect(badge).toHaveText('♥ 49');
  await expect(badge).toHaveAttribute('aria-label', '49 interactions');
});
