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
 * « Sauvegarder maintenant » on an agency's 1.2 GB workspace took ~45 s, the section silent
 * meanwhile (a greyed button), then « Sauvegarde écrite. ». It now says a backup is under way,
 * about how much it copies, and the seconds gone, then how long it took.
 */
test('a backup that takes a while says it is running, its size and its seconds, then how long it took', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  const backups = page.getByTestId('backups');
  // A first backup, quick: its size is about what the next one copies.
  await backups.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(backups.getByText(/^Sauvegarde écrite en [01]\u00a0s\.$/)).toBeVisible();
  await expect(backups.getByTestId('backup-row').first()).toBeVisible();
  // Backups are named to the second.
  await page.waitForTimeout(1_100);
  const newestSize = (await backups.getByTestId('backup-row').first().locator('.hint').nth(1).innerText()).trim();

  // The copy of a large file, slowed down: its answer held for 2.5 s.
  await page.route('**/api/call/backups.create', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await backups.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  const working = backups.getByTestId('backup-working');
  await expect(working).toHaveText(
    new RegExp(`^Sauvegarde en cours \\(environ ${newestSize.replace(/[.()]/g, '\\$&')} à copier\\)… 0\\u00a0s\\. Plume reste utilisable pendant la copie\\.$`),
  );
  await expect(working).toContainText('… 2\u00a0s.', { timeout: 5_000 });
  await expect(working).toBeHidden({ timeout: 10_000 });
  await expect(backups.getByText(/^Sauvegarde écrite en [23]\u00a0s\.$/)).toBeVisible();
});
