import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { proceduresOf } from './support/apiRequests';
import { insertPosts } from './support/bulkPosts';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * The Posts page scrolled several pages down, while posts are saved and deleted elsewhere (another
 * window, another tab: core announces each). The list used to read every loaded page again after
 * each such event, in turn: ~20 ms of core a page on an agency's workspace, so ~0.2 s an event ten
 * pages down. It now asks for the post named (`posts.rows`) and patches the rows it holds.
 */
const POSTS = 1_100;
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/** Billets 0000 to 1099, an hour apart since 2024 (1099 the newest); even ones speak of mediation, odd ones of the lease. */
async function seed(page: Page): Promise<Map<string, string>> {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const titles = Array.from({ length: POSTS }, (_, i) => `Billet ${String(i).padStart(4, '0')}`);
  const ids = insertPosts(
    plume.dataDir,
    titles.map((title, i) => ({
      partnerId: partner.id,
      title,
      text: i % 2 === 0 ? 'Un mot sur la médiation.' : 'Un mot sur le bail.',
      status: 'draft',
      at: Date.UTC(2024, 0, 1) + i * 3_600_000,
    })),
  );
  return new Map(titles.map((title, i) => [title, ids[i] ?? '']));
}

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('a list scrolled four pages down follows saves and deletions made elsewhere without reading its pages again', async ({ page }) => {
  test.setTimeout(90_000);
  const ids = await seed(page);
  const id = (title: string) => ids.get(title) ?? '';
  const reads: string[] = [];
  page.on('request', (request) => reads.push(...proceduresOf(request)));
  await page.goto(`${plume.origin}/#/posts`);
  const count = page.getByTestId('post-count');
  await expect(count).toHaveText('1\u202f100\u00a0publications');
  const rows = page.getByTestId('post-item');
  await expect(rows.first()).toContainText('Billet 1099');

  // Scrolled until four pages of 200 are read (of six).
  const pane = page.locator('.post-list-pane');
  const pagesRead = () => reads.filter((name) => name === 'posts.page').length;
  await expect(async () => {
    await pane.evaluate((element) => element.scrollBy({ top: element.clientHeight * 8 }));
    expect(pagesRead()).toBeGreaterThanOrEqual(4);
  }).toPass({ timeout: 45_000, intervals: [200] });
  await expect(page.locator('.post-list')).toHaveAttribute('aria-busy', 'false');
  const loaded = pagesRead();
  expect(loaded).toBeLessThan(6);
  await pane.evaluate((element) => element.scrollTo({ top: 0 }));

  // Another tab saves Billet 0700 (on the second page): it comes to the top, retitled.
  reads.length = 0;
  const post = await plume.call(page.request, 'posts.get', { id: id('Billet 0700') });
  await plume.call(page.request, 'posts.save', { id: post.id, baseVersion: post.version, title: 'Billet 0700 revu' });
  await expect(rows.first()).toContainText('Billet 0700 revu');
  await expect(count).toHaveText('1\u202f100\u00a0publications');
  // One post deleted elsewhere (Billet 1098, second row): it leaves, the count with it.
  await plume.call(page.request, 'posts.delete', { id: id('Billet 1098') });
  await expect(count).toHaveText('1\u202f099\u00a0publications');
  await expect(rows.filter({ hasText: 'Billet 1098' })).toHaveCount(0);
  await expect(rows.nth(1)).toContainText('Billet 1099');
  await expect(rows.nth(2)).toContainText('Billet 1097');
  // Two events, each answered by a read of the post it names: no loaded page was read again.
  expect(pagesRead()).toBe(0);
  expect(reads.filter((name) => name === 'posts.rows').length).toBeGreaterThanOrEqual(2);

  // Reading on from the last page loaded neither repeats the saved post nor skips a row: the
  // list ends on the oldest post, at the place the count says.
  const oldest = rows.filter({ hasText: 'Billet 0000' });
  await expect(async () => {
    await pane.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(oldest).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(oldest.locator('xpath=..')).toHaveAttribute('aria-posinset', String(POSTS - 1));
  expect(pagesRead()).toBe(6 - loaded);
});

test('a searched list loses a post saved elsewhere that no longer matches, and takes in one that now does', async ({ page }) => {
  test.setTimeout(90_000);
  const ids = await seed(page);
  const id = (title: string) => ids.get(title) ?? '';
  const reads: string[] = [];
  page.on('request', (request) => reads.push(...proceduresOf(request)));
  await page.goto(`${plume.origin}/#/posts`);
  await page.getByLabel('Rechercher dans les publications').fill('mediation');
  const count = page.getByTestId('post-count');
  await expect(count).toHaveText('550\u00a0publications');
  const rows = page.getByTestId('post-item');
  await expect(rows.first()).toContainText('Billet 1098');
  // Two pages read of three (Billets 1098 to 0300 of 1098 to 0000).
  reads.length = 0;
  const pane = page.locator('.post-list-pane');
  await expect(async () => {
    await pane.evaluate((element) => element.scrollBy({ top: element.clientHeight * 8 }));
    expect(reads.filter((name) => name === 'posts.page').length).toBeGreaterThanOrEqual(1);
  }).toPass({ timeout: 30_000, intervals: [200] });
  await expect(page.locator('.post-list')).toHaveAttribute('aria-busy', 'false');
  await pane.evaluate((element) => element.scrollTo({ top: 0 }));
  reads.length = 0;

  // Billet 1096 now speaks of the lease: it leaves the search, and the count drops.
  const leaving = await plume.call(page.request, 'posts.get', { id: id('Billet 1096') });
  await plume.call(page.request, 'posts.save', { id: leaving.id, baseVersion: leaving.version, content: paragraph('Un mot sur le bail.') });
  await expect(count).toHaveText('549\u00a0publications');
  await expect(rows.filter({ hasText: 'Billet 1096' })).toHaveCount(0);
  // Billet 0001 (the lease, far past the rows loaded) now speaks of mediation: it comes at the top.
  const entering = await plume.call(page.request, 'posts.get', { id: id('Billet 0001') });
  await plume.call(page.request, 'posts.save', { id: entering.id, baseVersion: entering.version, content: paragraph('Enfin un mot sur la médiation.') });
  await expect(rows.first()).toContainText('Billet 0001');
  await expect(count).toHaveText('550\u00a0publications');
  expect(reads.filter((name) => name === 'posts.page')).toEqual([]);
  expect(reads.filter((name) => name === 'posts.rows').length).toBeGreaterThanOrEqual(2);
});
