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

/**
 * Chromium's navigation predictor watches one http(s) link in a hundred with an
 * IntersectionObserver delayed by 100 ms; while one is watched, each keystroke's layout brings a
 * frame of its own 100 ms later and a key typed after it waits a display refresh (ui/AppLink.tsx).
 */
test('the editor page holds no http link to Plume itself; its links open with a click, with Enter, and keep their role', async ({ page }) => {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const first = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme des contrats' });
  const second = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Bail commercial' });
  await page.goto(`${plume.origin}/#/posts/${first.id}`);
  await expect(page.getByTestId('post-body')).toBeVisible();
  await expect(page.getByTestId('post-item')).toHaveCount(2);
  await expect(page.getByTestId('editorial-panel')).toBeVisible();

  const linksToPlume = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => new URL(a.href).origin === window.location.origin).map((a) => a.outerHTML.slice(0, 120)),
  );
  expect(linksToPlume).toEqual([]);

  // Still links to the user and to assistive technology.
  const nav = page.getByRole('navigation', { name: 'Plume' });
  await expect(nav.getByRole('link')).toHaveCount(7);
  await expect(nav.getByRole('link', { name: 'Publications' })).toHaveAttribute('aria-current', 'page');

  // A post of the list, by keyboard: Tab reaches it, Enter opens it.
  const row = page.getByTestId('post-item').filter({ hasText: 'Bail commercial' });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/posts/${second.id}$`));
  await expect(page.getByRole('textbox', { name: 'Titre' })).toHaveValue('Bail commercial');

  // The navigation, by click and by Enter.
  await nav.getByRole('link', { name: 'Partenaires' }).click();
  await expect(page).toHaveURL(/#\/partners$/);
  await nav.getByRole('link', { name: 'Réglages' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(nav.getByRole('link', { name: 'Réglages' })).toHaveAttribute('aria-current', 'page');
});
