import { buildSync } from 'esbuild';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { signatureHex, signatureOf } from '../../shared/similarity/minhash';
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

const DANA_TEXT =
  'Cette semaine, j’ai accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  'Trop d’entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite bien des surprises. #droit #RGPD';
/** Dana's post with a new intro, straight apostrophes, « nous » for « je », other hashtags and one word changed. */
const NEAR_COPY =
  "Petite réflexion du jour. Cette semaine, nous avons accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. " +
  "Trop d'entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite souvent des surprises. #conformité";
const DAY = 86_400_000;

/** Claire and Dana; Dana's post in two days; Claire's draft in three days, opened in the editor (empty, or with `text`). */
async function seed(page: Page, text?: string): Promise<{ draftId: string; otherId: string; date: string }> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const claire = await plume.call(page.request, 'partners.create', { displayName: 'Claire Martin', timeZone: 'Europe/Paris' });
  const dana = await plume.call(page.request, 'partners.create', { displayName: 'Dana Lefèvre', timeZone: 'Europe/Paris' });
  const at = Date.now() + 2 * DAY;
  const other = await plume.call(page.request, 'posts.create', { partnerId: dana.id, title: 'Conformité à Lyon', content: docFromParagraphs([DANA_TEXT]), scheduledAt: at });
  const draft = await plume.call(page.request, 'posts.create', {
    partnerId: claire.id,
    title: 'Réflexion',
    ...(text ? { content: docFromParagraphs([text]) } : {}),
    scheduledAt: at + DAY,
  });
  return { draftId: draft.id, otherId: other.id, date: new Date(at).toISOString().slice(0, 10) };
}

const panel = (page: Page) => page.getByTestId('similarity-panel');

test('drafting a near-copy of another partner’s post raises a finding; the comparison highlights the shared passages; a dismissal survives a reload', async ({ page }) => {
  const { draftId } = await seed(page);
  await page.goto(`${plume.origin}/#/posts/${draftId}`);
  await expect(panel(page).getByTestId('similarity-clear')).toHaveText('Aucun post d’un autre partenaire n’est proche de ce brouillon (±\u00a014\u00a0jours).');

  await page.getByTestId('post-body').click();
  await page.keyboard.insertText(NEAR_COPY);
  const finding = panel(page).getByTestId('similarity-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding.locator('p')).toHaveText(/^ Très proche du post de Dana Lefèvre \(\d{1,2} \p{L}+\)\u00a0: \d{1,3}\u00a0% de passages identiques$/u);

  await finding.getByRole('button', { name: 'Comparer' }).click();
  const dialog = page.getByTestId('similarity-comparison');
  await expect(dialog.getByRole('heading', { name: 'Comparaison avec le post de Dana Lefèvre' })).toBeVisible();
  await expect(dialog.getByTestId('similarity-other-text').locator('mark').first()).toContainText('Le sujet reste stratégique pour les dirigeants');
  await expect(dialog.getByTestId('similarity-draft-text').locator('mark').first()).toBeVisible();
  // The edited word is not marked in Dana's text.
  await expect(dialog.getByTestId('similarity-other-text').locator('mark', { hasText: 'évite bien des' })).toHaveCount(0);
  await saveScreenshot(page, 'near-duplicate-comparison-fr');

  await dialog.getByRole('button', { name: 'Écarter' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(finding).toHaveCount(0);
  await expect(panel(page).getByTestId('similarity-dismissed')).toHaveText('1 rapprochement écarté');

  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  await page.reload();
  await expect(panel(page).getByTestId('similarity-dismissed')).toHaveText('1 rapprochement écarté');
  await expect(panel(page).getByTestId('similarity-finding')).toHaveCount(0);
});

test('rewrite selects the shared passage in the draft', async ({ page }) => {
  const { draftId } = await seed(page, NEAR_COPY);
  await page.goto(`${plume.origin}/#/posts/${draftId}`);
  await panel(page).getByTestId('similarity-finding').getByRole('button', { name: 'Réécrire' }).click();
  // The editor takes the selection on its next update: read it until it is there.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('Le sujet reste stratégique pour les dirigeants');
});

test('the calendar marks both posts of the pair, and the sign-off request names the other post to the community manager', async ({ page }) => {
  const { draftId, date } = await seed(page, NEAR_COPY);
  await page.goto(`${plume.origin}/#/calendar/month/${date}`);
  await expect(page.getByTestId('similarity-marker')).toHaveCount(2);
  await expect(page.getByTestId('similarity-marker').first()).toHaveAttribute('title', 'Proche d’un post d’un autre partenaire');

  await page.goto(`${plume.origin}/#/posts/${draftId}`);
  await page.getByTestId('signoff-panel').getByRole('button', { name: 'Demander la validation' }).click();
  const note = page.getByTestId('signoff-request-form').getByTestId('similarity-signoff-note');
  await expect(note).toContainText(/Proche du post de Dana Lefèvre \(\d{1,2} \p{L}+\)\u00a0: \d{1,3}\u00a0% de passages identiques\. Pour vous seul\u00a0: le partenaire n’en est pas informé\./u);
});

test('in English, the finding reads in English', async ({ page }) => {
  const { draftId } = await seed(page, NEAR_COPY);
  await plume.call(page.request, 'settings.update', { uiLocale: 'en' });
  await page.goto(`${plume.origin}/#/posts/${draftId}`);
  // The UI language is read when the page loads.
  await page.reload();
  await expect(panel(page).getByRole('heading', { name: 'Other partners' })).toBeVisible();
  await expect(panel(page).getByTestId('similarity-finding').locator('p')).toHaveText(/^ Very close to Dana Lefèvre’s post \(\d{1,2} \p{L}+\): \d{1,3}% identical passages$/u);
  await saveScreenshot(page, 'near-duplicate-finding-en');
});

test('a signature computed in Chromium, in the page and in a worker, has the same bytes as in Node', async ({ page }) => {
  // The shared code as the app bundles it for the page and its worker.
  const bundle = buildSync({ entryPoints: ['shared/similarity/minhash.ts'], bundle: true, format: 'iife', globalName: 'PlumeSimilarity', write: false, target: 'es2022' });
  const code = bundle.outputFiles[0]?.text ?? '';
  const texts = ['Cette semaine, j’ai accompagné une PME de Lyon sur la conformité RGPD. #droit', NEAR_COPY, DANA_TEXT, 'ÉTÉ ﬁnance 👉 @Claire https://a.fr', ''];
  const node = texts.map((text) => signatureHex(signatureOf(text)));

  await page.route('http://similarity.test/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/worker.js') {
      return route.fulfill({
        contentType: 'text/javascript',
        body: `${code}\nonmessage = (e) => postMessage(e.data.map((t) => PlumeSimilarity.signatureHex(PlumeSimilarity.signatureOf(t))));`,
      });
    }
    return route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${code}</script>` });
  });
  await page.goto('http://similarity.test/');
  const inPage = await page.evaluate((all) => {
    const api = (window as unknown as { PlumeSimilarity: { signatureHex: (s: unknown) => string; signatureOf: (t: string) => unknown } }).PlumeSimilarity;
    return all.map((text) => api.signatureHex(api.signatureOf(text)));
  }, texts);
  const inWorker = await page.evaluate(
    (all) =>
      new Promise<string[]>((resolve) => {
        const worker = new Worker('/worker.js');
        worker.onmessage = (event: MessageEvent<string[]>) => resolve(event.data);
        worker.postMessage(all);
      }),
    texts,
  );
  expect(inPage).toEqual(node);
  expect(inWorker).toEqual(node);
});

test('the comparison window is a setting of the firm’s editorial line', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await page.getByRole('link', { name: 'Ligne éditoriale' }).click();
  const field = page.getByLabel('Quasi-doublons\u00a0: comparer avec les posts des autres partenaires à ± (jours)');
  await expect(field).toHaveValue('14');
  await field.fill('30');
  await page.getByTestId('save-line').click();
  await expect(page.getByTestId('line-message')).toHaveText('Version 2 enregistrée.');
  expect((await plume.call(page.request, 'editorial.firmLine', {})).similarity.windowDays).toBe(30);
});
