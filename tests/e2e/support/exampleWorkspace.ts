import type { Locator, Page } from '@playwright/test';

/**
 * From the welcome screen: loads the example workspace and starts a new post on its first
 * partner (the example has three partners and none in context, so Plume asks for whom).
 * Returns the new post's body.
 */
export async function newPostInExampleWorkspace(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Publications' }).click();
  await page.getByTestId('new-post').click();
  await page.getByTestId('new-post-chooser').getByRole('button').first().click();
  return page.getByTestId('post-body');
}
