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

const LONG =
  'La réforme du droit des contrats change la donne pour vos conventions de 2026. ' +
  'Le juge peut désormais réviser un contrat devenu excessivement onéreux pour une partie. ' +
  'Trois points méritent votre attention avant toute signature\u202f: l’imprévision, la caducité et la clause abusive. ' +
  'Vous doutez\u202f? Relisez vos clauses dès aujourd’hui avec votre avocat\u202f!';

test('un message X trop long devient un fil de 2 parties avec leurs compteurs, et la validation les lie', async ({ page }) => {
  await page.goto(plume.url);
  // Onboarding done first: the partner is then created through the API, not the welcome screen.
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const claire = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', signoffEmail: '' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: claire.id,
    title: 'Réforme',
    networks: ['x'],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: LONG }] }] },
  });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('threads-panel');
  await expect(panel.getByText('X\u00a0: le texte dépasse la limite du réseau.')).toBeVisible();
  await panel.getByRole('button', { name: 'Transformer en fil' }).click();

  const parts = panel.getByTestId('thread-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0).getByTestId('thread-part-count')).toHaveText(/^\d+\u00a0\/\u00a0280$/);
  await expect(parts.nth(1).getByTestId('thread-part-count')).toHaveText(/^\d+\u00a0\/\u00a0280$/);
  await expect(parts.nth(0).getByRole('textbox')).toHaveValue(/ 1\/2$/);
  await expect(parts.nth(1).getByRole('textbox')).toHaveValue(/ 2\/2$/);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  const saved = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(saved.threads?.x).toHaveLength(2);
  // The preview shows the chain: the first part, then the second as its reply.
  await expect(page.getByTestId('previews-panel').getByTestId('preview-thread-part')).toHaveCount(1);

  // Approved by phone: the approval covers the parts, so editing one voids it.
  await plume.call(page.request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() });
  const signoff = page.getByTestId('signoff-panel');
  await expect(signoff.getByTestId('signoff-status')).toHaveAttribute('data-status', 'approved');
  await page.reload();
  await parts.nth(1).getByRole('textbox').fill('Relisez vos clauses dès aujourd’hui\u202f! 2/2');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  await expect(signoff.getByTestId('signoff-status')).toHaveAttribute('data-status', 'draft');
});

test('le fil X se découpe dans la version propre de X, pas dans le texte commun', async ({ page }) => {
  await page.goto(plume.url);
  // Onboarding done first: the partner is then created through the API, not the welcome screen.
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const claire = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', signoffEmail: '' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: claire.id,
    title: 'Réforme',
    networks: ['linkedin', 'x'],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nouveau droit des contrats.' }] }] },
  });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('threads-panel');
  // The common text fits on X: nothing to split.
  await expect(panel.getByRole('button', { name: 'Transformer en fil' })).toHaveCount(0);

  // X gets its own, longer version, typed in its tab: the thread follows it as it is typed.
  await page.getByTestId('version-tab-x').click();
  await page.getByRole('button', { name: 'Créer une version pour X' }).click();
  const body = page.getByTestId('version-body-x');
  await body.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(LONG);
  await expect(panel.getByText('X\u00a0: le texte dépasse la limite du réseau.')).toBeVisible();
  await panel.getByRole('button', { name: 'Transformer en fil' }).click();
  const parts = panel.getByTestId('thread-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0).getByRole('textbox')).toHaveValue(/^La réforme du droit des contrats/);
  await expect(parts.nth(1).getByRole('textbox')).toHaveValue(/avec votre avocat\u202f! 2\/2$/);
});
