import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * Waits until the caret is seen in `body`'s last paragraph two frames on, as a user does before
 * typing after Ctrl+End: the editor reads a native caret move from the selection event, and a
 * key pressed within milliseconds of it can come first.
 */
export async function caretSeenAtEnd(page: Page, body: Locator): Promise<void> {
  await expect(async () => {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const atEnd = await body.evaluate((element) => {
      const anchor = window.getSelection()?.anchorNode;
      const paragraph = anchor instanceof Element ? anchor.closest('p') : anchor?.parentElement?.closest('p');
      return paragraph !== null && paragraph !== undefined && paragraph === element.querySelector('p:last-of-type');
    });
    expect(atEnd).toBe(true);
  }).toPass({ timeout: 5000 });
}
