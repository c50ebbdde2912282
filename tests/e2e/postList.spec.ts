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

test('the status filter shows its whole label beside the search, at 1600×1000 and 1280×720', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  await page.goto(`${plume.origin}/#/posts`);
  const filter = page.getByTestId('post-status-filter');
  for (const viewport of [{ width: 1600, height: 1000 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(viewport);
    await expect(filter).toHaveValue('');
    // The chosen option's words, in the select's own font, fit inside it (its arrow and padding aside).
    const fits = await filter.evaluate((select: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      const style = getComputedStyle(select);
      context.font = style.font;
      const label = select.selectedOptions[0]?.text ?? '';
      // Its paddings and the drop-down arrow (~20 px in Chromium) take room too.
      const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
      return label === 'Tous les statuts' && context.measureText(label).width <= room;
    });
    expect(fits, `${viewport.width}×${viewport.height}`).toBe(true);
    await expect(page.getByTestId('post-search')).toBeVisible();
  }
});
