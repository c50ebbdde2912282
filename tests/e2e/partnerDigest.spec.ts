import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/** The partner's page: the digest as the partner would receive it, in their language, and the one-click opt-out. */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

test('the partner page previews the digest in French, “send now” lists it on the Envoi page, and switching it off persists across a reload', async ({ page }) => {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  const partner = await plume.call(page.request, 'partners.create', {
    displayName: 'Me Claire Dupont',
    timeZone: 'Europe/Paris',
    locale: 'fr',
    signoffEmail: 'claire.dupont@example.org',
  });

  await page.goto(`${plume.origin}/#/partners/${partner.id}`);
  const panel = page.getByTestId('partner-digest');
  await expect(panel.getByRole('heading', { name: 'Bilan envoyé au partenaire' })).toBeVisible();
  await expect(panel.getByTestId('digest-frequency')).toHaveValue('monthly');
  await expect(panel.getByText('À\u00a0: claire.dupont@example.org')).toBeVisible();
  await expect(panel.getByTestId('digest-subject')).toHaveText(/^Objet\u00a0: Vos publications en [a-zéû]+ \d{4}$/);
  // The email itself, in a sandboxed frame: French, every section there.
  await expect(panel.getByTestId('digest-frame')).toHaveAttribute('sandbox', '');
  const email = page.frameLocator('[data-testid="digest-frame"]');
  await expect(email.getByText('Bonjour Me Claire Dupont,')).toBeVisible();
  await expect(email.getByRole('heading', { name: 'Publié en votre nom' })).toBeVisible();
  await expect(email.getByRole('heading', { name: 'En attente de votre validation' })).toBeVisible();
  await expect(email.getByText('Les heures sont données à l’heure de Paris.')).toBeVisible();

  // “Send now” with no mail account yet: the digest waits in the outbox, listed on the Envoi page.
  await panel.getByTestId('digest-send-now').click();
  await expect(panel.getByRole('status')).toHaveText(/^Bilan \d{4}-\d{2} placé dans la file d’envoi\.$/);
  await page.goto(`${plume.origin}/#/outbox`);
  await expect(page.getByTestId('digest-email-queue').getByRole('row', { name: /Me Claire Dupont/ })).toContainText('En file');

  await page.goto(`${plume.origin}/#/partners/${partner.id}`);
  await panel.getByRole('button', { name: 'Ne plus envoyer de bilan' }).click();
  await expect(panel.getByTestId('digest-frequency')).toHaveValue('off');
  await expect(panel.getByRole('button', { name: 'Ne plus envoyer de bilan' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('partner-digest').getByTestId('digest-frequency')).toHaveValue('off');
  expect(await plume.call(page.request, 'digest.settings', { partnerId: partner.id })).toEqual({ partnerId: partner.id, frequency: 'off' });
});
