import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * The Posts page on a workspace larger than a page of the list. It used to read the newest 500
 * posts and show them as if they were all: no count, no search, the rest out of reach.
 */
const POSTS = 1_100;
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('every post of a large workspace can be counted, scrolled to and found', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(plume.url);
  const dupont = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const benali = await plume.call(page.request, 'partners.create', { displayName: 'Youssef Benali', timeZone: 'Africa/Casablanca' });
  // A workspace of years, written as it holds them (creating 1,100 posts one call at a time takes minutes).
  const db = new Database(join(plume.dataDir, 'plume.sqlite'));
  const insert = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, status, version, created_at, updated_at)
     VALUES (?, ?, ?, '["linkedin"]', '{"type":"doc","content":[]}', ?, ?, 1, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < POSTS; i++) {
      const at = Date.UTC(2024, 0, 1) + i * 3_600_000;
      const body = i === 0 ? 'Notre toute première publication, sur l’usucapion.' : i % 2 === 0 ? 'Un mot sur la médiation.' : 'Un mot sur le bail.';
      insert.run(randomUUID(), i % 5 === 0 ? benali.id : dupont.id, `Billet ${String(i).padStart(4, '0')}`, body, i % 4 === 0 ? 'draft' : 'published', at, at);
    }
  })();
  db.close();

  await page.reload();
  await page.getByRole('link', { name: 'Publications' }).click();
  const count = page.getByTestId('post-count');
  await expect(count).toHaveText('1\u202f100\u00a0publications');
  await expect(page.getByTestId('post-item').first()).toContainText('Billet 1099');
  await expect(page.getByTestId('post-item').first().locator('xpath=..')).toHaveAttribute('aria-setsize', String(POSTS));

  // Scrolling to the end reads the older pages, down to the very first post.
  const pane = page.locator('.post-list-pane');
  const oldest = page.getByTestId('post-item').filter({ hasText: 'Billet 0000' });
  await expect(async () => {
    await pane.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(oldest).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(oldest.locator('xpath=..')).toHaveAttribute('aria-posinset', String(POSTS));

  // A word of the oldest post finds it at once, the count following the search.
  await pane.evaluate((element) => element.scrollTo({ top: 0 }));
  await page.getByLabel('Rechercher dans les publications').fill('usucapion');
  await expect(count).toHaveText('1\u00a0publication');
  await expect(page.getByTestId('post-item')).toHaveCount(1);
  await page.getByTestId('post-item').click();
  await expect(page.getByLabel('Titre de travail')).toHaveValue('Billet 0000');

  // Search, status and partner narrow together, each count true (every even post but the first speaks of mediation).
  await page.getByLabel('Rechercher dans les publications').fill('mediation');
  await expect(count).toHaveText('549\u00a0publications');
  await page.getByLabel('Statut').selectOption({ label: 'Brouillon' });
  await expect(count).toHaveText('274\u00a0publications');
  await page.getByLabel('Partenaire').first().selectOption({ label: 'Youssef Benali' });
  await expect(count).toHaveText('54\u00a0publications');
  await page.getByLabel('Rechercher dans les publications').fill('zzzz');
  await expect(page.getByText('Aucune publication ne correspond.')).toBeVisible();
  await expect(count).toHaveText('0\u00a0publication');
});
