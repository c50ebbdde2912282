import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { caretSeenAtEnd } from './support/caretAtEnd';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { partnerWithLine } from './support/partnerWithLine';

let plume: RunningPlume;

test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/** A hundred numbered paragraphs with one banned word each: ~15,000 characters, past what the editor draws whole. */
const PARAGRAPHS = Array.from(
  { length: 100 },
  (_, i) => `Paragraphe ${String(i + 1)} : le meilleur conseil du cabinet tient en une phrase claire, relue par l’associé, qui dit au client ce qu’il doit faire.`,
);

async function openLongPost(page: Page): Promise<void> {
  const partnerId = await partnerWithLine(page, plume, [{ kind: 'bannedTerm', id: 'superlatifs', terms: [{ term: 'meilleur', replacement: 'reconnu' }] }]);
  const post = await plume.call(page.request, 'posts.create', { partnerId, title: 'Long article', networks: ['linkedin'] });
  await plume.call(page.request, 'posts.save', { id: post.id, baseVersion: post.version, content: docFromParagraphs(PARAGRAPHS) });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
}

const body = (page: Page) => page.getByTestId('post-body');
const paragraph = (page: Page, index: number) => body(page).locator('p').nth(index);
const underline = (page: Page, index: number) => paragraph(page, index).locator('span.lint-warning', { hasText: 'meilleur' });

test('a long post underlines the words near what the body shows, and those further on as the body scrolls to them', async ({ page }) => {
  await openLongPost(page);
  await expect(underline(page, 0)).toBeVisible();
  // Every finding is listed, wherever it is in the post.
  await expect(page.getByTestId('editorial-panel').locator('[data-testid="editorial-counts"] [data-severity="warning"]')).toHaveAttribute('data-count', '100');
  // The body shows the first paragraphs: the last ones' words are not drawn underlined yet.
  await expect(underline(page, 99)).toHaveCount(0);
  const drawn = await body(page).locator('span.lint-warning').count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(100);

  // Scrolled to the end (as the wheel or the scrollbar does): its words are underlined, the first ones let go.
  await body(page).evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(underline(page, 99)).toBeVisible();
  await expect(underline(page, 0)).toHaveCount(0);

  // The card opens on a word drawn this way, and its fix applies there.
  await underline(page, 99).hover();
  const card = page.getByTestId('finding-card');
  await expect(card.locator('.lint-card-item').first()).toHaveAttribute('data-rule-id', 'superlatifs');
  await card.getByRole('button', { name: /Remplacer par\s*«\s*reconnu\s*»/u }).click();
  await expect(paragraph(page, 99)).toContainText('le reconnu conseil');
  await expect(underline(page, 99)).toHaveCount(0);

  // Typing at the end of the post: the underlines where the caret is stay drawn, and a banned word typed there is underlined.
  await body(page).click();
  await page.keyboard.press('Control+End');
  await caretSeenAtEnd(page, body(page));
  await page.keyboard.type(' Le meilleur, encore.');
  await expect(paragraph(page, 99).locator('span.lint-warning', { hasText: 'meilleur' })).toBeVisible();
  await expect(underline(page, 98)).toBeVisible();
});

test('a caret moved by Ctrl+End stays at the end when the underlines there are drawn before the editor reads the move', async ({ page }) => {
  await openLongPost(page);
  await expect(underline(page, 0)).toBeVisible();
  await body(page).click({ position: { x: 40, y: 20 } });
  // The editor has read the click: the caret is in the first paragraph.
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('p')?.textContent.slice(0, 13)))
    .toBe('Paragraphe 1 ');
  // Hold the selection events, as a busy page does between a caret move and the event telling of it.
  await page.evaluate(() => {
    const hold = (event: Event) => event.stopImmediatePropagation();
    Object.assign(window, { releaseSelectionEvents: () => window.removeEventListener('selectionchange', hold, { capture: true }) });
    window.addEventListener('selectionchange', hold, { capture: true });
  });
  await page.keyboard.press('Control+End');
  // The body scrolled to the end and drew the underlines there: a redraw before the move was read.
  await expect(underline(page, 99)).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { releaseSelectionEvents: () => void }).releaseSelectionEvents();
    document.dispatchEvent(new Event('selectionchange'));
  });
  await caretSeenAtEnd(page, body(page));
  await page.keyboard.type(' Fin.');
  await expect(paragraph(page, 99)).toContainText('faire. Fin.');
  await expect(paragraph(page, 0)).not.toContainText('Fin.');
});
