import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { docFromParagraphs } from '../../shared/posts/document';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('Ctrl+K finds a post by a word of its body, accents aside, and opens it', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const post = (title: string, body: string) =>
    plume.call(page.request, 'posts.create', { partnerId: partner.id, title, networks: ['linkedin'], content: docFromParagraphs([body]) });
  await post('Vœux de fin d’année', 'Toute l’équipe vous souhaite une belle année.');
  const wanted = await post('Colloque de juin', 'Intervention sur la médiation préalable obligatoire.');

  await page.goto(`${plume.origin}/#/posts`);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Rechercher' });
  await dialog.getByRole('searchbox', { name: 'Rechercher' }).fill('mediation prea');
  const hits = dialog.getByTestId('quick-search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText('Colloque de juin');
  await expect(hits).toContainText('Me Dupont');
  await expect(hits.locator('mark')).toHaveText(['médiation', 'préalable']);
  await hits.click();

  await expect(page).toHaveURL(new RegExp(`#/posts/${wanted.id}$`));
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Titre de travail')).toHaveValue('Colloque de juin');
});

test('one Escape closes Ctrl+K with a word typed, and Ctrl+Alt+N replaces it rather than opening over it', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Publications' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rechercher' });

  await page.keyboard.press('Control+k');
  await dialog.getByRole('searchbox', { name: 'Rechercher' }).fill('contrat');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Control+Alt+n');
  await expect(page.getByTestId('new-post-chooser')).toBeVisible();
  await expect(dialog).toHaveCount(0);
});
