import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { RunningPlume } from './plumeServer';
import { approveThenDue } from './approvedThenDue';

/**
 * A fresh workspace with one partner and one LinkedIn post approved by phone, due `dueInMs`
 * from now: there is no LinkedIn account, so it is published by hand (engagement specs).
 * `now`: core's time, when the server runs on a clock of its own (PLUME_CLOCK_START).
 */
export async function approvedManualLinkedinPost(page: Page, plume: RunningPlume, dueInMs: number, now = Date.now()): Promise<{ partnerId: string; postId: string }> {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Contrats',
    networks: ['linkedin'],
    content: docFromParagraphs(['Contrats : le point sur la réforme.']),
  });
  await approveThenDue(page.request, plume, post.id, now + dueInMs, now);
  return { partnerId: partner.id, postId: post.id };
}
