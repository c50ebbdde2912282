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

test('the grace period refuses an emptied or fractional value in the app’s own words, keeps the saved one, and saves a valid one', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await page.goto(`${plume.origin}/#/outbox`);
  const field = page.getByTestId('grace-minutes');
  await expect(field).toHaveValue('15');
  const grace = async () => (await plume.call(page.request, 'publishing.settings', {})).graceMinutes;

  // Emptied then Enter: before, this saved 0 minutes without a word.
  await field.fill('');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Entre 0 et 1\u00a0440 minutes (24\u00a0h).');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await grace()).toBe(15);

  // Not the browser's bubble (in its own language): the same sentence.
  await field.fill('2.5');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert')).toHaveText('Entre 0 et 1\u00a0440 minutes (24\u00a0h).');
  expect(await grace()).toBe(15);

  await field.fill('30');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(grace).toBe(30);
});
