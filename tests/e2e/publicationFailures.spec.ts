import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SecretServiceKeychain } from '../../electron/core/credentials/keychain';
import { systemClock } from '../../electron/core/clock';
import { databaseFile } from '../../electron/core/db/open';
import { MastodonServer } from '../support/fakes/mastodonServer';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { approveThenDue } from './support/approvedThenDue';
import { storeAccount } from '../support/storedAccount';

/**
 * What the user reads when a publication does not go as planned: the cause in French with what
 * to do, the network's own words only as a quote (no status code), feedback on « Réessayer »,
 * a held post's reason, and the call-back of a post the instance held for later.
 */
const TEXT = 'Réforme du droit des contrats : trois points essentiels pour vos conventions.';
const STATUSES = { method: 'POST', path: /^\/api\/v1\/statuses$/ } as const;

test.beforeAll(() => {
  if (process.env.PLUME_KEYRING_SESSION !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('Run inside the throw-away keyring: bash scripts/keyring-session.sh npx playwright test tests/e2e/publicationFailures.spec.ts');
  }
});

let plume: RunningPlume | null = null;
let mastodon: MastodonServer | null = null;
test.afterEach(async () => {
  await plume?.stop();
  await mastodon?.close();
});

async function setUp(page: Page): Promise<{ running: RunningPlume; server: MastodonServer; partnerId: string }> {
  const server = new MastodonServer();
  mastodon = server;
  await server.start();
  const running = await startPlume();
  plume = running;
  await page.goto(running.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  const partner = await running.call(page.request, 'partners.create', {
    displayName: 'Me Claire Dupont',
    role: 'Associée',
    organisation: 'Cabinet Arcand',
    color: '#1d4ed8',
    timeZone: 'Europe/Paris',
    locale: 'fr',
    signoffEmail: '',
  });
  await storeAccount(databaseFile(running.dataDir), new SecretServiceKeychain(), systemClock, {
    partnerId: partner.id,
    network: 'mastodon',
    identity: { externalId: '109000000000000001', handle: 'maitre_durand', displayName: 'Maître Durand', avatarUrl: null },
    secret: { kind: 'oauth', accessToken: 'mastodon-token' },
    instanceUrl: server.url,
    expiresAt: null,
    refreshable: false,
  });
  return { running, server, partnerId: partner.id };
}

async function approvedPost(page: Page, running: RunningPlume, partnerId: string, title: string, scheduledAt: number): Promise<string> {
  const post = await running.call(page.request, 'posts.create', {
    partnerId,
    title,
    networks: ['mastodon'],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
  });
  await approveThenDue(page.request, running, post.id, scheduledAt);
  return post.id;
}

async function edit(page: Page, running: RunningPlume, postId: string): Promise<void> {
  const current = await running.call(page.request, 'posts.get', { id: postId });
  await running.call(page.request, 'posts.save', {
    id: postId,
    baseVersion: current.version,
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${TEXT} Corrigé.` }] }] },
  });
}

test('a refusal says why in French with the network’s words as a quote, and « Réessayer » says it tried again', async ({ page }) => {
  const { running, server, partnerId } = await setUp(page);
  server.http.failNext({ status: 403, json: { error: 'This action is not allowed' } }, { ...STATUSES, times: 2 });
  const postId = await approvedPost(page, running, partnerId, 'Refusée par l’instance', Date.now() + 3_000);

  await page.goto(`${running.origin}/#/posts/${postId}`);
  const row = page.getByTestId('publication-mastodon');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(row).toContainText('Mastodon refuse cette action pour ce compte (compte limité ou suspendu\u202f?)\u00a0: vérifiez le compte sur Mastodon, puis réessayez.');
  await expect(row.getByTestId('network-message')).toHaveText('Message de Mastodon\u00a0: «\u00a0This action is not allowed\u00a0»');
  await expect(row).not.toContainText('403');
  // The history in French: no « automatiquement par Plume ».
  const history = page.getByTestId('signoff-history');
  await expect(history.locator('li[data-action="publishFailed"]').first()).toContainText('Échec de la publication sur Mastodon (action refusée pour ce compte) par Plume');
  await expect(history).not.toContainText('automatiquement');
  await expect(history).not.toContainText('signoff.history');
  await saveScreenshot(page, 'publication-forbidden-fr');

  await page.goto(`${running.origin}/#/outbox`);
  const outbox = page.getByTestId('outbox-table');
  await expect(outbox).toContainText('Mastodon refuse cette action pour ce compte');
  await expect(outbox).not.toContainText('403');

  await page.goto(`${running.origin}/#/posts/${postId}`);
  await row.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByTestId('publication-notice')).toHaveText('Nouvel essai lancé\u00a0: la publication repart dans la file d’envoi.');
});

test('a 401 at publication asks to reconnect and flags the account', async ({ page }) => {
  const { running, server, partnerId } = await setUp(page);
  server.failNext({ kind: 'unauthorized' }, STATUSES);
  const postId = await approvedPost(page, running, partnerId, 'Jeton révoqué', Date.now() + 3_000);
  await page.goto(`${running.origin}/#/posts/${postId}`);
  const row = page.getByTestId('publication-mastodon');
  await expect(row).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(row).toContainText('Le réseau refuse l’accès\u00a0: reconnectez le compte.');
  await expect(row.getByTestId('network-message')).toHaveText('Message de Mastodon\u00a0: «\u00a0The access token is invalid\u00a0»');
  await expect(row).not.toContainText('401');
  const accounts = await running.call(page.request, 'accounts.list', { partnerId });
  expect(accounts[0]?.status).toBe('needs_reauth');
});

test('a post edited after its approval says why it was not published, in its panel and on the Envoi page', async ({ page }) => {
  test.setTimeout(90_000);
  const { running, partnerId } = await setUp(page);
  // Held: approved, edited, then due in 2 s (in that order, so a slow run never lets it go out first).
  const held = await approvedPost(page, running, partnerId, 'Validation annulée', Date.now() + 3_600_000);
  await edit(page, running, held);
  await running.call(page.request, 'calendar.schedule', { id: held, scheduledAt: Date.now() + 2_000, zone: 'Europe/Paris' });
  await page.goto(`${running.origin}/#/posts/${held}`);
  await expect(page.getByTestId('held-reason')).toHaveText(
    'Non publiée\u00a0: le texte a changé après l’approbation\u202f; redemandez la validation puis reprogrammez.',
    // A draft wakes no one: the scheduler's 30-second pass holds it.
    { timeout: 45_000 },
  );
  await expect(page.getByTestId('publication-panel')).toContainText('Était prévue le');
  await page.goto(`${running.origin}/#/outbox`);
  await expect(page.getByTestId('outbox-held')).toContainText('Validation annulée');
  await expect(page.getByTestId('outbox-held')).toContainText('le texte a changé après l’approbation');
});

test('a post the instance holds for later, edited while the instance refuses to delete it, shows its withdrawal under way', async ({ page }) => {
  test.setTimeout(120_000);
  const { running, server, partnerId } = await setUp(page);
  // Handed to the instance's scheduler, then edited while the instance refuses to delete it.
  server.failNext({ kind: 'serverError' }, { method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/\d+$/, times: 20 });
  const remote = await approvedPost(page, running, partnerId, 'Programmée sur l’instance', Date.now() + 2 * 60 * 60_000);
  await page.goto(`${running.origin}/#/posts/${remote}`);
  await expect(page.getByTestId('publication-mastodon')).toHaveAttribute('data-state', 'scheduled_remote', { timeout: 45_000 });
  await edit(page, running, remote);
  const withdrawal = page.getByTestId('withdrawal-mastodon');
  await expect(withdrawal).toHaveAttribute('data-state', 'withdrawing', { timeout: 45_000 });
  await expect(withdrawal).toContainText('Retrait de la publication programmée sur Mastodon en cours…');
  // The call-back runs at the scheduler's next pass, and fails there.
  await expect(withdrawal).toContainText('L’instance n’a pas encore accepté\u00a0: nouvel essai le', { timeout: 45_000 });
  expect(server.scheduled).toHaveLength(1);
  await saveScreenshot(page, 'publication-withdrawing-fr');

  await page.goto(`${running.origin}/#/outbox`);
  await expect(page.getByTestId('outbox-table')).toContainText('Retrait de la publication programmée sur Mastodon en cours…');
});

test('an overdue post being retried says why and is never labelled « Programmée »', async ({ page }) => {
  test.setTimeout(90_000);
  const { running, server, partnerId } = await setUp(page);
  // The instance stops answering: every connection is refused.
  await server.close();
  mastodon = null;
  const due = new Date(Date.now() + 3_000);
  const postId = await approvedPost(page, running, partnerId, 'Instance en panne', due.getTime());

  await page.goto(`${running.origin}/#/posts/${postId}`);
  const row = page.getByTestId('publication-mastodon');
  await expect(row.getByTestId('retry-reason')).toContainText(/^Mastodon injoignable depuis \d{2}:\d{2}\u00a0: nouvel essai le .+ \(essai n° 2\)$/u, { timeout: 45_000 });
  const item = page.getByTestId('post-item').filter({ hasText: 'Instance en panne' });
  await expect(item).toContainText('En cours d’envoi', { timeout: 15_000 });
  await expect(item).not.toContainText('Programmée');
  await saveScreenshot(page, 'publication-retrying-fr');

  await page.goto(`${running.origin}/#/calendar/week/${due.toISOString().slice(0, 10)}`);
  const chip = page.locator(`[data-testid="calendar-entry"][data-entry-id="${postId}"]`);
  await expect(chip).toContainText('En cours d’envoi');
  await expect(chip).not.toContainText('Programmée');

  await page.goto(`${running.origin}/#/outbox`);
  await expect(page.getByTestId('outbox-online')).toHaveText('En ligne\u00a0: 1\u00a0envoi attend un nouvel essai (voir ci-dessous).');
  await expect(page.getByTestId('outbox-table')).toContainText('Mastodon injoignable depuis');
});
