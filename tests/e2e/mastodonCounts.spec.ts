import { expect, test } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});


test('the Mastodon limit typed in Settings is the one the editor counts and lints with', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['mastodon'],
    content: docFromParagraphs(['a'.repeat(520)]),
  });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const counter = page.getByTestId('counter-mastodon');
  await expect(counter).toHaveText('Mastodon 520/500');
  await expect(counter).toHaveAttribute('data-over', 'true');
  const errors = page.getByTestId('editorial-panel').locator('[data-testid="editorial-counts"] [data-severity="error"]');
  await expect(errors).toHaveAttribute('data-count', '1');

  await page.getByRole('link', { name: 'Réglages' }).click();
  const section = page.getByTestId('mastodon-counts');
  await expect(section.getByTestId('mastodon-counts-source')).toHaveText('Valeurs par défaut de Mastodon (500 caractères, 23 par lien).');
  // A figure that is not a whole number is refused in the user's language, nothing saved.
  await section.getByTestId('mastodon-max-characters').fill('mille');
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(section).toContainText('Un nombre entier entre 1 et 1\u202f000\u202f000.');
  await section.getByTestId('mastodon-max-characters').fill('1000');
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(section.getByTestId('mastodon-counts-source')).toHaveText('Saisies à la main.');
  await saveScreenshot(page, 'settings-mastodon-limits-fr');
  expect((await plume.call(page.request, 'settings.get', {})).mastodon.maxCharacters).toBe(1000);

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(counter).toHaveText('Mastodon 520/1\u202f000');
  await expect(counter).toHaveAttribute('aria-label', 'Mastodon\u00a0: 520/1\u202f000 caractères');
  await expect(counter).toHaveAttribute('data-over', 'false');
  await expect(errors).toHaveAttribute('data-count', '0');
  const check = await plume.call(page.request, 'editorial.checkPost', { postId: post.id });
  expect(check.networks.flatMap((run) => run.result.findings).map((finding) => finding.messageKey)).not.toContain('editorial.finding.overLimit');
});
