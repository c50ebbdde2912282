import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { approveThenDue } from './support/approvedThenDue';

/**
 * A thread and a first comment wherever the post is shown: the preview chain (screenshots in
 * French and English, for a reviewer), the calendar entry, and the publication by hand.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const COMMON = 'La réforme du droit des contrats change vos conventions de 2026.';
const X_VERSION = 'Réforme des contrats : ce qui change en 2026.';
const X_PARTS = ['Réforme des contrats : ce qui change en 2026. 1/3', 'L’imprévision entre dans vos contrats. 2/3', 'Relisez vos clauses dès aujourd’hui ! 3/3'];
const THREADS_PARTS = ['Réforme des contrats, en deux mots. 1/2', 'Relisez vos clauses avec votre avocat. 2/2'];
const COMMENT = 'Notre note complète : https://cabinet.example/reforme';

/** A post on LinkedIn, X (its own version, as a thread) and Threads (a thread), with a LinkedIn first comment. */
async function seed(page: Page, scheduledAt: number | null): Promise<string> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'x', 'threads'], content: docFromParagraphs([COMMON]), scheduledAt });
  await plume.call(page.request, 'posts.save', {
    id: post.id,
    baseVersion: post.version,
    versions: { x: docFromParagraphs([X_VERSION]) },
    threads: { x: X_PARTS, threads: THREADS_PARTS },
    firstComments: { linkedin: COMMENT },
  });
  return post.id;
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await testInfo.attach(name, { body: await page.getByTestId('previews-panel').screenshot(), contentType: 'image/png' });
}

test('l’aperçu montre le fil X (version propre) et le premier commentaire LinkedIn, en français et en anglais', async ({ page }, testInfo) => {
  const postId = await seed(page, Date.parse('2026-06-08T07:00:00Z'));
  await page.goto(`${plume.origin}/#/posts/${postId}`);
  const panel = page.getByTestId('previews-panel');

  for (const language of ['fr', 'en'] as const) {
    await panel.getByRole('tab', { name: 'X', exact: true }).click();
    const x = panel.getByTestId('preview-x');
    await expect(x.getByTestId('preview-own-version')).toHaveText(language === 'fr' ? 'Version propre' : 'Own version');
    await expect(x.getByTestId('preview-thread-part')).toHaveCount(2);
    await expect(x.getByTestId('preview-thread-part').nth(1)).toContainText('Relisez vos clauses dès aujourd’hui ! 3/3');
    await shoot(page, testInfo, `preview-thread-x-${language}`);

    await panel.getByRole('tab', { name: 'LinkedIn' }).click();
    const linkedin = panel.getByTestId('preview-linkedin');
    await expect(linkedin.getByTestId('preview-own-version')).toHaveCount(0);
    await expect(linkedin.getByTestId('preview-first-comment')).toContainText(COMMENT);
    await shoot(page, testInfo, `preview-first-comment-linkedin-${language}`);

    if (language === 'fr') {
      await page.request.post(`${plume.origin}/api/call/settings.update`, { headers: { Origin: plume.origin }, data: { uiLocale: 'en' } });
      await page.reload();
      await expect(panel.getByRole('heading', { name: 'Previews' })).toBeVisible();
    }
  }
});

test('l’entrée du calendrier nomme les fils et le premier commentaire', async ({ page }) => {
  const postId = await seed(page, Date.parse('2026-06-08T07:00:00Z'));
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  const chip = page.locator(`[data-testid="calendar-entry"][data-entry-id="${postId}"]`);
  await expect(chip.getByTestId('entry-threads')).toHaveText('X · fil de 3 · Threads · fil de 2 · +\u00a01er commentaire');
  await expect(chip.getByTestId('entry-handle')).toHaveAttribute('aria-label', /X · fil de 3 · Threads · fil de 2 · \+\u00a01er commentaire$/u);
});

test('à publier à la main : chaque partie du fil Threads, numérotée avec son bouton de copie, puis le premier commentaire LinkedIn', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: plume.origin });
  const postId = await seed(page, null);
  await approveThenDue(page.request, plume, postId, Date.now() + 1_000);
  await page.goto(`${plume.origin}/#/posts/${postId}`);

  const threads = page.getByTestId('publication-threads');
  await expect(threads).toHaveAttribute('data-state', 'awaiting_manual', { timeout: 20_000 });
  await expect(threads).toContainText('Publiez ce fil de 2\u00a0parties sur Threads');
  const parts = threads.getByTestId('manual-parts-threads').getByTestId('manual-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0)).toContainText(`1/2${THREADS_PARTS[0] ?? ''}`);
  await expect(parts.nth(1)).toContainText(`2/2${THREADS_PARTS[1] ?? ''}`);
  await parts.nth(1).getByRole('button', { name: 'Copier la partie 2' }).click();
  await expect(parts.nth(1).getByRole('button', { name: 'Texte copié' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(THREADS_PARTS[1]);

  const linkedin = page.getByTestId('publication-linkedin');
  await expect(linkedin).toHaveAttribute('data-state', 'awaiting_manual');
  await expect(linkedin.getByTestId('manual-comment-linkedin')).toContainText(COMMENT);
  await linkedin.getByRole('button', { name: 'Copier le premier commentaire' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(COMMENT);
  await saveScreenshot(page, 'manual-thread-fr');
});
