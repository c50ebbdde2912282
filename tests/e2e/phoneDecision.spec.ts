import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('a phone decision recorded right after the request, “Quand” left as shown, is accepted', async ({ page }) => {
  await page.goto(plume.url);
  const claire = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', signoffEmail: '' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: claire.id, title: 'Réforme', networks: ['linkedin'] });
  await plume.call(page.request, 'signoff.request', { postId: post.id });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toHaveAttribute('data-status', 'in_review');
  await panel.getByRole('button', { name: 'Enregistrer une décision' }).click();
  const form = page.getByTestId('signoff-decision-form');
  // The field shows this minute, seconds dropped; the request went out a few seconds into it.
  await expect(form.getByLabel('Quand')).not.toHaveValue('');
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(panel.getByTestId('signoff-status')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByText('La décision est antérieure à la demande')).toHaveCount(0);
});
