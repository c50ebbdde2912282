import { expect, test } from '@playwright/test';
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
 * Publication end to end: the real browser-mode server (its scheduler running in the
 * background), the real keychain of scripts/keyring-session.sh holding the account's token,
 * a Mastodon instance on loopback, real Chromium showing the result.
 */
const TEXT = 'Réforme du droit des contrats : trois points essentiels pour vos conventions.';

test.beforeAll(() => {
  if (process.env.PLUME_KEYRING_SESSION !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error('Run inside the throw-away keyring: bash scripts/keyring-session.sh npx playwright test tests/e2e/publication.spec.ts');
  }
});

let plume: RunningPlume | null = null;
let mastodon: MastodonServer | null = null;
test.afterEach(async () => {
  await plume?.stop();
  await mastodon?.close();
});


test('an approved post on a Mastodon account goes out at its time and shows « Publiée » with its link', async ({ page }) => {
  mastodon = new MastodonServer();
  await mastodon.start();
  plume = await startPlume();
  const { origin, dataDir } = plume;
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');

  const partner = await plume.call(page.request, 'partners.create', {
    displayName: 'Me Claire Dupont',
    role: 'Associée',
    organisation: 'Cabinet Arcand',
    color: '#1d4ed8',
    timeZone: 'Europe/Paris',
    locale: 'fr',
    signoffEmail: '',
  });
  // The account as the credentials feature stores it: token in the keychain, reference in SQLite.
  await storeAccount(databaseFile(dataDir), new SecretServiceKeychain(), systemClock, {
    partnerId: partner.id,
    network: 'mastodon',
    identity: { externalId: '109000000000000001', handle: 'maitre_durand', displayName: 'Maître Durand', avatarUrl: null },
    secret: { kind: 'oauth', accessToken: 'mastodon-token' },
    instanceUrl: mastodon.url,
    expiresAt: null,
    refreshable: false,
  });

  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['mastodon'],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
  });
  const scheduledAt = Date.now() + 6_000;
  await approveThenDue(page.request, plume, post.id, scheduledAt);

  await page.goto(`${origin}/#/posts/${post.id}`);
  const row = page.getByTestId('publication-mastodon');
  await expect(page.getByTestId('publication-panel')).toBeVisible();
  // Nothing leaves before its time…
  expect(mastodon.statuses).toHaveLength(0);
  // …then the scheduler sends it within seconds of it.
  await expect(row).toHaveAttribute('data-state', 'published', { timeout: 20_000 });
  await expect(row.getByText('Publiée')).toBeVisible();
  expect(mastodon.statuses).toHaveLength(1);
  expect(mastodon.statuses[0]?.text).toBe(TEXT);
  // Not before its time, and within 5 s of it (the scheduler is woken at the post's instant).
  const lateMs = (mastodon.statuses[0]?.createdAt ?? 0) - scheduledAt;
  test.info().annotations.push({ type: 'publication delay', description: `${String(lateMs)} ms after its time` });
  expect(lateMs).toBeGreaterThanOrEqual(0);
  expect(lateMs).toBeLessThan(5_000);
  await expect(row.getByTestId('publication-link')).toHaveAttribute('href', mastodon.statusUrl(mastodon.statuses[0]?.id ?? ''));
  await row.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'publication-published-fr');

  await page.goto(`${origin}/#/outbox`);
  await expect(page.getByTestId('outbox-online')).toHaveAttribute('data-online', 'true');
  await expect(page.getByTestId('outbox-table').getByText('Publiée')).toBeVisible();
  await saveScreenshot(page, 'publication-outbox-fr');
});
