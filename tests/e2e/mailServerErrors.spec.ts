import { expect, test } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * A mistyped mail server name on a machine that is online (browser mode, French Chromium):
 * « Tester » says the server is not found (not « hors ligne ») and the account says its last
 * test failed; a sign-off request by email then waits on the Envoi page with that reason in
 * words (never Node's « getaddrinfo ENOTFOUND »), each try counted. `.invalid` never resolves.
 */

let plume: RunningPlume;
test.afterEach(async () => {
  await plume.stop();
});

const USER = 'cm@cabinet-arcand.example';

test('a server name that does not resolve: « introuvable » on « Tester », the last test failed, and the Envoi row says it with the attempts', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  const form = page.getByTestId('mail-form');
  for (const [kind, host, port, security] of [
    ['smtp', 'smtp.exemple.invalid', '587', 'starttls'],
    ['imap', 'imap.exemple.invalid', '993', 'tls'],
  ] as const) {
    const server = form.getByTestId(`mail-${kind}`);
    await server.getByLabel('Serveur').fill(host);
    await server.getByLabel('Sécurité').selectOption(security);
    await server.getByLabel('Port').fill(port);
  }
  await form.getByLabel('Identifiant').fill(USER);
  await form.getByLabel('Adresse d’expédition').fill(USER);
  await form.getByTestId('mail-password').fill('mail-password-e2e');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByTestId('mail-notice')).toHaveText('Compte e-mail enregistré. Le mot de passe est dans le trousseau.');
  await expect(form.getByTestId('mail-status')).toHaveText('Non testé');

  await form.getByRole('button', { name: 'Tester', exact: true }).click();
  await expect(form.getByTestId('mail-probe-smtp')).toHaveText('SMTP\u202f: serveur smtp.exemple.invalid introuvable\u00a0: vérifiez son nom.', { timeout: 20_000 });
  await expect(form.getByTestId('mail-probe-imap')).toHaveText('IMAP\u202f: serveur imap.exemple.invalid introuvable\u00a0: vérifiez son nom.');
  await expect(form.getByTestId('mail-status')).toHaveText('Échec du dernier test');
  await expect(form.getByTestId('mail-last-error')).toHaveText('Serveur introuvable\u00a0: vérifiez son nom.');
  await saveScreenshot(page, 'accounts-mail-host-not-found-fr');

  // A sign-off request by email for an untitled post: the background loop tries and counts it.
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: 'claire.dupont@example.org' });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: '',
    networks: ['linkedin'],
    content: docFromParagraphs(['Trois points essentiels sur la réforme.']),
    scheduledAt: Date.now() + 72 * 3_600_000,
  });
  await plume.call(page.request, 'signoff.request', { postId: post.id });

  await page.getByRole('link', { name: 'Envoi' }).click();
  const row = page.getByTestId('signoff-email-queue').getByTestId('signoff-email-row');
  await expect(row.getByTestId('signoff-email-attempts')).toHaveText('1 sur 8', { timeout: 20_000 });
  await expect(row.getByTestId('signoff-email-reason')).toHaveText('Serveur smtp.exemple.invalid introuvable\u00a0: vérifiez son nom dans Réglages › Compte e-mail.');
  await expect(row.getByTestId('signoff-email-state')).toHaveText('En attente');
  await expect(row.getByRole('button', { name: 'Sans titre' })).toBeVisible();
  await expect(page.getByTestId('signoff-email-queue')).not.toContainText('ENOTFOUND');
  await saveScreenshot(page, 'outbox-mail-host-not-found-fr');

  // The post says it too, with what to do.
  await row.getByRole('button', { name: 'Sans titre' }).click();
  await expect(page.getByTestId('signoff-email')).toHaveText(
    'E-mail en attente d’envoi (essais\u00a0: 1 sur 8)\u00a0: Serveur smtp.exemple.invalid introuvable\u00a0: vérifiez son nom dans Réglages › Compte e-mail.',
  );
});
