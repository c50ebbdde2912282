import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** An empty workspace, one partner (Me Claire Dupont), one post of hers open in the editor; the post's id. */
async function openPost(page: Page, extra: { scheduledAt?: number } = {}): Promise<string> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin'], content: doc('Trois points sur la réforme.'), ...extra });
  return post.id;
}

const goToPost = async (page: Page, postId: string) => {
  await page.goto(`${plume.origin}/#/posts/${postId}`);
  await expect(page.getByTestId('post-body')).toHaveText('Trois points sur la réforme.');
};

test('a revision’s button reads as one sentence: number, latest, date, excerpt, with commas and no stray dash', async ({ page }) => {
  const postId = await openPost(page);
  await goToPost(page, postId);
  const revision = page.getByTestId('revision').first().getByRole('button');
  await expect(revision).toHaveAccessibleName(/^Version 1, dernière, \d{1,2} [a-zéû.]+ \d{4}(,| à) \d{2}:\d{2}, Trois points sur la réforme\.$/u);
});

test('the emoji picker: each emoji named in French, focus moves in on open, arrows move between emoji, Escape returns to the button', async ({ page }) => {
  const postId = await openPost(page);
  await goToPost(page, postId);
  const opener = page.getByRole('button', { name: 'Émoji', exact: true });
  await opener.click();
  const picker = page.getByRole('listbox', { name: 'Émoji' });
  const first = picker.getByRole('option', { name: 'pouce vers le haut' });
  await expect(first).toBeFocused();
  await expect(picker.getByRole('option', { name: 'drapeau\u202f: France' })).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(picker.getByRole('option', { name: 'applaudissements' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Enter on an emoji puts it in the text.
  await opener.click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('post-body')).toContainText('👏');
});

test('while core is down the voice and similarity panels raise no error of their own, and come back by themselves', async ({ page }) => {
  const postId = await openPost(page);
  await goToPost(page, postId);
  const voice = page.getByTestId('voice-line');
  const similarity = page.getByTestId('similarity-panel');
  await expect(page.getByTestId('similarity-clear')).toBeVisible();
  // The editor's text is read (its lint worker is loaded) and both panels have answered once.
  await expect(page.getByTestId('editorial-counts')).toBeVisible();
  await expect(voice).not.toContainText('Lecture du style…');
  await plume.stop();
  // Typing asks both panels again, while nobody answers.
  await page.getByTestId('post-body').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Encore.');
  await expect(page.getByTestId('core-unreachable')).toBeVisible({ timeout: 15_000 });
  // Long enough for their reads and their one retry to fail.
  await page.waitForTimeout(6_000);
  await expect(voice).not.toContainText('a échoué');
  await expect(similarity).not.toContainText('a échoué');
  await expect(page.getByTestId('editorial-panel')).not.toContainText('a échoué');
  await expect(page.getByRole('alert')).toHaveCount(1);

  plume = await startPlume(plume.dataDir);
  await expect(page.getByTestId('core-unreachable')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('similarity-clear')).toBeVisible({ timeout: 15_000 });
  await expect(voice).not.toContainText('a échoué');
});

test('an approved post says before the first keystroke that editing voids the approval; the voided toast does not link to the open post', async ({ page }) => {
  const postId = await openPost(page, { scheduledAt: Date.now() + 86_400_000 });
  await plume.call(page.request, 'signoff.recordDecision', { postId, decision: 'approve', channel: 'phone', decidedAt: Date.now() });
  await goToPost(page, postId);
  const notice = page.getByTestId('approval-notice');
  await expect(notice).toHaveText(/^Validée par Me Claire Dupont le .+\d{2}:\d{2}\u00a0: toute modification du texte annulera la validation\.$/u);
  await expect(notice).toHaveRole('status');

  await page.getByTestId('post-body').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Modifié.');
  const toast = page.locator('[data-testid="alert"][data-key="signoff.alerts.approvalVoided"]');
  await expect(toast).toBeVisible({ timeout: 10_000 });
  await expect(notice).toHaveCount(0);
  await expect(toast.getByRole('link', { name: 'Ouvrir la publication' })).toHaveCount(0);
  // Elsewhere in Plume, the toast links to the post.
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await expect(toast.getByRole('link', { name: 'Ouvrir la publication' })).toBeVisible();
});
