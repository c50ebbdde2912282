import { expect, test } from '@playwright/test';
import { proceduresOf } from './support/apiRequests';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/**
 * A browser keeps six connections to Plume, and the event stream holds one: the first screen's
 * reads (a dozen) queued behind each other, each costing the page a request. Reads asked for
 * together now travel as one request, each answered as soon as core has it.
 */
test('the first screen asks for the open post and the post list in one request, and the editor opens with both', async ({ page }) => {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Bail commercial',
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'La révision triennale du loyer.' }] }] },
  });
  // Away from the first page, so none of its late reads is counted.
  await page.goto('about:blank');
  const requests: string[][] = [];
  page.on('request', (request) => {
    const procedures = proceduresOf(request);
    if (procedures.length > 0) requests.push(procedures);
  });
  await page.goto(`${plume.url}#/posts/${post.id}`);
  await expect(page.getByTestId('post-body')).toContainText('La révision triennale du loyer.');
  await expect(page.getByTestId('post-item')).toHaveCount(1);
  const first = requests[0] ?? [];
  expect(first).toEqual(expect.arrayContaining(['settings.get', 'workspace.state', 'partners.list', 'posts.get', 'posts.page']));
  // The open post is asked for before the list: core answers it first.
  expect(first.indexOf('posts.get')).toBeLessThan(first.indexOf('posts.page'));
  // Every read the page asked for, far fewer requests than reads.
  const reads = requests.flat().length;
  expect(requests.length).toBeLessThan(reads / 2);
});

/**
 * Chromium refuses a keepalive request (what lets the last save leave as a tab closes) whose body
 * is over 64 KiB: such a save failed as if Plume were unreachable, and the post stayed unsaved.
 */
test('a post of 70,000 characters, its save over 64 KiB, is saved as typed', async ({ page }) => {
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const sentence = 'L’été dernier, la Cour a précisé l’étendue du préjudice réparable. ';
  const paragraphs = Array.from({ length: 100 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `${i + 1}. ${sentence.repeat(10)}` }] }));
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Chronique longue', content: { type: 'doc', content: paragraphs } });
  expect(post.plainText.length).toBeGreaterThan(65_000);

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const body = page.locator('[data-testid="post-body"][contenteditable="true"]');
  await expect(body).toContainText('100. L’été dernier');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Fin de la chronique.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 10_000 });
  const stored = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(stored.plainText.endsWith('Fin de la chronique.')).toBe(true);
  expect(stored.version).toBeGreaterThan(post.version);
});
