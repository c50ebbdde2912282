import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { RunningPlume } from './plumeServer';

/** A draft without a date for a new partner living in `timeZone`, opened in the editor, with its publication date form. */
export async function openDatelessDraft(page: Page, plume: RunningPlume, partner: { displayName: string; timeZone: string }): Promise<{ post: { id: string }; form: Locator }> {
  await page.goto(plume.url);
  const created = await plume.call(page.request, 'partners.create', { ...partner, locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: created.id,
    title: 'Réforme du droit des contrats',
    networks: ['linkedin'],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trois points sur la réforme.' }] }] },
  });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const form = page.getByTestId('schedule-form');
  await expect(form).toBeVisible();
  return { post, form };
}
