import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';

test('on a damaged workspace read on read-only, a post can be read but not typed into, and says why', async ({ page }) => {
  let plume = await startPlume();
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  // The click only sends the request: ask until the example's posts are there.
  let postId = '';
  await expect
    .poll(async () => {
      const [first] = await plume.call(page.request, 'posts.list', {});
      postId = first?.id ?? '';
      return postId;
    })
    .not.toBe('');
  await plume.stop();

  // Damage the last pages (the file's free end): the posts still read, the file is not sound.
  const file = join(plume.dataDir, 'plume.sqlite');
  const fd = openSync(file, 'r+');
  const pages = statSync(file).size / 4096;
  for (const at of [pages - 2, pages - 4]) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at * 4096);
  closeSync(fd);

  plume = await startPlume(plume.dataDir);
  try {
    await page.goto(plume.url);
    await page.getByTestId('workspace-health').getByRole('button', { name: 'Continuer en lecture seule' }).click();
    await page.goto(`${plume.origin}/#/posts/${postId}`);
    const body = page.getByTestId('post-body');
    await expect(body).toBeVisible();
    await expect(page.getByTestId('editor-read-only')).toContainText('rien ne peut y être enregistré');
    await expect(body).toHaveAttribute('contenteditable', 'false');
    const before = (await body.textContent()) ?? '';
    await body.click();
    await page.keyboard.type('tapé pour rien');
    await expect(body).toHaveText(before);
    await expect(page.getByRole('textbox', { name: 'Titre de travail' })).not.toBeEditable();
  } finally {
    await plume.stop();
  }
});
