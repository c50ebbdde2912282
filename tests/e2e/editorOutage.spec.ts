import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import { newPostInExampleWorkspace } from './support/exampleWorkspace';

/**
 * The editor while core is down (user review 4): it stays open and editable, text typed just
 * before the tab closes is kept in the browser, and what is offered back says what happened.
 */
const postIdOf = (page: Page): string => new URL(page.url()).hash.split('/')[2] ?? '';
const copyOf = (page: Page, postId: string) => page.evaluate((key) => localStorage.getItem(key), `plume.unsaved.${postId}`);

/** A new post of the example workspace holding `text`, saved: its body and its id. */
async function savedNewPost(page: Page, url: string, text: string) {
  await page.goto(url);
  const body = await newPostInExampleWorkspace(page);
  await body.click();
  await page.keyboard.type(text);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  return { body, postId: postIdOf(page) };
}

test('the editor stays open and editable while the server is down, and what is typed then is saved once it is back', async ({ page }) => {
  let plume = await startPlume();
  try {
    const { body, postId } = await savedNewPost(page, plume.url, 'Avant la panne.');

    await plume.kill9();
    await page.keyboard.type(' Pendant la panne.');
    await expect(page.getByText(/Plume ne répond plus/).first()).toBeVisible();
    // The post's refetch fails meanwhile: it must not take the editor away.
    await page.waitForTimeout(5000);
    await expect(page.locator('.editor-pane .form-error')).toHaveCount(0);
    await expect(body).toBeVisible();
    await body.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Encore.');
    await expect(body).toContainText('Avant la panne. Pendant la panne. Encore.');

    plume = await startPlume(plume.dataDir);
    await expect.poll(async () => JSON.stringify((await plume.call(page.request, 'posts.get', { id: postId })).content), { timeout: 15_000 }).toContain('Pendant la panne. Encore.');
    // The same tab saved it itself: nothing is offered back as if the window had closed.
    await expect(page.getByTestId('unsaved-copy-banner')).toHaveCount(0);
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  } finally {
    await plume.stop();
  }
});

test('text typed just before closing the tab while the server is down is kept: the browser asks, and the post offers it back in true words', async ({ page, context }) => {
  let plume = await startPlume();
  try {
    const { postId } = await savedNewPost(page, plume.url, 'Texte enregistré.');

    await plume.kill9();
    await expect(page.getByText(/Plume ne répond plus/).first()).toBeVisible();
    // Typed, then closed at once: no save has failed yet (the label says « non enregistrées »).
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.keyboard.type(' Dernière phrase avant fermeture.');
    await page.close({ runBeforeUnload: true });
    expect(await Promise.race([asked, new Promise<string>((resolve) => setTimeout(() => resolve('no dialog'), 3000))])).toBe('beforeunload');

    plume = await startPlume(plume.dataDir);
    const again = await context.newPage();
    await again.goto(plume.url);
    expect(await copyOf(again, postId)).toContain('Dernière phrase avant fermeture.');
    await again.goto(`${plume.origin}/#/posts/${postId}`);
    const banner = again.getByTestId('unsaved-copy-banner');
    await expect(banner).toContainText('Du texte de cette publication n’avait pas pu être enregistré.');
    await expect(banner).not.toContainText('fenêtre s’est fermée');
    await banner.getByRole('button', { name: 'Rétablir le texte non enregistré' }).click();
    await expect(again.getByTestId('post-body')).toContainText('Texte enregistré. Dernière phrase avant fermeture.');
    await expect.poll(async () => JSON.stringify((await plume.call(again.request, 'posts.get', { id: postId })).content)).toContain('Dernière phrase avant fermeture.');
  } finally {
    await plume.stop();
  }
});

test('closing the tab with unsaved text while the server answers: the last save goes out, and the copy kept at close is not offered back', async ({ page, context }) => {
  const plume = await startPlume();
  try {
    const { postId } = await savedNewPost(page, plume.url, 'Texte enregistré.');
    let closingAsked = false;
    page.on('dialog', (dialog) => {
      closingAsked = true;
      void dialog.accept();
    });
    await page.keyboard.type(' Tapé juste avant de fermer.');
    await page.close({ runBeforeUnload: true });
    // Core answers: nothing to ask.
    expect(closingAsked).toBe(false);

    await expect.poll(async () => JSON.stringify((await plume.call(context.request, 'posts.get', { id: postId })).content)).toContain('Tapé juste avant de fermer.');
    const again = await context.newPage();
    await again.goto(`${plume.origin}/#/posts/${postId}`);
    await expect(again.getByTestId('post-body')).toContainText('Tapé juste avant de fermer.');
    await expect(again.getByTestId('unsaved-copy-banner')).toHaveCount(0);
    // The copy said nothing the stored post does not: it is gone.
    await expect.poll(() => copyOf(again, postId)).toBeNull();
  } finally {
    await plume.stop();
  }
});
