import { expect, test } from '@playwright/test';
import type { Page, Route } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });

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

  // B's next save is held on the wire while A saves again: B must not overwrite A.
  let release: (() => void) | null = null;
  let forwarded: Promise<void> = Promise.resolve();
  await b.route('**/api/call/posts.save', (route: Route) => {
    forwarded = new Promise<void>((resolve) => (release = resolve)).then(() => route.continue());
    return forwarded;
  });
  await b.getByTestId('post-body').click();
  await b.keyboard.press('ControlOrMeta+End');
  await b.keyboard.type(' Version de B.');
  await expect.poll(() => release !== null).toBe(true);

  await a.keyboard.type(' Encore A.');
  await saved(a);
  (release as (() => void) | null)?.();
  await forwarded;
  await b.unroute('**/api/call/posts.save');

  await expect(b.getByTestId('conflict-banner')).toBeVisible();
  await expect(b.getByTestId('conflict-banner')).toContainText('modifiée dans une autre fenêtre');

  // B keeps its version, knowingly; A follows.
  await b.getByRole('button', { name: 'Garder ma version' }).click();
  await saved(b);
  await expect(a.getByTestId('post-body')).toContainText('Version de B.');
  await expect(a.getByTestId('post-body')).not.toContainText('Encore A.');
});

test('opening a post and reading it writes nothing, so a save made elsewhere meanwhile is followed, not called a conflict', async ({ page }) => {
  const saves: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/api/call/posts.save') || (sent.url().includes('/api/batch') && (sent.postData() ?? '').includes('"posts.save"'))) saves.push(sent.url());
  });
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Lecture', timeZone: 'Europe/Paris' });
  const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
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
