import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { holdSaves } from './support/apiRequests';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * Two tabs typing at once (user review 4): the tab in conflict says so in its save label and
 * shows the other text, « Garder ma version » keeps the text it replaces in the history, and the
 * other tab is told its text was replaced and where it is.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });

test('keeping my version over another tab’s text keeps that text as a revision, and the other tab is told', async ({ context }) => {
  const a = await context.newPage();
  await a.goto(plume.url);
  await a.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await a.getByRole('link', { name: 'Publications' }).click();
  await a.getByTestId('post-item').first().click();
  const postId = new URL(a.url()).hash.split('/')[2] ?? '';
  // Longer than the banner quotes (280 characters), whichever example post comes first: the
  // banner must quote where the other version differs, not the post's opening.
  await a.getByTestId('post-body').click();
  await a.keyboard.press('ControlOrMeta+End');
  await a.keyboard.insertText(` ${'Un long contexte avant la fin du texte. '.repeat(8)}`);
  await expect.poll(async () => (await plume.call(a.request, 'posts.get', { id: postId })).plainText.length).toBeGreaterThan(320);
  await saved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(b.getByTestId('post-body')).toBeVisible();

  // B's save is held on the wire while A saves: B gets the conflict.
  const saves = await holdSaves(b);
  await b.getByTestId('post-body').click();
  await b.keyboard.press('ControlOrMeta+End');
  await b.keyboard.type(' Version de B.');
  await expect.poll(saves.held).toBe(true);
  await a.getByTestId('post-body').click();
  await a.keyboard.press('ControlOrMeta+End');
  await a.keyboard.type(' Phrase de A seulement.');
  // Stored, not just « clean »: the label turns « unsaved » only after the keystroke's frame, so
  // right after typing it may still read clean, and B's save released then would come first.
  await expect.poll(async () => (await plume.call(a.request, 'posts.get', { id: postId })).plainText).toContain('Phrase de A seulement.');
  await saved(a);
  await saves.release();
  await b.unroute('**/api/call/posts.save');

  const banner = b.getByTestId('conflict-banner');
  await expect(banner).toBeVisible();
  // The label does not say « Enregistré » beside « not saved yet ».
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-status', 'conflict');
  await expect(b.getByTestId('save-status')).toHaveText('Non enregistré — conflit avec une autre fenêtre');
  // The other window's text is shown before choosing.
  await expect(banner).toContainText('Phrase de A seulement.');

  await banner.getByRole('button', { name: 'Garder ma version' }).click();
  await saved(b);
  await expect(a.getByTestId('post-body')).toContainText('Version de B.');
  await expect(a.getByTestId('post-body')).not.toContainText('Phrase de A seulement.');
  // A's text, replaced, is in the history, and A is told so.
  await expect(a.getByTestId('editor-notice')).toHaveText('Votre texte a été remplacé par celui d’une autre fenêtre\u00a0; il reste dans l’historique.');
  const page = await plume.call(a.request, 'posts.revisions', { postId, limit: 50 });
  const texts = await Promise.all(page.items.map((item) => plume.call(a.request, 'posts.revision', { id: item.id })));
  expect(texts.some((revision) => revision.plainText.includes('Phrase de A seulement.'))).toBe(true);
});
