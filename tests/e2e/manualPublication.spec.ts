import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator } from '@playwright/test';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { approveThenDue } from './support/approvedThenDue';

/**
 * Publishing by hand (no connected account) in real Chromium against the browser-mode server:
 * the "time to publish" alerts, the pasted link, and the Envoi page around them.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

/** An approved post without accounts on `networks`, due in a moment: it waits to be published by hand. */
async function approvedPost(request: APIRequestContext, partnerId: string, title: string, networks: ('x' | 'linkedin')[]): Promise<string> {
  const post = await plume.call(request, 'posts.create', {
    partnerId,
    title,
    networks,
    content: docFromParagraphs([`${title} : le point sur la réforme.`]),
  });
  await approveThenDue(request, plume, post.id, Date.now() + 1_000);
  return post.id;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

test('“time to publish” alerts stack below the page without covering it, and go once the post is published from a LinkedIn link', async ({ page }) => {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const first = await approvedPost(page.request, partner.id, 'Contrats', ['linkedin']);
  await approvedPost(page.request, partner.id, 'Baux commerciaux', ['x', 'linkedin']);
  await approvedPost(page.request, partner.id, 'Prud’hommes', ['x']);

  // Four networks to publish by hand: one stack, three shown, the rest behind "1 autre alerte".
  const alerts = page.getByTestId('alert');
  await expect(page.getByTestId('alerts-more')).toHaveText('1 autre alerte', { timeout: 20_000 });
  await expect(alerts).toHaveCount(3);
  const center = await box(page.getByTestId('alert-center'));
  const pageBox = await box(page.locator('main.content > section').first());
  expect(center.y).toBeGreaterThanOrEqual(pageBox.y + pageBox.height - 1);

  await page.goto(`${plume.origin}/#/posts/${first}`);
  const field = page.getByTestId('manual-url-linkedin');
  await field.fill('https://x.com/MaitreDurand/status/1861234567890123456');
  await field.press('Enter');
  await expect(page.getByTestId('manual-url-error-linkedin')).toHaveText(
    'Lien de la publication LinkedIn\u00a0: c’est un lien vers X, alors qu’il faut le lien d’une publication LinkedIn.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('alerts-more').click();
  await expect(alerts.filter({ hasText: 'Contrats' })).toHaveCount(1);
  await field.fill('https://www.linkedin.com/posts/claire-dupont_contrats-activity-7260000000000000000-AbCd');
  await field.press('Enter');
  await expect(page.getByTestId('publication-linkedin')).toHaveAttribute('data-state', 'published');
  // The post is out: its "time to publish" alert went by itself; the others stay.
  await expect(alerts.filter({ hasText: 'C’est l’heure de publier «\u00a0Contrats\u00a0»' })).toHaveCount(0);
  await expect(alerts.filter({ hasText: 'C’est l’heure de publier' })).toHaveCount(3);
  await expect(alerts.filter({ hasText: '«\u00a0Contrats\u00a0» est publiée.' })).toHaveCount(1);

  await page.getByTestId('alerts-dismiss-all').click();
  await expect(alerts).toHaveCount(0);
});

test('the Envoi page has its h1 and keeps its content clear of the sidebar', async ({ page }) => {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  // A workspace past onboarding.
  await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  await page.goto(`${plume.origin}/#/outbox`);
  const heading = page.getByRole('heading', { level: 1, name: 'Envoi' });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Publications' })).toBeVisible();
  const sidebar = await box(page.locator('.sidebar'));
  for (const part of [heading, page.getByTestId('outbox-online'), page.getByText('Tout ce qui part de cet ordinateur')]) {
    expect((await box(part)).x).toBeGreaterThanOrEqual(sidebar.x + sidebar.width + 16);
  }
});
