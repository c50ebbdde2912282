import { expect, test } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * A way back from held, in real Chromium against the real browser-mode server: a post whose
 * time came without an approval is held; the partner phones afterwards; the community manager
 * records the approval, which does not publish by itself, and chooses "publish now".
 */

let plume: RunningPlume;
test.afterEach(async () => {
  await plume.stop();
});

test('a held post approved late by phone waits for a decision, then is published now', async ({ page }) => {
  plume = await startPlume();
  // The session cookie only (no tab open on this first run).
  await page.request.get(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: '' });
  // Its time has just gone by, unapproved: the next start's first tick holds it.
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['linkedin'],
    content: docFromParagraphs(['Trois points essentiels sur la réforme.']),
    scheduledAt: Date.now() - 60_000,
  });
  await plume.stop();
  plume = await startPlume(plume.dataDir);
  await page.goto(plume.url);

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toHaveAttribute('data-status', 'held', { timeout: 15_000 });

  await panel.getByRole('button', { name: 'Enregistrer une décision' }).click();
  const form = panel.getByTestId('signoff-decision-form');
  await form.getByLabel('Approuvée').check();
  await form.getByLabel('Par téléphone').check();
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();

  // Approved after its time: nothing leaves by itself; the choice is offered.
  const missed = page.getByTestId('missed-decision');
  await expect(missed).toContainText('Approuvée après l’heure prévue');
  await expect(page.getByTestId('next-free-slot')).toBeVisible();
  await expect(panel.getByTestId('signoff-history').locator('li[data-action="approve"]')).toContainText('téléphone');
  const waiting = await plume.call(page.request, 'publishing.status', { postId: post.id });
  expect(waiting).toMatchObject({ status: 'missed', publications: [] });
  await saveScreenshot(page, 'signoff-approved-late-fr');

  await missed.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(missed).toHaveCount(0);
  // LinkedIn without an API account: the publication now awaits its manual step.
  await expect.poll(async () => (await plume.call(page.request, 'publishing.status', { postId: post.id })).status).toBe('scheduled');
});
