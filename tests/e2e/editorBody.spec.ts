import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { caretSeenAtEnd } from './support/caretAtEnd';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/** A window of `height` px, a post of `count` numbered paragraphs of `text`, opened: its body and id. */
async function openNumberedPost(page: Page, height: number, count: number, text: string, title: string): Promise<{ body: Locator; postId: string }> {
  await page.setViewportSize({ width: 1400, height });
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const paragraphs = Array.from({ length: count }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraphe ${i + 1} : ${text}` }] }));
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title, content: { type: 'doc', content: paragraphs } });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const body = page.locator('[data-testid="post-body"][contenteditable="true"]');
  await expect(body).toContainText(`Paragraphe ${count}`);
  return { body, postId: post.id };
}

/** Where `locator` is drawn; it must be. */
async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is drawn');
  return box;
}

/** Clicks into the body near its top, moves the caret to the end of the text and waits to see it there. */
async function caretAtEnd(page: Page, body: Locator): Promise<void> {
  await body.click({ position: { x: 40, y: 20 } });
  await page.keyboard.press('Control+End');
  await caretSeenAtEnd(page, body);
}

/** Where the caret is drawn (an empty paragraph's caret: the paragraph's box). */
async function caretRect(page: Page): Promise<{ top: number; bottom: number }> {
  const caret = await page.evaluate(() => {
    const range = window.getSelection()?.getRangeAt(0);
    const rect = range?.getClientRects()[0] ?? (range?.startContainer instanceof Element ? range.startContainer.getBoundingClientRect() : null);
    return rect ? { top: rect.top, bottom: rect.bottom } : null;
  });
  if (!caret) throw new Error('the caret is somewhere');
  return caret;
}

/**
 * The post's body is a box of its own (styles.css): a keystroke lays out and paints it alone, not
 * the page around it. What the user sees of that: a long post scrolls inside the body, the page
 * keeps its place while they type, the caret stays in view, and the box can be dragged taller.
 */
test('a long post scrolls inside its body: the page keeps its place as lines are typed, the caret stays in view, the body can be dragged taller', async ({ page }) => {
  const { body, postId } = await openNumberedPost(page, 900, 40, 'la clause d’imprévision, un an après.', 'Un long billet');
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
  const stored = await plume.call(page.request, 'posts.get', { id: postId });
  expect(JSON.stringify(stored.content)).toContain('Ligne ajoutée 12');
});

/**
 * The body scrolls itself to the caret when it is wholly in the window (caretInBody.ts); when it
 * is not, the page moves too, as ProseMirror would have done.
 */
test('in a short window, typing below the fold brings the line typed into view, in the body and in the window', async ({ page }) => {
  const { body } = await openNumberedPost(page, 560, 30, 'le bail commercial et sa révision triennale.', 'Un billet à la fenêtre courte');
  // The body does not fit in this window: its lower part is below the fold.
  const start = await boxOf(body);
  expect(start.y + start.height).toBeGreaterThan(560);
  await caretAtEnd(page, body);
  for (let line = 1; line <= 6; line++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Ligne du bas ${line}`);
  }
  const last = body.locator('p').last();
  await expect(last).toHaveText('Ligne du bas 6');
  const lastBox = await boxOf(last);
  const bodyBox = await boxOf(body);
  // In the window…
  expect(lastBox.y).toBeGreaterThanOrEqual(0);
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(560);
  // …and in the body's visible part.
  expect(lastBox.y).toBeGreaterThanOrEqual(bodyBox.y);
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(bodyBox.y + bodyBox.height + 1);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });
});

test('new lines made with Enter alone (no text typed after them) are scrolled into view inside the body', async ({ page }) => {
  const { body } = await openNumberedPost(page, 900, 12, 'la médiation préalable obligatoire.', 'Des lignes vides');
  const bodyBox = await boxOf(body);
  // The body is wholly in the window: it alone scrolls to the caret.
  expect(bodyBox.y + bodyBox.height).toBeLessThan(900);
  await caretAtEnd(page, body);
  // Enter is the editor's own command (no native typing after it to reveal the caret).
  for (let i = 0; i < 30; i++) await page.keyboard.press('Enter');
  await expect(body.locator('p')).toHaveCount(42);
  const caret = await caretRect(page);
  expect(caret.top).toBeGreaterThanOrEqual(bodyBox.y);
  expect(caret.bottom).toBeLessThanOrEqual(bodyBox.y + bodyBox.height + 1);
  // The page kept its place.
  expect(await body.boundingBox()).toEqual(bodyBox);
});

test('with the body’s lower edge inside the window but under the pane’s edge (the status bar), the line typed is scrolled into what the pane shows', async ({ page }) => {
  const { body } = await openNumberedPost(page, 900, 30, 'la rupture conventionnelle homologuée.', 'Sous la barre d’état');
  const pane = page.locator('.editor-pane');
  // A window height where the body ends in the band between the pane's bottom and the window's.
  const placed = async () => {
    const [bodyBox, paneBox, height] = [await boxOf(body), await boxOf(pane), page.viewportSize()?.height ?? 0];
    return bodyBox.y + bodyBox.height > paneBox.y + paneBox.height + 8 && bodyBox.y + bodyBox.height <= height;
  };
  let height = 600;
  for (; height <= 900; height += 10) {
    await page.setViewportSize({ width: 1400, height });
    if (await placed()) break;
  }
  expect(height, 'a window where the body ends under the pane’s edge').toBeLessThanOrEqual(900);

  await caretAtEnd(page, body);
  // Going to the end scrolled the pane to the caret: back to its top, the body under its edge again.
  await pane.evaluate((element) => {
    element.scrollTop = 0;
  });
  expect(await placed()).toBe(true);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  const caret = await caretRect(page);
  const shown = await pane.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    return { top: outer.top + element.clientTop, bottom: outer.top + element.clientTop + element.clientHeight };
  });
  expect(caret.top).toBeGreaterThanOrEqual(shown.top);
  expect(caret.bottom).toBeLessThanOrEqual(shown.bottom);
});

test('a post opens drawn in its typeface at once: nothing under the title moves a moment later', async ({ page }) => {
  // Every frame from the first one that draws the body: where the body is, how tall the title is.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { bodyPlaces: seen });
    const frame = () => {
      const body = document.querySelector('[data-testid="post-body"]');
      const title = document.querySelector('.title-input');
      if (body && title) {
        const place = `body at ${body.getBoundingClientRect().top.toFixed(2)}, title ${title.getBoundingClientRect().height.toFixed(2)} px tall`;
        if (seen.at(-1) !== place) seen.push(place);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await openNumberedPost(page, 900, 12, 'la médiation préalable obligatoire.', 'Dessiné une fois');
  // Every face is in, and a few frames drawn since.
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  expect(await page.evaluate(() => document.fonts.check('600 1em "Source Sans 3"'))).toBe(true);
  const places = await page.evaluate(() => (window as unknown as { bodyPlaces: string[] }).bodyPlaces);
  expect(places).toHaveLength(1);
});
