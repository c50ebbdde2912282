import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('a list of 300 posts draws a screenful of rows; scrolling reaches the oldest, which opens', async ({ page }) => {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  for (let n = 1; n <= 300; n++) {
    await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: `Billet n° ${n}`, content: paragraph(`Texte du billet ${n}.`) });
  }
  await page.goto(`${plume.origin}/#/posts`);
  const rows = page.getByTestId('post-item');
  await expect(rows.first()).toBeVisible();
  // The list says how long it is, though only the rows near the screen exist.
  await expect(page.locator('.post-list > li').first()).toHaveAttribute('aria-setsize', '300');
  expect(await rows.count()).toBeLessThan(60);

  // The newest first; the oldest is at the end of the list, drawn once scrolled to.
  await expect(rows.first()).toContainText('Billet n° 300');
  await expect(page.getByText('Billet n° 1', { exact: true })).toHaveCount(0);
  // The rows come 200 at a time: the end of those loaded reads the next ones, and the user scrolls on.
  const oldest = page.getByText('Billet n° 1', { exact: true });
  await expect(async () => {
    await page.locator('.post-list-pane').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
    await expect(oldest).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await oldest.click();
  await expect(page.getByTestId('post-body')).toContainText('Texte du billet 1.');
  expect(await rows.count()).toBeLessThan(60);
});
