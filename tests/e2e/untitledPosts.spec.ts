import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * Posts have no title by default: wherever Plume names one (an alert, Ctrl+K) it says
 * « Sans titre », as the Posts list does, never an empty « » or a dash; and an alert about a
 * post goes once it no longer holds (the post asked again, or gone with a restore).
 * Real Chromium against the browser-mode server.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const VOIDED = '«\u00a0Sans titre\u00a0»\u00a0: le texte a changé après l’approbation, qui est annulée.';

async function ready(page: Page): Promise<string> {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  // No sign-off address: a request is recorded without an email.
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  return partner.id;
}

/** An untitled post approved by phone, then edited: its approval is voided and core alerts. */
async function approvedThenEdited(request: APIRequestContext, partnerId: string): Promise<string> {
  const post = await plume.call(request, 'posts.create', { partnerId, networks: ['linkedin'], content: docFromParagraphs(['Le juge peut réviser le contrat.']) });
  await plume.call(request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() });
  const approved = await plume.call(request, 'posts.get', { id: post.id });
  await plume.call(request, 'posts.save', { id: post.id, baseVersion: approved.version, content: docFromParagraphs(['Le juge peut désormais réviser le contrat.']) });
  return post.id;
}

test('an approval voided on an untitled post is alerted as « Sans titre », and the alert goes once the post is asked again', async ({ page }) => {
  const partnerId = await ready(page);
  const postId = await approvedThenEdited(page.request, partnerId);

  const alert = page.getByTestId('alert').filter({ hasText: 'le texte a changé après l’approbation' });
  await expect(alert).toHaveText(new RegExp(`^${VOIDED}`));
  await expect(alert.getByRole('link', { name: 'Ouvrir la publication' })).toBeVisible();

  // Asked again (as the sign-off panel does): the approval voided no longer asks anything.
  await plume.call(page.request, 'signoff.request', { postId });
  await expect(alert).toHaveCount(0);
});

test('an alert about a post a backup restore took away goes, and never opens the post that is gone', async ({ page }) => {
  const partnerId = await ready(page);
  const backup = await plume.call(page.request, 'backups.create', {});
  await approvedThenEdited(page.request, partnerId);
  const alert = page.getByTestId('alert').filter({ hasText: 'le texte a changé après l’approbation' });
  await expect(alert).toHaveText(new RegExp(`^${VOIDED}`));

  // The backup was taken before the post existed: restoring it deletes the post.
  await plume.call(page.request, 'backups.restore', { name: backup.name });
  await expect(alert).toHaveCount(0);
});

test('an alert goes when its post is deleted', async ({ page }) => {
  const partnerId = await ready(page);
  const postId = await approvedThenEdited(page.request, partnerId);
  const alert = page.getByTestId('alert').filter({ hasText: 'le texte a changé après l’approbation' });
  await expect(alert).toHaveCount(1);
  await plume.call(page.request, 'posts.delete', { id: postId });
  await expect(alert).toHaveCount(0);
});

test('Ctrl+K names an untitled post « Sans titre », with how its text begins', async ({ page }) => {
  const partnerId = await ready(page);
  await plume.call(page.request, 'posts.create', {
    partnerId,
    networks: ['linkedin'],
    content: docFromParagraphs(['Trois questions à se poser avant de signer un bail commercial.', 'La médiation préalable est obligatoire depuis le décret de 2025.']),
  });

  await page.goto(`${plume.origin}/#/posts`);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Rechercher' });
  await dialog.getByRole('searchbox', { name: 'Rechercher' }).fill('médiation');
  const hit = dialog.getByTestId('quick-search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('strong')).toHaveText('Sans titre — Trois questions à se poser avant de signer un bail…');
  await expect(hit.locator('mark')).toHaveText(['médiation']);
});
