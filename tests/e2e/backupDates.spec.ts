import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  // 7 December 2026, 06:51 UTC: 07:51 in Paris, the browser's zone.
  plume = await startPlume(undefined, { PLUME_CLOCK_START: '2026-12-07T06:51:00Z' });
});
test.afterEach(async () => {
  await plume.stop();
});

test('in English, backups are listed day first with a 24-hour time, as the rest of Plume writes dates', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'settings.update', { uiLocale: 'en' });
  await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  await plume.call(page.request, 'backups.create', {});
  await page.goto(plume.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const row = page.getByTestId('backup-row').first();
  // Not the US « Dec 7, 2026, 7:51 AM ».
  await expect(row).toContainText(/\b7 Dec 2026, 07:5\d\b/u);
  await expect(row).not.toContainText(/\b[AP]M\b/u);
});

test('in French, backups are listed as the rest of Plume writes dates', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  await plume.call(page.request, 'backups.create', {});
  await page.goto(plume.url);
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByTestId('backup-row').first()).toContainText(/\b7 déc\. 2026, 07:5\d\b/u);
});
