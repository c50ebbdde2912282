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
  await expect(backups.getByText(/^Sauvegarde écrite en (moins d’une seconde|1\u00a0s)\.$/)).toBeVisible();
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

test('restoring a backup from before the first partner keeps Settings in reach: the backup named by its kind, the restore said, the way back there', async ({ page }) => {
  await page.goto(plume.url);
  // The start's automatic backup holds the empty workspace; a partner is created after it.
  await expect.poll(async () => (await plume.call(page.request, 'backups.list', {})).filter((b) => b.kind === 'automatic').length, { timeout: 20_000 }).toBeGreaterThan(0);
  await plume.call(page.request, 'partners.create', { displayName: 'Claire Dubois', timeZone: 'Europe/Paris', locale: 'fr' });
  await page.reload();
  await page.getByRole('link', { name: 'Réglages' }).click();
  const backups = page.getByTestId('backups');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await backups.locator('[data-testid="backup-row"][data-kind="automatic"]').last().getByRole('button', { name: 'Restaurer' }).click();
  expect(await asked).toMatch(/^Restaurer la sauvegarde automatique du .+\u202f\? L’espace de travail actuel est gardé comme sauvegarde\u202f: vous pourrez y revenir\.$/);

  // The workspace has no partner again: Settings stays on screen, saying what was done.
  await expect(backups.getByText(/^Restaurée\u202f: la sauvegarde automatique du .+\. L’espace de travail d’avant est gardé dans la liste\.$/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Réglages', level: 1 })).toBeVisible();
  await expect(backups.locator('[data-testid="backup-row"][data-kind="beforeRestore"]')).toHaveCount(1);
  // Elsewhere the welcome screen is back, with the way to Settings' backups.
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await expect(page.getByRole('heading', { name: /Bienvenue/ })).toBeVisible();
  await page.getByRole('link', { name: 'Restaurer une sauvegarde' }).click();
  await expect(page.getByTestId('backups')).toBeVisible();
});
