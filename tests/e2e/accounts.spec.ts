import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startBlueskyServer } from '../support/fakes/blueskyServer';
import type { BlueskyServer } from '../support/fakes/blueskyServer';
import { startImapLoginServer } from '../support/imapLoginServer';
import { startMastodonServer } from '../support/fakes/mastodonServer';
import { startSmtpLoginServer } from '../support/smtpLoginServer';
import { proceduresOf } from './support/apiRequests';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { partnerInput } from '../support/partnerInput';

/**
 * Accounts in real Chromium against the real browser-mode server, whose core stores secrets in
 * the REAL Secret Service of scripts/keyring-session.sh (a private D-Bus session and a
 * throw-away gnome-keyring), and talks to networks and mail servers on loopback.
 */
const APP_PASSWORD = 'e2e-app-pass-7a1c-93fd';
const NEW_APP_PASSWORD = 'e2e-app-pass-second-5e20';
const MAIL_USER = 'cm@cabinet-arcand.example';
const MAIL_PASSWORD = 'e2e-mail-password-41be';

test.beforeAll(() => {
  // Never write test secrets into the developer's own keyring, and never skip.
  if (process.env.PLUME_KEYRING_SESSION !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('Run inside the throw-away keyring: bash scripts/keyring-session.sh npx playwright test tests/e2e/accounts.spec.ts');
  }
});

let plume: RunningPlume;
test.afterEach(async () => {
  await plume.stop();
});

/** Every body the API sent to this page, to search for secrets at the end. */
function recordApiResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (proceduresOf(response.request()).length > 0) {
      void response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      );
    }
  });
  return bodies;
}

/** Creates the partner through the API, then opens its page afresh (the UI loaded before it existed). */
async function createPartner(page: Page, origin: string): Promise<string> {
  const response = await page.request.post(`${origin}/api/call/partners.create`, {
    headers: { Origin: origin },
    data: partnerInput(),
  });
  const body = (await response.json()) as { ok: boolean; value: { id: string } };
  expect(body.ok).toBe(true);
  await page.goto(`${origin}/#/partners/${body.value.id}`);
  await page.reload();
  return body.value.id;
}

const network = (page: Page, name: string) => page.getByTestId(`network-${name}`);
async function connectBluesky(page: Page, pds: BlueskyServer, password: string) {
  const bluesky = network(page, 'bluesky');
  if ((await bluesky.getByTestId('bluesky-form').count()) === 0) await page.getByRole('button', { name: 'Connecter Bluesky' }).click();
  await bluesky.getByLabel('Identifiant (pseudo ou e-mail)').fill(pds.handle);
  await bluesky.getByLabel('Mot de passe d’application').fill(password);
  await bluesky.getByLabel('Serveur (PDS), facultatif').fill(pds.url);
  await bluesky.getByRole('button', { name: 'Connecter', exact: true }).click();
}

test('Bluesky: connect with an app password, see the handle, test the connection, disconnect; offline is not an error', async ({ page }) => {
  const pds = await startBlueskyServer({ appPassword: APP_PASSWORD });
  /** How Plume shows a Bluesky handle. */
  const shownHandle = `@${pds.handle}`;
  plume = await startPlume();
  const bodies = recordApiResponses(page);
  try {
    await page.goto(plume.url);
    await createPartner(page, plume.origin);
    await expect(page.getByRole('heading', { name: 'Comptes de Me Claire Dupont' })).toBeVisible();
    const bluesky = network(page, 'bluesky');

    // A wrong app password: refused in French, nothing stored.
    await connectBluesky(page, pds, 'wrong-pass-0000');
    await expect(bluesky.getByTestId('bluesky-notice')).toHaveText('Identifiant ou mot de passe refusé.');
    await expect(bluesky.getByTestId('bluesky-notice')).toHaveAttribute('data-kind', 'error');
    await expect(bluesky.getByTestId('account-row')).toHaveCount(0);

    await connectBluesky(page, pds, APP_PASSWORD);
    const row = bluesky.getByTestId('account-row');
    await expect(row.getByTestId('account-handle')).toHaveText(shownHandle);
    await expect(row.getByTestId('account-status')).toHaveText('Connecté');
    await expect(row).toContainText(pds.displayName);
    await expect(bluesky.getByTestId('network-notice')).toHaveText(`Compte connecté\u202f: ${shownHandle}`);
    await saveScreenshot(page, 'accounts-partner-fr');

    await row.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(row.getByTestId('account-notice')).toHaveText(`Connexion réussie\u202f: ${shownHandle}`);
    await expect(row).toContainText('Dernier test');

    // The app password is revoked in Bluesky: the test says so, the account needs reconnecting,
    // and reconnecting updates the same account.
    pds.revokeSessions();
    pds.appPasswords.clear();
    await row.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Reconnexion nécessaire');
    await expect(row.getByTestId('account-notice')).toHaveText('Identifiant ou mot de passe refusé.');
    await expect(row.getByTestId('account-notice')).toHaveAttribute('data-kind', 'error');
    pds.appPasswords.add(NEW_APP_PASSWORD);
    await row.getByRole('button', { name: 'Se reconnecter' }).click();
    await expect(bluesky.getByLabel('Identifiant (pseudo ou e-mail)')).toHaveValue(pds.handle);
    await bluesky.getByLabel('Mot de passe d’application').fill(NEW_APP_PASSWORD);
    await bluesky.getByRole('button', { name: 'Connecter', exact: true }).click();
    await expect(row.getByTestId('account-status')).toHaveText('Connecté');
    await expect(bluesky.getByTestId('account-row')).toHaveCount(1);

    // Disconnect asks first, then says what happened on the network's side.
    await row.getByRole('button', { name: 'Déconnecter' }).click();
    await expect(row).toContainText(`Déconnecter ${shownHandle}\u202f?`);
    await row.getByRole('button', { name: 'Oui, déconnecter' }).click();
    await expect(bluesky.getByTestId('network-notice')).toHaveText('Accès révoqué auprès du réseau\u202f; secrets effacés.');
    await expect(bluesky.getByTestId('account-row')).toHaveCount(0);
    expect(pds.refreshTokens.size).toBe(0);

    // Connected again, then the PDS goes away: the test says "offline", calmly, and the status stays.
    await connectBluesky(page, pds, NEW_APP_PASSWORD);
    await expect(row.getByTestId('account-status')).toHaveText('Connecté');
    await pds.close();
    await row.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(row.getByTestId('account-notice')).toHaveText('Réseau injoignable pour l’instant (hors ligne)\u202f; le compte n’est pas modifié.');
    await expect(row.getByTestId('account-notice')).toHaveAttribute('data-kind', 'offline');
    await expect(row.getByTestId('account-status')).toHaveText('Connecté');

    // The partner list shows the account's status on the partner's card.
    await page.getByRole('link', { name: 'Partenaires' }).click();
    await expect(page.getByTestId('account-badges')).toHaveText('Bluesky · Connecté');

    // The API never sent the app password back (nor the typed wrong one).
    await expect.poll(() => bodies.length).toBeGreaterThan(8);
    expect(bodies.filter((body) => [APP_PASSWORD, NEW_APP_PASSWORD, 'wrong-pass-0000'].some((secret) => body.includes(secret)))).toEqual([]);
  } finally {
    await pds.close();
  }
});

test('Mastodon: the instance’s sign-in page opens in a new tab and the account appears when it redirects back', async ({ page, context }) => {
  const instance = await startMastodonServer();
  plume = await startPlume();
  try {
    await page.goto(plume.url);
    await createPartner(page, plume.origin);
    const mastodon = network(page, 'mastodon');
    await page.getByRole('button', { name: 'Connecter Mastodon' }).click();
    await mastodon.getByLabel('Adresse de l’instance').fill(instance.url);

    const popup = context.waitForEvent('page');
    await mastodon.getByRole('button', { name: 'Continuer dans le navigateur' }).click();
    const tab = await popup;
    // The tab went to the instance, which redirected to core's loopback listener.
    await expect.poll(() => tab.url()).toContain('/oauth/callback');
    expect(await tab.evaluate(() => window.opener as unknown)).toBeNull();
    const row = mastodon.getByTestId('account-row');
    await expect(row.getByTestId('account-status')).toHaveText('Connecté');
    await expect(row.getByTestId('account-handle')).toHaveText(`@${instance.username}@${new URL(instance.url).host}`);
    await tab.close();

    // The same panel in English.
    await page.request.post(`${plume.origin}/api/call/settings.update`, { headers: { Origin: plume.origin }, data: { uiLocale: 'en' } });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Me Claire Dupont’s accounts' })).toBeVisible();
    await expect(row.getByTestId('account-status')).toHaveText('Connected');
    await expect(row.getByRole('button', { name: 'Test connection' })).toBeVisible();
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'accounts-partner-en');
    await page.request.post(`${plume.origin}/api/call/settings.update`, { headers: { Origin: plume.origin }, data: { uiLocale: 'fr' } });
    await page.reload();

    // A refused consent is said plainly, and nothing is added.
    instance.decide('deny');
    await page.getByRole('button', { name: 'Connecter Mastodon' }).click();
    await mastodon.getByLabel('Adresse de l’instance').fill(instance.url);
    const second = context.waitForEvent('page');
    await mastodon.getByRole('button', { name: 'Continuer dans le navigateur' }).click();
    const deniedTab = await second;
    await expect.poll(() => deniedTab.url()).toContain('/oauth/callback');
    await deniedTab.close();
    await expect(mastodon.getByTestId('oauth-notice')).toHaveText('Autorisation refusée dans le navigateur.');
    await expect(mastodon.getByTestId('account-row')).toHaveCount(1);
  } finally {
    await instance.close();
  }
});

test('mail account: saved with its password in the keychain, the password field empty after saving, SMTP and IMAP tested', async ({ page }) => {
  const smtp = await startSmtpLoginServer(MAIL_USER, MAIL_PASSWORD);
  const imap = await startImapLoginServer(MAIL_USER, MAIL_PASSWORD);
  plume = await startPlume();
  const bodies = recordApiResponses(page);
  try {
    await page.goto(plume.url);
    await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
    await page.getByRole('link', { name: 'Réglages' }).click();
    const form = page.getByTestId('mail-form');
    for (const [kind, port] of [
      ['smtp', smtp.port],
      ['imap', imap.port],
    ] as const) {
      const server = form.getByTestId(`mail-${kind}`);
      await server.getByLabel('Serveur').fill('127.0.0.1');
      await server.getByLabel('Sécurité').selectOption('none');
      await server.getByLabel('Port').fill(String(port));
    }
    await form.getByLabel('Identifiant').fill(MAIL_USER);
    await form.getByLabel('Adresse d’expédition').fill(MAIL_USER);

    // No password the first time: said on the field, nothing sent.
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form.getByTestId('mail-error-password')).toHaveText('Indiquez le mot de passe du compte e-mail.');

    await form.getByTestId('mail-password').fill(MAIL_PASSWORD);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form.getByTestId('mail-notice')).toHaveText('Compte e-mail enregistré. Le mot de passe est dans le trousseau.');
    await expect(form.getByTestId('mail-password')).toHaveValue('');
    await expect(form).toContainText('Mot de passe enregistré dans le trousseau (laisser vide pour le garder)');

    await form.getByRole('button', { name: 'Tester', exact: true }).click();
    await expect(form.getByTestId('mail-probe-smtp')).toHaveText('SMTP\u202f: connexion réussie');
    await expect(form.getByTestId('mail-probe-imap')).toHaveText('IMAP\u202f: connexion réussie');
    await expect(form.getByTestId('mail-status')).toHaveText('Connecté');
    expect(smtp.logins).toContainEqual({ username: MAIL_USER, ok: true });
    await saveScreenshot(page, 'accounts-mail-fr');

    // After a reload: settings back, password still not shown, still usable (it is in the keychain).
    await page.reload();
    await expect(form.getByTestId('mail-smtp').getByLabel('Port')).toHaveValue(String(smtp.port));
    await expect(form.getByTestId('mail-password')).toHaveValue('');
    await form.getByRole('button', { name: 'Tester', exact: true }).click();
    await expect(form.getByTestId('mail-probe-imap')).toHaveText('IMAP\u202f: connexion réussie');

    // SMTP asked over TLS of a server that speaks plain text (a usual slip): the test fails on
    // something else than the password, and the status line says so (it read « Non testé »).
    await form.getByTestId('mail-smtp').getByLabel('Sécurité').selectOption('tls');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form.getByTestId('mail-notice')).toHaveText('Compte e-mail enregistré. Le mot de passe est dans le trousseau.');
    await form.getByRole('button', { name: 'Tester', exact: true }).click();
    await expect(form.getByTestId('mail-probe-smtp')).not.toContainText('connexion réussie');
    await expect(form.getByTestId('mail-status')).toHaveText('Échec du dernier test');
    await expect(form.getByTestId('mail-last-error')).not.toBeEmpty();

    await expect.poll(() => bodies.length).toBeGreaterThan(4);
    expect(bodies.filter((body) => body.includes(MAIL_PASSWORD))).toEqual([]);
  } finally {
    await Promise.all([smtp.close(), imap.close()]);
  }
});

test('keychain absent: a clear message, nothing stored elsewhere, and drafting keeps working', async ({ page }) => {
  const pds = await startBlueskyServer({ appPassword: APP_PASSWORD });
  // This server alone sees no D-Bus session bus, so no Secret Service.
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/plume-no-session-bus';
  try {
    plume = await startPlume();
  } finally {
    process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  }
  try {
    await page.goto(plume.url);
    await createPartner(page, plume.origin);
    const message =
      'Le trousseau du système est verrouillé ou absent\u202f: rien n’a été enregistré. Déverrouillez-le (ou installez-en un, par exemple GNOME Keyring) puis réessayez.';
    await expect(page.getByTestId('keychain-unavailable')).toContainText(message);

    await connectBluesky(page, pds, APP_PASSWORD);
    await expect(network(page, 'bluesky').getByTestId('bluesky-notice')).toHaveText(message);
    await expect(network(page, 'bluesky').getByTestId('account-row')).toHaveCount(0);
    // Core refused before signing in: no session was even opened at the PDS.
    expect(pds.accessTokens.size).toBe(0);
    await saveScreenshot(page, 'accounts-keychain-unavailable-fr');

    await page.getByRole('link', { name: 'Publications' }).click();
    await page.getByTestId('new-post').click();
    await page.getByTestId('post-body').click();
    await page.keyboard.type('Le brouillon s’enregistre sans trousseau.');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });
  } finally {
    await pds.close();
  }
});
