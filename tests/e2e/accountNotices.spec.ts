import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startBlueskyServer } from '../support/fakes/blueskyServer';
import { startMastodonServer } from '../support/fakes/mastodonServer';
import { closedPort } from '../support/loopbackServer';
import { partnerInput } from '../support/partnerInput';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * What the accounts panel and the status bar say when something goes wrong: one sentence per
 * fact, the one that matches what happened, and nothing left over from an earlier attempt.
 * Real Chromium, the real browser-mode server, the REAL Secret Service of
 * scripts/keyring-session.sh, fake networks on loopback.
 */
test.beforeAll(() => {
  if (process.env.PLUME_KEYRING_SESSION !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('Run inside the throw-away keyring: bash scripts/keyring-session.sh npx playwright test tests/e2e/accountNotices.spec.ts');
  }
});

let plume: RunningPlume;
test.afterEach(async () => {
  await plume.stop();
});

async function openNewPartner(page: Page): Promise<void> {
  await page.goto(plume.url);
  const response = await page.request.post(`${plume.origin}/api/call/partners.create`, { headers: { Origin: plume.origin }, data: partnerInput() });
  const body = (await response.json()) as { ok: boolean; value: { id: string } };
  expect(body.ok).toBe(true);
  await page.goto(`${plume.origin}/#/partners/${body.value.id}`);
  await page.reload();
}

const network = (page: Page, name: string) => page.getByTestId(`network-${name}`);

test('connection forms: a text that is no address says what to type, and the last attempt’s notice goes away', async ({ page }) => {
  const pds = await startBlueskyServer();
  plume = await startPlume();
  try {
    await openNewPartner(page);
    await page.getByRole('button', { name: 'Connecter Bluesky' }).click();
    const bluesky = network(page, 'bluesky');
    await bluesky.getByLabel('Identifiant (pseudo ou e-mail)').fill('alice.test');
    await bluesky.getByLabel('Mot de passe d’application').fill('abcd-efgh-ijkl-mnop');
    const server = bluesky.getByLabel('Serveur (PDS), facultatif');
    await server.fill(`http://127.0.0.1:${await closedPort()}`);
    await bluesky.getByRole('button', { name: 'Connecter', exact: true }).click();
    await expect(bluesky.getByTestId('bluesky-notice')).toHaveText('Réseau injoignable. Vérifiez votre connexion et réessayez.');
    await server.fill('pas une adresse');
    await bluesky.getByRole('button', { name: 'Connecter', exact: true }).click();
    const fieldError = bluesky.locator('.field-error');
    await expect(fieldError).toHaveText('Adresse invalide\u00a0: saisissez une adresse comme https://bsky.social');
    expect(await fieldError.textContent()).toBe('Adresse invalide\u00a0: saisissez une adresse comme https://bsky.social');
    await expect.soft(bluesky.getByTestId('bluesky-notice')).toHaveCount(0);

    await page.getByRole('button', { name: 'Connecter Mastodon' }).click();
    const mastodon = network(page, 'mastodon');
    const instance = mastodon.getByLabel('Adresse de l’instance');
    const start = mastodon.getByRole('button', { name: 'Continuer dans le navigateur' });
    await instance.fill('pas une adresse');
    await start.click();
    await expect(mastodon.locator('.field-error')).toHaveText('Adresse invalide\u00a0: saisissez une adresse comme https://mastodon.social');
    // A Bluesky PDS is reachable but is no Mastodon instance: not an https problem.
    await instance.fill(pds.url);
    await start.click();
    await expect(mastodon.getByTestId('oauth-notice')).toHaveText('Aucune instance Mastodon à cette adresse\u00a0: vérifiez-la (par exemple https://mastodon.social).');
    await expect(mastodon.locator('.field-error')).toHaveCount(0);
    // A port fetch never uses.
    await instance.fill('http://127.0.0.1:9');
    await start.click();
    await expect(mastodon.getByTestId('oauth-notice')).toContainText('Port non autorisé\u00a0:');
    // The next attempt's field error replaces that notice.
    await instance.fill('pas une adresse');
    await start.click();
    await expect(mastodon.locator('.field-error')).toHaveText('Adresse invalide\u00a0: saisissez une adresse comme https://mastodon.social');
    await expect(mastodon.getByTestId('oauth-notice')).toHaveCount(0);
  } finally {
    await pds.close();
  }
});

test('Mastodon: the sign-in tab speaks French only; a revoked account tested says so once', async ({ page, context }) => {
  const instance = await startMastodonServer();
  plume = await startPlume();
  try {
    await openNewPartner(page);
    await page.getByRole('button', { name: 'Connecter Mastodon' }).click();
    const mastodon = network(page, 'mastodon');
    await mastodon.getByLabel('Adresse de l’instance').fill(instance.url);
    const popup = context.waitForEvent('page');
    await mastodon.getByRole('button', { name: 'Continuer dans le navigateur' }).click();
    const tab = await popup;
    await expect.poll(() => tab.url()).toContain('/oauth/callback');
    await expect.soft(tab.locator('body')).toHaveText('Compte connecté à Plume. Vous pouvez fermer cet onglet.');
    expect.soft(await tab.locator('html').getAttribute('lang')).toBe('fr');
    await tab.close();

    const row = mastodon.getByTestId('account-row');
    await expect(row.getByTestId('account-status')).toHaveText('Connecté');
    instance.revokeAll();
    await row.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Reconnexion nécessaire');
    const revoked = 'L’accès a été révoqué ou n’est plus valide\u202f: reconnectez le compte.';
    await expect(row.getByTestId('account-notice')).toHaveText(revoked);
    await expect(row.getByText(revoked)).toHaveCount(1);
  } finally {
    await instance.close();
  }
});

test('status bar: while Plume does not answer, no « En ligne » beside « Plume ne répond plus »; it comes back with Plume', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  await expect(page.getByTestId('online-status')).toHaveText('En ligne');
  const { dataDir, origin } = plume;
  await plume.stop();
  await page.getByRole('link', { name: /Partenaires/ }).first().click();
  await expect(page.getByTestId('core-unreachable')).toBeVisible();
  await expect(page.getByTestId('online-status')).toHaveCount(0);

  plume = await startPlume(dataDir);
  expect(plume.origin).toBe(origin);
  await expect(page.getByTestId('core-unreachable')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('online-status')).toHaveText('En ligne');
});
