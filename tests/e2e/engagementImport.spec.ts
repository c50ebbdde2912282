import { expect, test } from '@playwright/test';
import { linkedinContentExport } from '../support/fixtures/linkedinContentExport';
import { approvedManualLinkedinPost } from './support/manualLinkedinPost';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/** The partner's page: LinkedIn's export imported, its unmatched row shown, the matched figures in the last 90 days. */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('the LinkedIn export is imported on the partner’s page, a row without a Plume post is shown, and the figures join the last 90 days', async ({ page }) => {
  const { partnerId, postId } = await approvedManualLinkedinPost(page, plume, 1_000);
  await expect
    .poll(async () => (await plume.call(page.request, 'publishing.status', { postId })).publications[0]?.state, { timeout: 20_000 })
    .toBe('awaiting_manual');
  const url = 'https://www.linkedin.com/feed/update/urn:li:activity:7398000000000000001';
  await plume.call(page.request, 'publishing.manualDone', { postId, network: 'linkedin', url });

  const today = new Date();
  const us = `${today.getUTCMonth() + 1}/${today.getUTCDate()}/${today.getUTCFullYear()}`;
  const file = await linkedinContentExport({
    from: us,
    to: us,
    followers: 1842,
    impressionsByDay: [[us, 2405]],
    posts: [
      { url, date: us, engagements: 57, impressions: 2310 },
      { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000000', date: '1/20/2020', engagements: 3, impressions: 95 },
    ],
  });

  await page.goto(`${plume.origin}/#/partners/${partnerId}`);
  const panel = page.getByTestId('partner-engagement');
  await expect(panel.getByRole('heading', { name: 'Résultats des 90 derniers jours' })).toBeVisible();
  // A button in Plume's words, reached and pressed with the keyboard (not the browser's « Choose File »).
  const pick = panel.getByRole('button', { name: 'Choisir le fichier d’export…' });
  await pick.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'Content_ClaireDupont.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });

  const result = panel.getByTestId('linkedin-import-result');
  await expect(result.getByRole('status')).toHaveText('1 ligne rapprochée d’une publication. Abonnés\u00a0: 1\u202f842. Dates lues mois/jour/année.');
  // Each matched row names its Plume post, so a wrong match shows.
  await expect(result.getByTestId('linkedin-import-matched').getByRole('link', { name: 'Contrats' })).toHaveAttribute('data-route', `#/posts/${postId}`);
  const unmatched = result.getByTestId('linkedin-import-unmatched');
  await expect(unmatched.locator('caption')).toHaveText('1 ligne sans publication Plume');
  await expect(unmatched.locator('tbody tr td')).toHaveText([
    'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000000',
    '20 janv. 2020',
    '95',
    '3',
    'Aucune publication Plume ce jour-là',
  ]);
  await expect(panel.getByTestId('partner-engagement-linkedin')).toContainText('1 publication');
  await expect(panel.getByTestId('partner-engagement-linkedin').locator('[data-metric="impressions"]')).toHaveText('Impressions\u00a0: 2\u202f310');

  // The post shows the imported reading too.
  await page.goto(`${plume.origin}/#/posts/${postId}`);
  const figures = page.getByTestId('engagement-linkedin');
  await expect(figures.locator('tbody tr td').nth(1)).toHaveText('Import');
});
