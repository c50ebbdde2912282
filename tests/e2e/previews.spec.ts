import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import twitterText from 'twitter-text';
import { docFromParagraphs } from '../../shared/posts/document';
import { networks } from '../../shared/posts/networks';
import { FOLD_RULES, foldAt } from '../../shared/previews/folds';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { uiMessages } from '../../renderer/src/i18n/resources';
import { linkCardRefusals } from '../../shared/previews/schema';

/**
 * The previews pane of the post editor, in real Chromium, in French and in English. Fonts
 * differ between machines, so the screenshots are attachments for a reviewer and the test
 * asserts facts in the DOM: where each fold falls, the counts, the facets, the card's refusal.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const PARAGRAPHS = [
  'La réforme du #droit-du-travail change la rupture conventionnelle : délais, indemnités, homologation. Voici ce que chaque employeur doit vérifier avant la fin du trimestre, et ce que les salariés peuvent demander dès maintenant.',
  // home.arpa (RFC 8375) is never a public page: no DNS answer, or a home router's private address.
  'Notre analyse complète : https://router.home.arpa/analyse',
  '#DroitDuTravail #Avocats',
];

/** The French words for a link-card refusal, read from the UI's own dictionary. */
function frenchReason(reason: string): string {
  const previews = uiMessages('fr').previews as { linkCard: { refused: Record<string, string> } };
  return previews.linkCard.refused[reason] ?? reason;
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await testInfo.attach(name, { body: await page.getByTestId('previews-panel').screenshot(), contentType: 'image/png' });
}

/** `text`: the post's final text, as core derived it from the document. */
async function everyPane(page: Page, testInfo: TestInfo, language: 'fr' | 'en', text: string): Promise<void> {
  const panel = page.getByTestId('previews-panel');
  const seeMore = language === 'fr' ? '…voir plus' : '…see more';
  for (const network of networks) {
    await panel.getByRole('tab', { name: new RegExp(`^${network === 'x' ? 'X' : network}$`, 'i') }).click();
    const pane = panel.getByTestId(`preview-${network}`);
    await expect(pane).toBeVisible();
    await expect(pane.getByRole('figure').first()).toContainText(language === 'fr' ? 'Texte alternatif' : 'Alt text');
    await expect(pane.locator('img[alt="Graphique des délais"]')).toHaveCount(1);

    const rules = FOLD_RULES[network];
    if (rules) {
      for (const width of ['desktop', 'mobile'] as const) {
        const at = foldAt(text, rules[width]);
        const fold = pane.getByTestId(`preview-fold-${width}`);
        await expect(fold).toHaveAttribute('data-fold-at', String(at));
        const visible = fold.getByTestId(`preview-visible-${width}`);
        await expect(visible).toContainText(network === 'instagram' ? (language === 'fr' ? '… plus' : '… more') : seeMore);
        expect((await visible.innerText()).startsWith(text.slice(0, at ?? 0).split('\n')[0] ?? '')).toBe(true);
      }
    }
    await shoot(page, testInfo, `preview-${network}-${language}`);
  }
}

test('each target network has its preview, with folds, counts and facets, in French and in English', async ({ page }, testInfo) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Rupture conventionnelle', networks: [...networks], content: docFromParagraphs(PARAGRAPHS) });
  await plume.call(page.request, 'publishing.attachMedia', { postId: post.id, data: PNG, mimeType: 'image/png', alt: 'Graphique des délais' });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('previews-panel');
  await expect(panel.getByRole('heading', { name: 'Aperçus' })).toBeVisible();
  await expect(panel.getByRole('tab')).toHaveCount(networks.length);

  // X: the weighted count twitter-text gives (each link 23).
  await panel.getByRole('tab', { name: 'X', exact: true }).click();
  await expect(panel.getByTestId('preview-x').getByTestId('preview-count')).toHaveAttribute('data-used', String(twitterText.parseTweet(post.plainText).weightedLength));
  await expect(panel.getByTestId('preview-x')).toContainText('Chaque lien compte 23 caractères (raccourci t.co).');

  // Bluesky: its own tags, whole.
  await panel.getByRole('tab', { name: 'Bluesky' }).click();
  await expect(panel.getByTestId('preview-bluesky').locator('[data-kind="tag"]').first()).toHaveText('#droit-du-travail');

  // Mastodon: the instance's limits, no content warning.
  await panel.getByRole('tab', { name: 'Mastodon' }).click();
  await expect(panel.getByTestId('preview-mastodon')).toContainText('Sans avertissement de contenu (Plume n’en envoie pas).');
  await expect(panel.getByTestId('preview-mastodon').getByTestId('preview-count')).toHaveAttribute('data-limit', '500');
  // Written as the editor's counters write it (« LinkedIn 323/3 000 »), not « 323 / 3000 ».
  await panel.getByRole('tab', { name: 'LinkedIn' }).click();
  await expect(panel.getByTestId('preview-linkedin').getByTestId('preview-count')).toHaveText(/^LinkedIn \d+\/3\u202f000$/u);

  // A post with an image shows it, not a link card; without the image, the card is read by core,
  // and a link to this very machine is refused in the user's language.
  await plume.call(page.request, 'publishing.detachMedia', { postId: post.id, position: 0 });
  await page.reload();
  await panel.getByRole('tab', { name: 'LinkedIn' }).click();
  const card = panel.getByTestId('preview-linkedin').getByTestId('preview-link-card');
  await expect(card).toHaveAttribute('data-status', 'missing');
  await card.getByRole('button', { name: 'Lire la carte du lien' }).click();
  // Core gives up after 5 s at most (its time limit).
  await expect(card).toHaveAttribute('data-status', 'refused', { timeout: 15_000 });
  // Which refusal depends on this machine's resolver; that it is said in words is the point here
  // (each reason is proven in tests/integration/linkCards).
  const reasons = linkCardRefusals.map((reason) => frenchReason(reason));
  expect(reasons).toContain((await card.innerText()).trim());
  await plume.call(page.request, 'publishing.attachMedia', { postId: post.id, data: PNG, mimeType: 'image/png', alt: 'Graphique des délais' });

  await page.reload();
  await everyPane(page, testInfo, 'fr', post.plainText);

  await page.request.post(`${plume.origin}/api/call/settings.update`, { headers: { Origin: plume.origin }, data: { uiLocale: 'en' } });
  await page.reload();
  await expect(panel.getByRole('heading', { name: 'Previews' })).toBeVisible();
  await everyPane(page, testInfo, 'en', post.plainText);
});

test('the side column boxes and titles the previews, the voice and the near-duplicate guard like the sign-off and publication sections', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Rupture conventionnelle', networks: ['linkedin'], content: docFromParagraphs(PARAGRAPHS) });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);

  const heading = (testId: string, name: string) => page.getByTestId(testId).getByRole('heading', { name, level: 2 });
  const reference = heading('publication-panel', 'Publication');
  await expect(reference).toBeVisible();
  const titleOf = async (title: ReturnType<typeof heading>) => {
    await title.scrollIntoViewIfNeeded();
    const box = await title.boundingBox();
    const fontSize = await title.evaluate((element) => getComputedStyle(element).fontSize);
    return { left: Math.round(box?.x ?? -1), fontSize };
  };
  const expected = await titleOf(reference);
  expect(await titleOf(heading('signoff-panel', 'Validation'))).toEqual(expected);
  expect(await titleOf(heading('previews-panel', 'Aperçus'))).toEqual(expected);
  expect(await titleOf(heading('voice-line', 'Voix'))).toEqual(expected);
  expect(await titleOf(heading('similarity-panel', 'Autres partenaires'))).toEqual(expected);
});
