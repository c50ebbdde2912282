import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { partnerWithLine } from './support/partnerWithLine';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const heading = (page: Page) => page.getByRole('heading', { name: 'Ligne éditoriale — Me Claire Dupont' });
const card = (page: Page, id: string) => page.locator(`[data-testid="rule-card"][data-rule-id="${id}"]`);
const addRule = async (page: Page, kind: string) => {
  await page.getByLabel('Nouvelle règle').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Ajouter la règle' }).click();
};
/** Whether closing the tab now would be held (the browser then asks). */
const unloadHeld = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

test('a snippet rule with no snippet, a banned term twice and a weekly minimum above the maximum are refused, each on its field', async ({ page }) => {
  const partnerId = await partnerWithLine(page, plume, [{ kind: 'emojiCount', id: 'emoji-count', max: 3 }]);
  await page.goto(`${plume.origin}/#/editorial/${partnerId}`);
  await expect(heading(page)).toBeVisible();

  // « Extrait obligatoire » left on « Choisir un extrait »: it saved a « … » every post then missed.
  await addRule(page, 'Extrait obligatoire');
  await expect(card(page, 'required-snippet').getByTestId('required-snippet-choice')).toHaveValue('');
  await expect(card(page, 'required-snippet').getByText('Choisissez un extrait.')).toBeVisible();

  // Matching ignores case and accents: « Gratuit » says nothing « gratuit » does not.
  await addRule(page, 'Termes proscrits');
  const banned = card(page, 'banned-term');
  await banned.getByRole('button', { name: 'Ajouter un terme' }).click();
  await banned.getByLabel('Terme 1', { exact: true }).fill('gratuit');
  await banned.getByLabel('Remplacement du terme 1').fill('offert');
  await banned.getByRole('button', { name: 'Ajouter un terme' }).click();
  await banned.getByLabel('Terme 2', { exact: true }).fill('Gratuit');
  await expect(banned.getByText('«\u00a0Gratuit\u00a0» figure déjà dans la liste (terme\u00a01)\u00a0: majuscules et accents ne comptent pas.')).toBeVisible();

  await page.getByLabel('Cadence propre à ce partenaire (remplace celle du cabinet)').check();
  const cadence = page.locator('.cadence');
  await cadence.getByRole('button', { name: 'Ajouter un réseau' }).click();
  await cadence.getByLabel('Au moins', { exact: true }).fill('5');
  await cadence.getByLabel('Au plus', { exact: true }).fill('2');
  await expect(cadence.getByText('Le minimum dépasse le maximum (2).')).toBeVisible();

  await page.getByTestId('save-line').click();
  await expect(page.getByTestId('line-message')).toHaveText('Corrigez les champs signalés\u00a0: rien n’a été enregistré.');
  await expect(page.getByTestId('issue-list')).toContainText('Extrait obligatoire, extrait\u00a0: choisissez un extrait.');
  await expect(page.getByTestId('issue-list')).toContainText('Termes proscrits, terme 2\u00a0: «\u00a0Gratuit\u00a0» figure déjà dans la liste');
  await expect(page.getByTestId('issue-list')).toContainText('minimum\u00a0: le minimum dépasse le maximum (2).');
  expect((await plume.call(page.request, 'editorial.versions', { partnerId })).length).toBe(1);

  // Each fixed, the line saves.
  await card(page, 'required-snippet').getByRole('button', { name: 'Supprimer la règle' }).click();
  await banned.getByLabel('Terme 2', { exact: true }).fill('offre gratuite');
  await cadence.getByLabel('Au plus', { exact: true }).fill('5');
  await page.getByTestId('save-line').click();
  await expect(page.getByTestId('line-message')).toHaveText('Version 2 enregistrée.');
});

test('edits left unsaved when the page is left are kept and taken back; closing the tab with them asks first', async ({ page }) => {
  const partnerId = await partnerWithLine(page, plume, [{ kind: 'exclamationMarks', id: 'exclamation-marks', max: 1 }]);
  await page.goto(`${plume.origin}/#/editorial/${partnerId}`);
  await expect(heading(page)).toBeVisible();
  expect(await unloadHeld(page)).toBe(false);

  await addRule(page, 'Émojis');
  await expect(card(page, 'emoji-count')).toBeVisible();
  await expect(page.getByTestId('line-editor')).toContainText('Version 1 · modifications non enregistrées');
  expect(await unloadHeld(page)).toBe(true);

  await page.getByRole('link', { name: 'Publications' }).click();
  await expect(heading(page)).toHaveCount(0);
  await page.goBack();
  await expect(heading(page)).toBeVisible();
  await expect(card(page, 'emoji-count')).toBeVisible();
  await expect(page.getByTestId('line-editor')).toContainText('Version 1 · modifications non enregistrées');
  await expect(page.getByTestId('line-message')).toHaveText('Vos modifications non enregistrées ont été gardées\u00a0: enregistrez-les ou annulez-les.');

  // Discarded, nothing is kept or held any more.
  await page.getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(card(page, 'emoji-count')).toHaveCount(0);
  expect(await unloadHeld(page)).toBe(false);
  await page.getByRole('link', { name: 'Publications' }).click();
  await page.goBack();
  await expect(heading(page)).toBeVisible();
  await expect(page.getByTestId('line-message')).toHaveCount(0);
});
