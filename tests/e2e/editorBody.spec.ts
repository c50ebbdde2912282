import { expect, test } from '@playwright/test';
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
 * The post's body is a box of its own (styles.css): a keystroke lays out and paints it alone, not
 * the page around it. What the user sees of that: a long post scrolls inside the body, the page
 * keeps its place while they type, the caret stays in view, and the box can be dragged taller.
 */
test('a long post scrolls inside its body: the page keeps its place as lines are typed, the caret stays in view, the body can be dragged taller', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const paragraphs = Array.from({ length: 40 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraphe ${i + 1} : la clause d’imprévision, un an après.` }] }));
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Un long billet', content: { type: 'doc', content: paragraphs } });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);

  const body = page.locator('[data-testid="post-body"][contenteditable="true"]');
  await expect(body).toContainText('Paragraphe 40');
  const note = page.getByLabel('Note interne');
  // Forty paragraphs do not fit: the body scrolls inside, within the window.
  const sizes = await body.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight, contain: getComputedStyle(element).contain }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client * 1.5);
  expect(sizes.contain).toBe('strict');

  const saved = () => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Fin.');
  await saved();
  // The panels answered (the line's checks, the near-duplicates): the page as the user types in it.
  await page.waitForTimeout(1500);
  const before = { body: await body.boundingBox(), note: await note.boundingBox() };
  if (!before.body || !before.note) throw new Error('the body and the note are on the page');
  expect(before.body.height).toBeLessThan(900);
  for (let line = 1; line <= 12; line++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Ligne ajoutée ${line}`);
  }
  await saved();

  // The page around did not move: the body kept its size, the note below it its place.
  const after = { body: await body.boundingBox(), note: await note.boundingBox() };
  expect(after.body).toEqual(before.body);
  expect(after.note).toEqual(before.note);
  // The last line typed is inside the body's visible part.
  const last = body.locator('p').last();
  await expect(last).toHaveText('Ligne ajoutée 12');
  const lastBox = await last.boundingBox();
  if (!lastBox || !after.body) throw new Error('the last line is drawn');
  expect(lastBox.y).toBeGreaterThanOrEqual(after.body.y);
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(after.body.y + after.body.height + 1);

  // The body's corner drags it taller.
  const corner = { x: after.body.x + after.body.width - 3, y: after.body.y + after.body.height - 3 };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x, corner.y + 150, { steps: 5 });
  await page.mouse.up();
  const dragged = await body.boundingBox();
  expect(dragged?.height ?? 0).toBeGreaterThan(after.body.height + 100);

  // And everything typed was saved.
  const stored = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(JSON.stringify(stored.content)).toContain('Ligne ajoutée 12');
});
