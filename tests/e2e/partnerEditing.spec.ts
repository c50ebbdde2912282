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

test('the partner form closes on « Annuler » and after « Enregistrer », and one partner at a time is edited', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  const forms = page.getByRole('form', { name: 'Modifier le partenaire' });
  const cards = page.getByTestId('partner-card');

  // On the page's first visit, « Ligne éditoriale » looks like the buttons beside it.
  const edit = cards.nth(0).getByRole('button', { name: 'Modifier' });
  const line = cards.nth(0).getByRole('link', { name: 'Ligne éditoriale' });
  expect(await line.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('1px');
  expect((await line.boundingBox())?.height).toBe((await edit.boundingBox())?.height);

  await cards.nth(0).getByRole('button', { name: 'Modifier' }).click();
  await expect(forms).toHaveCount(1);
  await expect(page.locator('.partner-accounts')).toBeVisible();
  await forms.getByRole('button', { name: 'Annuler' }).click();
  await expect(forms).toHaveCount(0);
  await expect(page.locator('.partner-accounts')).toHaveCount(0);

  // Another partner, then a third: one form, the one asked for.
  await cards.nth(0).getByRole('button', { name: 'Modifier' }).click();
  await cards.nth(1).getByRole('button', { name: 'Modifier' }).click();
  await expect(forms).toHaveCount(1);
  const second = (await cards.nth(1).locator('strong').textContent()) ?? '';
  await expect(forms.getByLabel('Nom affiché')).toHaveValue(second);

  await forms.getByLabel('Fonction').fill('Associée — contentieux');
  await forms.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(forms).toHaveCount(0);
  await expect(cards.nth(1)).toContainText('Associée — contentieux');
});
