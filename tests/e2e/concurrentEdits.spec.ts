import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { holdSaves } from './support/apiRequests';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import type { Post } from '../../shared/posts/schema';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A post, and the copy a tab kept of « Texte de la panne. » typed over its first version while its saves failed, then closed. */
async function postWithUnsavedCopy(page: Page): Promise<Post> {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin'], content: doc('Texte enregistré.') });
  await page.evaluate(
    ([key, copy]) => localStorage.setItem(key, copy),
    [
      `plume.unsaved.${post.id}`,
      JSON.stringify({ postId: post.id, baseVersion: post.version, keptAt: Date.now(), content: doc('Texte de la panne.'), fields: { title: 'Réforme', note: '', networks: ['linkedin'], partnerId: partner.id } }),
    ] as const,
  );
  return post;
}

test('two tabs on one draft: a clean tab follows, a tab with unsaved edits is told and chooses', async ({ context }) => {
  const a = await context.newPage();
  await a.goto(plume.url);
  await a.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await a.getByRole('link', { name: 'Publications' }).click();
  await a.getByTestId('post-item').first().click();
  const postUrl = a.url();
  const b = await context.newPage();
  await b.goto(postUrl);
  await expect(b.getByTestId('post-body')).toBeVisible();

  // A writes; B, with nothing pending, follows without a word lost.
  await a.getByTestId('post-body').click();
  await a.keyboard.press('ControlOrMeta+End');
  await a.keyboard.type(' Ajout depuis A.');
  await saved(a);
  await expect(b.getByTestId('post-body')).toContainText('Ajout depuis A.');
  await expect(b.getByTestId('editor-notice')).toHaveText('Mise à jour depuis une autre fenêtre.');

  // B's next save is held on the wire while A saves again: B must not overwrite A.
  const saves = await holdSaves(b);
  await b.getByTestId('post-body').click();
  await b.keyboard.press('ControlOrMeta+End');
  await b.keyboard.type(' Version de B.');
  await expect.poll(saves.held).toBe(true);

  await a.keyboard.type(' Encore A.');
  // Stored, not just « clean »: A's label turns « unsaved » after the keystroke's frame, so right
  // after typing it may still read clean, and B's save released then would come first.
  const postId = new URL(postUrl).hash.split('/')[2] ?? '';
  await expect.poll(async () => (await plume.call(a.request, 'posts.get', { id: postId })).plainText).toContain('Encore A.');
  await saved(a);
  await saves.release();
  await b.unroute('**/api/call/posts.save');

  await expect(b.getByTestId('conflict-banner')).toBeVisible();
  await expect(b.getByTestId('conflict-banner')).toContainText('modifiée dans une autre fenêtre');
  // Not beside it: « updated from another window » would say the opposite of « which text to keep? ».
  await expect(b.getByTestId('editor-notice')).toHaveCount(0);

  // B keeps its version, knowingly; A follows.
  await b.getByRole('button', { name: 'Garder ma version' }).click();
  await saved(b);
  await expect(a.getByTestId('post-body')).toContainText('Version de B.');
  await expect(a.getByTestId('post-body')).not.toContainText('Encore A.');
  // A's own text was replaced (it is in the history): the notice says so, then goes by itself.
  await expect(a.getByTestId('editor-notice')).toHaveText('Votre texte a été remplacé par celui d’une autre fenêtre\u00a0; il reste dans l’historique.');
  await expect(a.getByTestId('editor-notice')).toHaveCount(0, { timeout: 12_000 });
});

test('opening a post and reading it writes nothing, so a save made elsewhere meanwhile is followed, not called a conflict', async ({ page }) => {
  const saves: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/api/call/posts.save') || (sent.url().includes('/api/batch') && (sent.postData() ?? '').includes('"posts.save"'))) saves.push(sent.url());
  });
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Lecture', timeZone: 'Europe/Paris' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Lecture', content: doc('Texte lu seulement.') });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const body = page.getByTestId('post-body');
  await expect(body).toHaveText('Texte lu seulement.');
  // The editor's save is due at most 0.7 s after a change; leaving the field would flush one.
  await body.click();
  await body.evaluate((element) => { (element as HTMLElement).blur(); });
  await page.waitForTimeout(1500);
  expect(saves).toEqual([]);

  await plume.call(page.request, 'posts.save', { id: post.id, baseVersion: post.version, content: doc('Texte changé ailleurs.') });
  await expect(body).toHaveText('Texte changé ailleurs.');
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
});

test('a copy of unsaved text typed over a version since replaced elsewhere says so, and restoring it asks which text to keep instead of overwriting', async ({ page }) => {
  const post = await postWithUnsavedCopy(page);
  // Meanwhile another tab (or another Plume) saved a newer text.
  const newer = await plume.call(page.request, 'posts.save', { id: post.id, baseVersion: post.version, content: doc('Texte plus récent, écrit ailleurs.') });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const banner = page.getByTestId('unsaved-copy-banner');
  await expect(banner).toContainText('une version plus récente a été enregistrée depuis (dans un autre onglet ou un autre Plume)\u00a0: la rétablir remplacerait ce texte plus récent.');
  await expect(page.getByTestId('post-body')).toContainText('Texte plus récent, écrit ailleurs.');

  await banner.getByRole('button', { name: 'Rétablir le texte non enregistré' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('post-body')).toContainText('Texte de la panne.');
  // Told, and nothing saved over the newer text until the user chooses.
  const conflict = page.getByTestId('conflict-banner');
  await expect(conflict).toBeVisible();
  await page.waitForTimeout(1500);
  const stored = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(stored.version).toBe(newer.version);
  expect(stored.plainText).toContain('Texte plus récent, écrit ailleurs.');

  // Keeping it is the user's choice: then it is saved, and the copy goes.
  await conflict.getByRole('button', { name: 'Garder ma version' }).click();
  await saved(page);
  await expect.poll(async () => (await plume.call(page.request, 'posts.get', { id: post.id })).plainText).toContain('Texte de la panne.');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `plume.unsaved.${post.id}`)).toBeNull();
});

test('a copy typed over the version still stored is offered as before, and restoring it saves it', async ({ page }) => {
  const post = await postWithUnsavedCopy(page);
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const banner = page.getByTestId('unsaved-copy-banner');
  await expect(banner).toContainText('Rétablissez-la pour l’enregistrer');
  await expect(banner).not.toContainText('plus récente');
  await banner.getByRole('button', { name: 'Rétablir le texte non enregistré' }).click();
  await saved(page);
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
  await expect.poll(async () => (await plume.call(page.request, 'posts.get', { id: post.id })).plainText).toContain('Texte de la panne.');
});
