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

test('the partner form says what it accepts: a sign-off lead of 100000 h gets « Entre 0 et 720. », a 10,000-character name « 120 caractères au plus. », and what was typed stays', async ({ page }) => {
  await page.goto(plume.url);
  // Past the first screen: one partner already there.
  await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  await page.reload();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.getByRole('button', { name: /Nouveau partenaire/ }).click();
  const name = page.getByLabel('Nom affiché');
  const lead = page.getByLabel('Validation attendue (heures avant publication)');
  await name.fill('x'.repeat(10_000));
  await page.getByLabel('Fuseau horaire (ville)').fill('Europe/Paris');
  await lead.fill('100000');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByTestId('error-signoffLeadHours')).toHaveText('Entre 0 et 720.');
  await expect(page.getByTestId('error-displayName')).toHaveText('120\u00a0caractères au plus.');
  await expect(lead).toHaveValue('100000');
  await expect(lead).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveValue('x'.repeat(10_000));

  await lead.fill('-3');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('error-signoffLeadHours')).toHaveText('Entre 0 et 720.');
  await expect(lead).toHaveValue('-3');
  expect((await plume.call(page.request, 'partners.list', {})).map((p) => p.displayName)).toEqual(['Dana Whitaker']);
});

test('a partner form stopped on errors puts the focus on the first field to correct, and a name already taken is said once, at the name', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Claire Dubois', timeZone: 'Europe/Paris', locale: 'fr' });
  await page.reload();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.getByRole('button', { name: /Nouveau partenaire/ }).click();
  const name = page.getByLabel('Nom affiché');
  const zone = page.getByLabel('Fuseau horaire (ville)');

  // Checked here: the name is empty and the zone unknown; the focus goes to the name, the first of them.
  await zone.fill('Europe/Pariss');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('error-timeZone')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // Checked by core: the name is taken (case and spaces aside). Said at the name only, which gets the focus.
  await name.fill('  claire   DUBOIS ');
  await zone.fill('Europe/Paris');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const taken = 'Un autre partenaire porte déjà ce nom\u00a0: ajoutez de quoi les distinguer (prénom, cabinet…).';
  await expect(page.getByTestId('error-displayName')).toHaveText(taken);
  await expect(page.getByText(taken)).toHaveCount(1);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('  claire   DUBOIS ');
});

test('the sign-off lead reads French decimals and « h »: « 1h30 » is said to be no number of hours, « 1,5 h » is kept and comes back as « 1,5 »', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  await page.reload();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.getByRole('button', { name: /Nouveau partenaire/ }).click();
  await page.getByLabel('Nom affiché').fill('Me Claire Dupont');
  await page.getByLabel('Fuseau horaire (ville)').fill('Europe/Paris');
  const lead = page.getByLabel('Validation attendue (heures avant publication)');
  await lead.fill('1h30');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // Before: « Entre 0 et 720. », which says nothing of what is wrong.
  await expect(page.getByTestId('error-signoffLeadHours')).toHaveText('Un nombre d’heures, par exemple 24 ou 1,5.');

  await lead.fill('1,5 h');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(async () => (await plume.call(page.request, 'partners.list', {})).find((p) => p.displayName === 'Me Claire Dupont')?.signoffLeadMinutes).toBe(90);
  // Edited again, the stored 90 minutes read as French writes them (it came back as « 1.5 »).
  await page.getByTestId('partner-card').filter({ hasText: 'Me Claire Dupont' }).getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByLabel('Validation attendue (heures avant publication)')).toHaveValue('1,5');
});

test('the time zone takes a city as people type it: « Montréal » reads America/Montreal under the field and is stored so', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  await page.reload();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.getByRole('button', { name: /Nouveau partenaire/ }).click();
  await page.getByLabel('Nom affiché').fill('Me Luc Tremblay');
  await page.getByLabel('Fuseau horaire (ville)').fill('Montréal');
  await expect(page.getByTestId('partner-zone-hint')).toContainText('America/Montreal — Heure locale');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // Before: « Fuseau horaire inconnu. Exemple : Europe/Paris. »
  await expect.poll(async () => (await plume.call(page.request, 'partners.list', {})).find((p) => p.displayName === 'Me Luc Tremblay')?.timeZone).toBe('America/Montreal');
});
